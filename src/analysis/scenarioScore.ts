// How a draft scenario scores against the targets for older people's housing, per municipality and per
// region (West-Overijssel, Twente, the whole province): planned homes per type against the target
// (basis, trend, or the band between them), the sociale-huur share of geclusterd + zorggeschikt homes,
// homes per delivery phase, and how many homes per type lie where the reachability norms are met.
// Every figure carries the ids of the sites behind it. Pure and worker-safe: reachability verdicts
// come in as input (computed elsewhere), nothing is recomputed or filled in here.

import { AREA_IDS, isInArea, type AreaId, type Municipality, type MunicipalityCode, type RegionId } from '../domain/geography';
import {
  HOUSING_TYPES,
  TENURE_SPLIT_AGREEMENT,
  type HomesPerType,
  type HousingType,
  type MunicipalTarget,
  type RegionTarget,
  type TargetScenario,
} from '../domain/housing';
import {
  DELIVERY_PHASES,
  SITE_HOME_TYPES,
  type DeliveryPhase,
  type PlannerTarget,
  type ScenarioState,
  type SiteHomeType,
  type TargetMeasure,
} from '../domain/scenario';
import type { SourceId } from '../domain/source';
import { provinceTarget } from './areaTotals';
import type { Verdict } from './reachability';

/** A number of homes and the sites it is made of (only sites that add at least one home). */
export interface SiteFigure {
  homes: number;
  siteIds: string[];
}

/** Per housing type the verdict of one site (LocationReachability['housingTypes'] fits). */
export type SiteVerdicts = Readonly<Partial<Record<HousingType, { readonly verdict: Verdict }>>>;

export type TargetOrigin =
  /** Printed in a source document. */
  | 'source'
  /** The province: the sum of its two regions' printed targets. */
  | 'sumOfRegions'
  /** Entered or imported by the planner (Twente municipalities), with their own source text. */
  | 'planner';

export interface TargetValue {
  /** null = unknown (the planner left it empty), never 0. */
  basis: number | null;
  trend: number | null;
  origin: TargetOrigin;
  sources: SourceId[];
  /** The planner's own citation (origin 'planner'). */
  sourceText: string | null;
}

export type TargetComparison =
  | {
      measuredAgainst: TargetScenario;
      target: number;
      /** planned − target (negative: homes still to plan). */
      difference: number;
      status: 'below' | 'reached';
    }
  | {
      measuredAgainst: 'band';
      basis: number;
      trend: number;
      low: number;
      high: number;
      /** planned − low and planned − high. */
      differenceToLow: number;
      differenceToHigh: number;
      status: 'below' | 'within' | 'above';
    };

export type TargetRowKey = HousingType | 'total';
export const TARGET_ROW_KEYS: readonly TargetRowKey[] = [...HOUSING_TYPES, 'total'];

export interface TargetRow {
  key: TargetRowKey;
  /** Homes of this type in sites delivered 2024–2030 (the targets run up to and including 2030). */
  planned: SiteFigure;
  /** null: no target for this area in the sources nor from the planner. */
  target: TargetValue | null;
  /** null when the target value(s) needed for `measuredAgainst` are unknown. */
  comparison: TargetComparison | null;
}

export interface TenureSplitScore {
  /** Geclusterd + zorggeschikt homes delivered 2024–2030 in sociale huur, and in middenhuur or koop. */
  socialRent: SiteFigure;
  other: SiteFigure;
  /** socialRent / (socialRent + other); null when there are none. */
  socialRentShare: number | null;
  /** The agreed share where an agreement covers the area (West-Overijssel), else null. */
  agreedSocialRentShare: number | null;
  agreementSource: SourceId | null;
}

export type PhaseRowKey = SiteHomeType | 'total';
export const PHASE_ROW_KEYS: readonly PhaseRowKey[] = [...SITE_HOME_TYPES, 'total'];

export interface ReachabilityScore {
  /** All homes of the type (both phases). */
  total: SiteFigure;
  met: SiteFigure;
  notMet: SiteFigure;
  /** The verdict is 'geen gegevens' (facility data incomplete there): neither met nor not met. */
  noData: SiteFigure;
  /** No verdict given for the site (not analysed yet). */
  notAnalysed: SiteFigure;
  /** Each of the four as a share of `total`; null when total is 0. */
  shares: Record<'met' | 'notMet' | 'noData' | 'notAnalysed', number> | null;
}

export type ScoreArea = { kind: 'municipality'; code: MunicipalityCode; region: RegionId } | { kind: 'area'; area: AreaId };

