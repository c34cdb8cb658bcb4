// Housing targets for older people (afsprakenkader ouderenhuisvesting), homes built, and the
// inconsistencies found in the printed source tables.

import type { MunicipalityCode, RegionId } from './geography';
import type { SourceId } from './source';

export const HOUSING_TYPES = ['nultreden', 'geclusterd', 'zorggeschikt'] as const;
export type HousingType = (typeof HOUSING_TYPES)[number];

export const SCENARIOS = ['basis', 'trend'] as const;
/** basis = Basisscenario Rijk (ABF/RIVM); trend = Trendscenario Companen (Monitor Gezond Wonen). */
export type Scenario = (typeof SCENARIOS)[number];

export type HomesPerType = Record<HousingType, number>;

/** Target up to and including 2030 for one municipality, both scenarios. */
export interface MunicipalTarget {
  municipalityCode: MunicipalityCode;
  basis: HomesPerType;
  trend: HomesPerType;
  source: SourceId;
}

/** Region totals as printed (Twente has only these; its per-municipality annex is not in the text). */
export interface RegionTarget {
  region: RegionId;
  basis: HomesPerType;
  trend: HomesPerType;
  source: SourceId;
}

/** A place where the source contradicts itself. The printed value is kept; this records it. */
export interface SourceInconsistency {
  id: string;
  /** What is affected: 'homesBuilt', 'keyProject:<id>', 'keyProjectTotal:<municipality>', ... */
  subject: string;
  /** Message key in the catalogue explaining it, with params. */
  code: string;
  printed: number;
  computed: number;
  /** Other figure given by the source for the same thing, if any. */
  alternative?: number;
  source: SourceId;
}

/** One municipality's figure in a printed table (homes built, outlook 2031-2035); null where it prints '-'. */
export interface MunicipalHomesFigure {
  municipalityCode: MunicipalityCode;
  homes: number | null;
  source: SourceId;
}

/** A printed per-municipality table with its printed region total and the contradictions found in it. */
export interface MunicipalHomesTable {
  region: RegionId;
  rows: MunicipalHomesFigure[];
  printedTotal: number;
  inconsistencies: SourceInconsistency[];
  source: SourceId;
}
