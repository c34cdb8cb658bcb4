// Messages between the UI thread and the site-finder worker (Locatiezoeker, issue 13). One run per
// request: the worker judges the candidates against the housing type's norms, builds the covering
// problem, answers at once with the lazy greedy, then runs HiGHS with a time limit and answers again.
// Big arrays travel as typed arrays. A run is cancelled by terminating the worker.

import type { DataIssue } from '../domain/dataIssue';
import type { FacilityCategory } from '../domain/facility';
import type { NormProfile } from '../domain/norms';
import type { EncodedIds, PackedFacilities } from './facilityIndex';
import type { AreaServedFigures, SiteFinderBand, SiteFinderHousingType } from './siteFinderFigures';
import type { MaxCoverResult, SolverMethod } from './siteFinder';
import type { CandidateSourceKind, CandidateSourceSetting } from './siteFinderCandidates';

export type SiteFinderMode = { kind: 'maxCover'; k: number } | { kind: 'fewestSites'; targetPercent: number };

export interface SiteFinderSettings {
  housingType: SiteFinderHousingType;
  band: SiteFinderBand;
  distanceMeters: number;
  mode: SiteFinderMode;
  /** Existing 24-hour care locations count as supply. */
  careCountsAsSupply: boolean;
  /** Where the candidates come from: built-up cells, the cells of a drawn search area, or the planner's own list. */
  candidateSource: CandidateSourceSetting;
}

/** Seconds HiGHS may take before the panel falls back to the greedy guarantee and bounds. */
export const EXACT_TIME_LIMIT_SECONDS = 10;

export interface SiteFinderRunRequest {
  type: 'run';
  runId: number;
  settings: SiteFinderSettings;
  profile: NormProfile;
  timeLimitSeconds: number;
  /** Every visible facility (ids empty: encodedIds holds them), for judging the candidates' norms. */
  facilities: PackedFacilities;
  encodedIds: EncodedIds;
  /** Demand points (grid cells with people of the band) and their people. */
  demand: { coordinates: Float64Array; weights: Float64Array };
  /** Postcode-area pieces of the demand points, per municipality (siteFinderFigures.demandPieces). */
  pieces: { point: Uint32Array; municipality: Uint16Array; weight: Float64Array; codes: string[] };
  /**
   * The candidates of the chosen source (siteFinderCandidates.ts): ids, points, grid positions (NO_CELL
   * for a listed point in no cell), labels ('' for cells), and 1 where a judged category is not complete around the point.
   */
  candidates: { ids: string[]; coordinates: Float64Array; cellPositions: Uint32Array; labels: string[]; incomplete: Uint8Array };
  /** Existing supply: [lon0, lat0, ...]. */
  supply: Float64Array;
}

/** Listed candidates left out are named up to this many (the rest are counted). */
export const LEFT_OUT_LISTED = 50;

/** What became of the source's points: candidates (all norms met), left out for incomplete data, norms not met. */
export interface CandidateCounts {
  source: CandidateSourceKind;
  /** Points of the source that were judged (cells in built-up areas or in the search area, or listed points). */
  considered: number;
  candidates: number;
  noData: number;
  notMet: number;
  /** Categories the norms need of which nothing is loaded. */
  missingCategories: FacilityCategory[];
  /** Own list only: the first LEFT_OUT_LISTED points left out, by id, and why. */
  leftOut: { id: string; reason: 'noData' | 'notMet' }[];
}

export interface NearestForNorm {
  category: FacilityCategory;
  maxDistanceMeters: number;
  /** Straight-line distance to the nearest known facility (metres), or null when none is loaded. */
  distanceMeters: number | null;
}

export interface FoundSite {
  rank: number;
  id: string;
  /** Grid position of the cell (of the cell a listed point lies in; NO_CELL when none). */
  cellPosition: number;
  /** The planner's name for a listed point; '' for a grid cell. */
  label: string;
  location: [number, number];
  /** Older people of the band this site adds, given the sites ranked before it. */
  addedDemand: number;
  nearest: NearestForNorm[];
}

export interface SiteFinderAnswer {
  method: SolverMethod;
  sites: FoundSite[];
  totalDemand: number;
  servedBefore: number;
  servedAfter: number;
  addedDemand: number;
  /** Proven optimal for its question (HiGHS, or a greedy whose bound equals its value). */
  optimal: boolean;
  /** Max cover: a proven upper bound on what any K new sites can add. */
  upperBound?: number;
  upperBoundSource?: MaxCoverResult['upperBoundSource'];
  /** Fewest sites: the target was reached, and no fewer sites than lowerBound can reach it. */
  reached?: boolean;
  lowerBound?: number;
  targetDemand?: number;
  gap?: number;
  solveSeconds?: number;
  /** Greedy answer: milliseconds in the worker to judge the candidates, build the problem and choose. */
  computeMs?: number;
  /** Its parts: facility index + judging the candidates, the covering problem, the greedy choice. */
  phaseMs?: { judge: number; problem: number; greedy: number };
  municipalities: AreaServedFigures[];
  province: AreaServedFigures;
  issues: DataIssue[];
}

export type SiteFinderResponse =
  | { type: 'candidates'; runId: number; counts: CandidateCounts }
  | { type: 'greedy'; runId: number; answer: SiteFinderAnswer }
  /** answer null: HiGHS could not give one (issues say why); the greedy answer stands. */
  | { type: 'exact'; runId: number; answer: SiteFinderAnswer | null; issues: DataIssue[] }
  | { type: 'error'; runId: number; issues: DataIssue[] };

export type SiteFinderRequest = SiteFinderRunRequest;