export interface AreaScore {
  area: ScoreArea;
  /** Every site in the area. */
  sites: SiteFigure;
  targets: Record<TargetRowKey, TargetRow>;
  tenureSplit: TenureSplitScore;
  phases: Record<DeliveryPhase, Record<PhaseRowKey, SiteFigure>>;
  reachability: Record<HousingType, ReachabilityScore>;
}

export interface ScenarioScore {
  measuredAgainst: TargetMeasure;
  /** In the order of the given municipalities. */
  municipalities: AreaScore[];
  /** Overijssel, West-Overijssel, Twente. */
  areas: AreaScore[];
  /** Sites whose municipality is not among the given ones (not counted anywhere else). */
  unassigned: SiteFigure;
}

export interface ScoreInput {
  state: Pick<ScenarioState, 'sites'>;
  measuredAgainst: TargetMeasure;
  municipalities: readonly Pick<Municipality, 'code' | 'region'>[];
  targets: readonly MunicipalTarget[];
  regionTargets: readonly RegionTarget[];
  /** The planner's own targets (Twente municipalities); used only where the sources give none. */
  plannerTargets?: readonly PlannerTarget[];
  /** Site id → verdict per housing type; a site without an entry counts as not analysed. */
  verdicts?: ReadonlyMap<string, SiteVerdicts>;
}

// --- accumulation -------------------------------------------------------------------------------
// Fixed-shape arrays indexed by position in HOUSING_TYPES / SITE_HOME_TYPES, so the per-site loop
// stays fast (500 sites in well under the 5 ms budget); turned into records once per area at the end.

const REACH_PARTS = ['total', 'met', 'notMet', 'noData', 'notAnalysed'] as const;
type ReachPart = (typeof REACH_PARTS)[number];
const REACH_INDEX: Readonly<Record<Verdict | 'notAnalysed', number>> = { met: 1, notMet: 2, noData: 3, notAnalysed: 4 };
const TYPE_COUNT = HOUSING_TYPES.length;
/** Position of each housing type among the site's home types. */
const HOUSING_TYPE_SLOT = HOUSING_TYPES.map((type) => SITE_HOME_TYPES.indexOf(type));
const SPLIT_TYPE = HOUSING_TYPES.map((type) => TENURE_SPLIT_AGREEMENT.housingTypes.includes(type));

interface Accumulator {
  sites: SiteFigure;
  /** HOUSING_TYPES in order, then the total. */
  planned: SiteFigure[];
  socialRent: SiteFigure;
  other: SiteFigure;
  /** Per phase (DELIVERY_PHASES order): SITE_HOME_TYPES in order, then the total. */
  phases: SiteFigure[][];
  /** Per housing type: REACH_PARTS in order. */
  reach: SiteFigure[][];
}

const figure = (): SiteFigure => ({ homes: 0, siteIds: [] });
const figures = (count: number): SiteFigure[] => Array.from({ length: count }, figure);

function add(target: SiteFigure, homes: number, siteId: string): void {
  if (homes <= 0) return;
  target.homes += homes;
  target.siteIds.push(siteId);
}

function accumulator(): Accumulator {
  return {
    sites: figure(),
    planned: figures(TYPE_COUNT + 1),
    socialRent: figure(),
    other: figure(),
    phases: DELIVERY_PHASES.map(() => figures(SITE_HOME_TYPES.length + 1)),
    reach: HOUSING_TYPES.map(() => figures(REACH_PARTS.length)),
  };
}

function record<K extends string, V>(keys: readonly K[], value: (key: K, index: number) => V): Record<K, V> {
  const result = {} as Record<K, V>;
  keys.forEach((key, index) => (result[key] = value(key, index)));
  return result;
}

// --- targets ------------------------------------------------------------------------------------

export function compareWithTarget(planned: number, target: TargetValue | null, measuredAgainst: TargetMeasure): TargetComparison | null {
  if (target === null) return null;
  if (measuredAgainst !== 'band') {
    const value = target[measuredAgainst];
    if (value === null) return null;
    return { measuredAgainst, target: value, difference: planned - value, status: planned >= value ? 'reached' : 'below' };
  }
  if (target.basis === null || target.trend === null) return null;
  const low = Math.min(target.basis, target.trend);
  const high = Math.max(target.basis, target.trend);
  return {
    measuredAgainst: 'band',
    basis: target.basis,
    trend: target.trend,
    low,
    high,
    differenceToLow: planned - low,
    differenceToHigh: planned - high,
    status: planned < low ? 'below' : planned > high ? 'above' : 'within',
  };
}

