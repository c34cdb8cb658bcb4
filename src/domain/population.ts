// Population figures: inhabitants per municipality (CBS KWB 2024) and older people per 4-digit postcode (CBS 2021).

import type { MunicipalityCode } from './geography';
import type { SourceId } from './source';

/** One row of CBS Kerncijfers wijken en buurten: a municipality or one of its wijken (codes only). */
export interface NeighbourhoodFigures {
  /** 'GM0193' or 'WK019301'. */
  code: string;
  level: 'gemeente' | 'wijk';
  municipalityCode: MunicipalityCode;
  inhabitants: number;
  housingStock: number | null;
  areaTotalHectares: number | null;
  source: SourceId;
}

/** Inhabitants and older inhabitants of one PC4 area on the reference date (CBS rounds to multiples of 5). */
export interface PostcodePopulation {
  postcode: string;
  place: string;
  /** Municipality of the area's interior point, CBS 2026 division. */
  municipalityCode: MunicipalityCode;
  inhabitants: number;
  inhabitants65Plus: number;
  inhabitants75Plus: number;
  inhabitants85Plus: number;
  areaSquareKilometres: number | null;
  /** ISO date the counts refer to: '2021-01-01'. */
  referenceDate: string;
  source: SourceId;
}
