// Housing targets for older people (afsprakenkader ouderenhuisvesting), homes built, and the
// inconsistencies found in the printed source tables.

import type { MunicipalityCode, RegionId } from './geography';
import type { SourceId } from './source';

export const HOUSING_TYPES = ['nultreden', 'geclusterd', 'zorggeschikt'] as const;
export type HousingType = (typeof HOUSING_TYPES)[number];

export const TARGET_SCENARIOS = ['basis', 'trend'] as const;
/**
 * The scenario a housing target is computed in (not a planner's draft plan, which the app calls a scenario).
 * basis = Basisscenario Rijk (ABF/RIVM); trend = Trendscenario Companen (Monitor Gezond Wonen). */
export type TargetScenario = (typeof TARGET_SCENARIOS)[number];

export type HomesPerType = Record<HousingType, number>;

/** Nultreden + geclusterd + zorggeschikt. */
export function totalHomes(homes: HomesPerType): number {
  return HOUSING_TYPES.reduce((sum, type) => sum + homes[type], 0);
}

export function addHomes(a: HomesPerType, b: HomesPerType): HomesPerType {
  return { nultreden: a.nultreden + b.nultreden, geclusterd: a.geclusterd + b.geclusterd, zorggeschikt: a.zorggeschikt + b.zorggeschikt };
}

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
  /** Sums printed in the text ('6.590 totaal'); null where the source prints none (Twente). */
  basisTotal: number | null;
  trendTotal: number | null;
  source: SourceId;
}

/**
 * The printed region totals of the key-project table (Woondeal Bijlage 1) and the number of key
 * projects (Tabel 2). Where the rows add up to something else, an inconsistency records it.
 */
export interface KeyProjectRegionFigures {
  region: RegionId;
  keyProjects: number;
  homesWoondeal2022: number;
  /** The footnote's figure for the 2022 ambition, which the printed 2022 total differs from. */
  homesWoondeal2022Footnote: number | null;
  homes2024To2030: number;
  homesAfter2030: number;
  source: SourceId;
  keyProjectsSource: SourceId;
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

/**
 * Sum of a printed column where '-' is kept as null. Every value '-' gives null (shown '–', never 0:
 * Ommen prints no homes after 2030); otherwise the known values add up, as the source's own totals do
 * (Zwolle after 2030: six figures and one '-' make the printed 3.000).
 */
export function sumOfPrinted(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
}

/**
 * The split of the geclusterd and zorggeschikt homes by price class agreed for West-Overijssel
 * (Afsprakenkader ouderenhuisvesting West-Overijssel, "Regionale en lokale opgave": "De opgave aan
 * geclusterde woningen en zorggeschikte woningen is in de volgende prijsklassen uitgesplitst" —
 * Regio West-Overijssel: sociale huur 50 %, overig 50 %; "Deze uitsplitsing geldt voor alle gemeenten
 * in West-Overijssel"). The Twente document states the national 50 % only, not as a regional split.
 */
export const TENURE_SPLIT_AGREEMENT: {
  readonly region: RegionId;
  readonly housingTypes: readonly HousingType[];
  readonly socialRentShare: number;
  readonly source: SourceId;
} = Object.freeze({
  region: 'west-overijssel',
  housingTypes: Object.freeze(['geclusterd', 'zorggeschikt'] as HousingType[]),
  socialRentShare: 0.5,
  source: 'woonzorgvisie-wo-2024-prijsklassen',
});