function sumKnown(values: readonly (number | null)[]): number | null {
  return values.some((value) => value === null) ? null : values.reduce<number>((sum, value) => sum + (value as number), 0);
}

/** Target per row key: the three types as given, 'total' their sum (unknown if any type is unknown). */
function targetRows(perType: Record<HousingType, TargetValue | null>): Record<TargetRowKey, TargetValue | null> {
  const values = HOUSING_TYPES.map((type) => perType[type]);
  const known = values.filter((value): value is TargetValue => value !== null);
  const total: TargetValue | null =
    known.length === 0
      ? null
      : {
          basis: known.length < values.length ? null : sumKnown(known.map((value) => value.basis)),
          trend: known.length < values.length ? null : sumKnown(known.map((value) => value.trend)),
          origin: known[0]!.origin,
          sources: [...new Set(known.flatMap((value) => value.sources))],
          sourceText: [...new Set(known.map((value) => value.sourceText).filter((text): text is string => text !== null))].join('; ') || null,
        };
  return { ...perType, total };
}

/** Per housing type the basis and trend figures of a source (none: every type unknown). */
function printedTargets(
  printed: { basis: HomesPerType; trend: HomesPerType } | null | undefined,
  origin: TargetOrigin,
  sources: readonly SourceId[],
): Record<HousingType, TargetValue | null> {
  return record(HOUSING_TYPES, (type) => (printed ? { basis: printed.basis[type], trend: printed.trend[type], origin, sources: [...sources], sourceText: null } : null));
}

function municipalTargetRows(
  code: MunicipalityCode,
  targetsByCode: ReadonlyMap<MunicipalityCode, MunicipalTarget>,
  plannerByCode: ReadonlyMap<MunicipalityCode, PlannerTarget[]>,
): Record<TargetRowKey, TargetValue | null> {
  const sourced = targetsByCode.get(code);
  const planner = plannerByCode.get(code) ?? [];
  if (sourced) return targetRows(printedTargets(sourced, 'source', [sourced.source]));
  return targetRows(
    record(HOUSING_TYPES, (type): TargetValue | null => {
      const row = planner.find((candidate) => candidate.housingType === type);
      return row ? { basis: row.basis, trend: row.trend, origin: 'planner', sources: [], sourceText: row.sourceText } : null;
    }),
  );
}

function areaTargetRows(area: AreaId, regionTargets: readonly RegionTarget[]): Record<TargetRowKey, TargetValue | null> {
  if (area === 'overijssel') {
    return targetRows(printedTargets(provinceTarget(regionTargets), 'sumOfRegions', regionTargets.map((target) => target.source)));
  }
  const printed = regionTargets.find((target) => target.region === area);
  return targetRows(printedTargets(printed, 'source', printed ? [printed.source] : []));
}

function agreementFor(area: ScoreArea): { share: number | null; source: SourceId | null } {
  const region = area.kind === 'municipality' ? area.region : area.area;
  return region === TENURE_SPLIT_AGREEMENT.region
    ? { share: TENURE_SPLIT_AGREEMENT.socialRentShare, source: TENURE_SPLIT_AGREEMENT.source }
    : { share: null, source: null };
}

function finish(area: ScoreArea, acc: Accumulator, targets: Record<TargetRowKey, TargetValue | null>, measuredAgainst: TargetMeasure): AreaScore {
  const targetScore = record(TARGET_ROW_KEYS, (key, index): TargetRow => {
    const planned = acc.planned[index]!;
    return { key, planned, target: targets[key], comparison: compareWithTarget(planned.homes, targets[key], measuredAgainst) };
  });
  const splitTotal = acc.socialRent.homes + acc.other.homes;
  const agreement = agreementFor(area);
  const reachability = record(HOUSING_TYPES, (_type, index): ReachabilityScore => {
    const parts = record(REACH_PARTS, (_part, partIndex) => acc.reach[index]![partIndex]!) as Record<ReachPart, SiteFigure>;
    const share = (part: SiteFigure) => part.homes / parts.total.homes;
    return {
      ...parts,
      shares: parts.total.homes === 0 ? null : { met: share(parts.met), notMet: share(parts.notMet), noData: share(parts.noData), notAnalysed: share(parts.notAnalysed) },
    };
  });
  return {
    area,
    sites: acc.sites,
    targets: targetScore,
    tenureSplit: {
      socialRent: acc.socialRent,
      other: acc.other,
      socialRentShare: splitTotal === 0 ? null : acc.socialRent.homes / splitTotal,
      agreedSocialRentShare: agreement.share,
      agreementSource: agreement.source,
    },
    phases: record(DELIVERY_PHASES, (_phase, index) => record(PHASE_ROW_KEYS, (_key, keyIndex) => acc.phases[index]![keyIndex]!)),
    reachability,
  };
}

/** The scenario's score for every given municipality, both regions and the province. */
export function scoreScenario(input: ScoreInput): ScenarioScore {
  const municipalityAcc = new Map<MunicipalityCode, Accumulator>();
  const regionOf = new Map<MunicipalityCode, RegionId>();
  for (const municipality of input.municipalities) {
    municipalityAcc.set(municipality.code, accumulator());
    regionOf.set(municipality.code, municipality.region);
  }
  const areaAcc = new Map<AreaId, Accumulator>(AREA_IDS.map((area) => [area, accumulator()]));
  const unassigned = figure();
  const verdicts = input.verdicts ?? new Map<string, SiteVerdicts>();

  const areasOfRegion = new Map<RegionId, Accumulator[]>(
    [...new Set(input.municipalities.map((municipality) => municipality.region))].map((region) => [
      region,
      AREA_IDS.filter((area) => isInArea({ region }, area)).map((area) => areaAcc.get(area)!),
    ]),
  );
  const homes = new Array<number>(SITE_HOME_TYPES.length);

  for (const site of input.state.sites) {
    const own = municipalityAcc.get(site.municipalityCode);
    const region = regionOf.get(site.municipalityCode);
    let siteTotal = 0;
    for (let type = 0; type < SITE_HOME_TYPES.length; type++) {
      homes[type] = site.homes[SITE_HOME_TYPES[type]!];
      siteTotal += homes[type]!;
    }
    if (own === undefined || region === undefined) {
      add(unassigned, siteTotal, site.id);
      continue;
    }
    const inTargetPeriod = site.phase === '2024-2030';
    const phaseIndex = DELIVERY_PHASES.indexOf(site.phase);
    const siteVerdicts = verdicts.get(site.id);
    const socialRent = site.tenure === 'socialeHuur';
    for (const acc of [own, ...areasOfRegion.get(region)!]) {
      acc.sites.homes += siteTotal;
      acc.sites.siteIds.push(site.id);
      const phase = acc.phases[phaseIndex]!;
      let plannedTotal = 0;
      let splitHomes = 0;
      for (let type = 0; type < SITE_HOME_TYPES.length; type++) add(phase[type]!, homes[type]!, site.id);
      add(phase[SITE_HOME_TYPES.length]!, siteTotal, site.id);
      for (let type = 0; type < TYPE_COUNT; type++) {
        const count = homes[HOUSING_TYPE_SLOT[type]!]!;
        if (inTargetPeriod) {
          add(acc.planned[type]!, count, site.id);
          plannedTotal += count;
          if (SPLIT_TYPE[type]) splitHomes += count;
        }
        const reach = acc.reach[type]!;
        add(reach[0]!, count, site.id);
        const verdict = siteVerdicts?.[HOUSING_TYPES[type]!]?.verdict;
        add(reach[REACH_INDEX[verdict ?? 'notAnalysed']]!, count, site.id);
      }
      add(acc.planned[TYPE_COUNT]!, plannedTotal, site.id);
      add(socialRent ? acc.socialRent : acc.other, splitHomes, site.id);
    }
  }

  const targetsByCode = new Map(input.targets.map((target) => [target.municipalityCode, target]));
  const plannerByCode = new Map<MunicipalityCode, PlannerTarget[]>();
  for (const row of input.plannerTargets ?? []) plannerByCode.set(row.municipalityCode, [...(plannerByCode.get(row.municipalityCode) ?? []), row]);

  return {
    measuredAgainst: input.measuredAgainst,
    municipalities: input.municipalities.map((municipality) =>
      finish(
        { kind: 'municipality', code: municipality.code, region: municipality.region },
        municipalityAcc.get(municipality.code)!,
        municipalTargetRows(municipality.code, targetsByCode, plannerByCode),
        input.measuredAgainst,
      ),
    ),
    areas: AREA_IDS.map((area) => finish({ kind: 'area', area }, areaAcc.get(area)!, areaTargetRows(area, input.regionTargets), input.measuredAgainst)),
    unassigned,
  };
}
