// Coverage of woonservicegebieden (issue 9, point 4): which kernen have a zone, how many older
// people live inside zones, how many geclusterd and zorggeschikt homes are planned inside zones
// against the targets band, and where high targets meet low coverage (the gap view). Pure and
// worker-safe. Zones come in as a membership function; people come from the dasymetric spread
// (./dasymetric); homes and targets are read by scoreScenario (./scenarioScore), not re-derived.
//
// Rules:
// - A grid cell is inside, outside or 'geen gegevens' by the membership of its centre.
// - A kern has a woonservicegebied when at least one cell overlapping its built-up area is inside;
//   otherwise, when at least one such cell is 'noData', it is 'geen gegevens' (never "zonder");
//   otherwise it is "zonder woonservicegebied".
// - A site or key project counts by the membership of its location.
// - Gap view (GAP_RULE): a municipality is listed when its target for geclusterd + zorggeschikt
//   (the lower end of the basis–trend band, summed over both types) is at least the median of the
//   municipalities with a known target, AND less than half of its known 75+ live inside zones even
//   if every 75+ in 'geen gegevens' cells were inside. If they could reach half, it is 'geen
//   gegevens' instead. The kernen in the gap view are the kernen zonder woonservicegebied of the
//   listed municipalities, most 75+ first.

import { AREA_IDS, isInArea, type AreaId, type Municipality, type MunicipalityCode, type RegionId } from '../domain/geography';
import type { HousingType } from '../domain/housing';
import {
  AGE_BANDS,
  cellMembership,
  emptyBandCounts,
  MEMBERSHIP_INSIDE,
  MEMBERSHIP_NO_DATA,
  type AgeBand,
  type BandCounts,
  type DasymetricPopulation,
  type ZoneMembership,
} from './dasymetric';
import { scoreScenario, type ScoreInput, type TargetRow } from './scenarioScore';

export const COVERAGE_HOUSING_TYPES = ['geclusterd', 'zorggeschikt'] as const satisfies readonly HousingType[];
export type CoverageHousingType = (typeof COVERAGE_HOUSING_TYPES)[number];

/** The gap view's thresholds (see the header comment). */
export const GAP_RULE = { maxShare75PlusInside: 0.5, minTargetQuantile: 0.5 } as const;

export type CoverageStatus = ZoneMembership;

export interface PeopleSplit {
  inside: BandCounts;
  outside: BandCounts;
  noData: BandCounts;
  /** Per band, postcodes with a suppressed count in this area: its figures are a minimum. */
  unknownPostcodes: Record<AgeBand, string[]>;
}

export interface KernCoverage {
  id: string;
  name: string;
  municipalityCode: MunicipalityCode;
  status: CoverageStatus;
  /** People living in the kern by the dasymetric spread (fractional; round for display). */
  people: BandCounts;
  unknownPostcodes: Record<AgeBand, string[]>;
}

export interface PointCoverage {
  id: string;
  name: string;
  municipalityCode: MunicipalityCode;
  status: CoverageStatus;
}

export interface KeyProjectCoverage extends PointCoverage {
  /** Homes 2024–2030 (the source gives no split per housing type); null where it prints '-'. */
  homes2024To2030: number | null;
}

export interface HomesCoverage {
  /** Planned homes 2024–2030 of the type in all sites, with their target comparison. */
  all: TargetRow;
  /** The same for the sites inside zones only, measured against the same target. */
  inside: TargetRow;
  /** Homes on sites where membership is 'geen gegevens'. */
  noData: number;
}

export type CoverageArea = { kind: 'municipality'; code: MunicipalityCode; region: RegionId } | { kind: 'area'; area: AreaId };

export interface AreaCoverage {
  area: CoverageArea;
  people: PeopleSplit;
  homes: Record<CoverageHousingType, HomesCoverage>;
  kernen: { inside: number; outside: number; noData: number };
}

export type GapStatus = 'gap' | 'noGap' | 'noData' | 'noTarget';

export interface MunicipalityGap {
  code: MunicipalityCode;
  /** Lower end of the band, geclusterd + zorggeschikt; null when a target is unknown. */
  target: number | null;
  /** Share of known 75+ inside zones; null when there are none. */
  share75PlusInside: number | null;
  /** The same share if every 75+ in 'geen gegevens' cells were inside. */
  share75PlusInsideAtMost: number | null;
  status: GapStatus;
  /** target × (1 − share inside): the part of the target not near a zone, for sorting. */
  uncoveredTarget: number | null;
}

export interface ZoneCoverage {
  kernen: KernCoverage[];
  sites: PointCoverage[];
  keyProjects: KeyProjectCoverage[];
  municipalities: AreaCoverage[];
  /** Overijssel, West-Overijssel, Twente. */
  areas: AreaCoverage[];
  gap: {
    /** The median target used as "high" (null when no municipality has a known target). */
    targetThreshold: number | null;
    municipalities: MunicipalityGap[];
    /** Kernen zonder woonservicegebied in municipalities with status 'gap', most 75+ first. */
    kernen: KernCoverage[];
  };
  /** Membership per grid cell (0 outside, 1 inside, 2 no data), for maps and further sums. */
  cells: Uint8Array;
}

export interface CoverageInput {
  population: DasymetricPopulation;
  membership: (point: [number, number]) => ZoneMembership;
  municipalities: readonly Pick<Municipality, 'code' | 'region'>[];
  /** The scenario and targets as scoreScenario reads them (verdicts are not needed). */
  score: Omit<ScoreInput, 'verdicts' | 'municipalities'>;
  keyProjects: readonly { id: string; name: string; municipalityCode: MunicipalityCode; location: [number, number]; homes2024To2030: number | null }[];
}

const emptyUnknown = (): Record<AgeBand, string[]> => ({ all: [], '65plus': [], '75plus': [], '85plus': [] });
const emptySplit = (): PeopleSplit => ({ inside: emptyBandCounts(), outside: emptyBandCounts(), noData: emptyBandCounts(), unknownPostcodes: emptyUnknown() });

function statusOfCells(cells: Uint8Array, positions: Uint32Array): CoverageStatus {
  let noData = false;
  for (const position of positions) {
    if (cells[position] === MEMBERSHIP_INSIDE) return 'inside';
    if (cells[position] === MEMBERSHIP_NO_DATA) noData = true;
  }
  return noData ? 'noData' : 'outside';
}

function addSplit(target: PeopleSplit, source: PeopleSplit): void {
  for (const band of AGE_BANDS) {
    target.inside[band] += source.inside[band];
    target.outside[band] += source.outside[band];
    target.noData[band] += source.noData[band];
    for (const postcode of source.unknownPostcodes[band]) if (!target.unknownPostcodes[band].includes(postcode)) target.unknownPostcodes[band].push(postcode);
  }
}

/** People of each municipality inside, outside and without data of zones (areas count for their municipality). */
function peopleByMunicipality(population: DasymetricPopulation, cells: Uint8Array): Map<MunicipalityCode, PeopleSplit> {
  const result = new Map<MunicipalityCode, PeopleSplit>();
  for (const area of population.areas) {
    let inside = 0;
    let noData = 0;
    let outside = 0;
    for (let entry = area.cellStart; entry < area.cellEnd; entry++) {
      const share = population.areaCellShares[entry]!;
      const membership = cells[population.areaCellPositions[entry]!];
      if (membership === MEMBERSHIP_INSIDE) inside += share;
      else if (membership === MEMBERSHIP_NO_DATA) noData += share;
      else outside += share;
    }
    let split = result.get(area.municipalityCode);
    if (!split) result.set(area.municipalityCode, (split = emptySplit()));
    for (const band of AGE_BANDS) {
      const count = area.counts[band];
      if (Number.isNaN(count)) {
        split.unknownPostcodes[band].push(area.postcode);
        continue;
      }
      split.inside[band] += count * inside;
      split.noData[band] += count * noData;
      split.outside[band] += count * outside;
    }
  }
  return result;
}

function lowerBound(row: TargetRow): number | null {
  const target = row.target;
  if (!target || target.basis === null || target.trend === null) return null;
  return Math.min(target.basis, target.trend);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function zoneCoverage(input: CoverageInput): ZoneCoverage {
  const { population, membership } = input;
  const cells = cellMembership(population, membership);

  const kernen: KernCoverage[] = population.kernen.map((kern) => ({
    id: kern.id,
    name: kern.name,
    municipalityCode: kern.municipalityCode,
    status: statusOfCells(cells, kern.cellPositions),
    people: kern.counts,
    unknownPostcodes: kern.unknownPostcodes,
  }));

  const siteStatus = new Map<string, CoverageStatus>();
  const sites: PointCoverage[] = input.score.state.sites.map((site) => {
    const status = membership(site.location);
    siteStatus.set(site.id, status);
    return { id: site.id, name: site.name, municipalityCode: site.municipalityCode, status };
  });
  const keyProjects: KeyProjectCoverage[] = input.keyProjects.map((project) => ({
    id: project.id,
    name: project.name,
    municipalityCode: project.municipalityCode,
    status: membership(project.location),
    homes2024To2030: project.homes2024To2030,
  }));

  const scoreFor = (status: CoverageStatus | null) =>
    scoreScenario({
      ...input.score,
      municipalities: input.municipalities,
      state: { sites: status === null ? input.score.state.sites : input.score.state.sites.filter((site) => siteStatus.get(site.id) === status) },
    });
  const scoreAll = scoreFor(null);
  const scoreInside = scoreFor('inside');
  // homes 2024–2030 on sites without data, per municipality (the same rule as scoreScenario's 'planned')
  const noDataHomes = new Map<MunicipalityCode, Record<CoverageHousingType, number>>();
  for (const site of input.score.state.sites) {
    if (siteStatus.get(site.id) !== 'noData' || site.phase !== '2024-2030') continue;
    const homes = noDataHomes.get(site.municipalityCode) ?? { geclusterd: 0, zorggeschikt: 0 };
    for (const type of COVERAGE_HOUSING_TYPES) homes[type] += site.homes[type];
    noDataHomes.set(site.municipalityCode, homes);
  }

  const peopleOf = peopleByMunicipality(population, cells);
  const kernCount = (codes: ReadonlySet<MunicipalityCode>) => {
    const counts = { inside: 0, outside: 0, noData: 0 };
    for (const kern of kernen) if (codes.has(kern.municipalityCode)) counts[kern.status] += 1;
    return counts;
  };
  const homesOf = (index: number, collection: 'municipalities' | 'areas', codes: Iterable<MunicipalityCode>): Record<CoverageHousingType, HomesCoverage> => {
    const all = scoreAll[collection][index]!;
    const inside = scoreInside[collection][index]!;
    const noData = { geclusterd: 0, zorggeschikt: 0 };
    for (const code of codes) {
      const homes = noDataHomes.get(code);
      if (homes) for (const type of COVERAGE_HOUSING_TYPES) noData[type] += homes[type];
    }
    return {
      geclusterd: { all: all.targets.geclusterd, inside: inside.targets.geclusterd, noData: noData.geclusterd },
      zorggeschikt: { all: all.targets.zorggeschikt, inside: inside.targets.zorggeschikt, noData: noData.zorggeschikt },
    };
  };

  const municipalities: AreaCoverage[] = input.municipalities.map((municipality, index) => ({
    area: { kind: 'municipality', code: municipality.code, region: municipality.region },
    people: peopleOf.get(municipality.code) ?? emptySplit(),
    homes: homesOf(index, 'municipalities', [municipality.code]),
    kernen: kernCount(new Set([municipality.code])),
  }));
  const areas: AreaCoverage[] = AREA_IDS.map((areaId, index) => {
    const codes = new Set(input.municipalities.filter((municipality) => isInArea(municipality, areaId)).map((municipality) => municipality.code));
    const people = emptySplit();
    for (const code of codes) {
      const split = peopleOf.get(code);
      if (split) addSplit(people, split);
    }
    return { area: { kind: 'area', area: areaId }, people, homes: homesOf(index, 'areas', codes), kernen: kernCount(codes) };
  });

  // Gap view
  const targets = municipalities.map((coverage) => {
    const low = COVERAGE_HOUSING_TYPES.map((type) => lowerBound(coverage.homes[type].all));
    return low.some((value) => value === null) ? null : low.reduce<number>((sum, value) => sum + value!, 0);
  });
  const targetThreshold = median(targets.filter((value): value is number => value !== null));
  const gapMunicipalities: MunicipalityGap[] = municipalities.map((coverage, index) => {
    const code = (coverage.area as { code: MunicipalityCode }).code;
    const target = targets[index]!;
    const { inside, outside, noData } = coverage.people;
    const known = inside['75plus'] + outside['75plus'] + noData['75plus'];
    const share = known > 0 ? inside['75plus'] / known : null;
    const shareAtMost = known > 0 ? (inside['75plus'] + noData['75plus']) / known : null;
    let status: GapStatus;
    if (target === null || targetThreshold === null) status = 'noTarget';
    else if (share === null) status = 'noData';
    else if (target < targetThreshold || share >= GAP_RULE.maxShare75PlusInside) status = 'noGap';
    else if (shareAtMost! >= GAP_RULE.maxShare75PlusInside) status = 'noData';
    else status = 'gap';
    return {
      code,
      target,
      share75PlusInside: share,
      share75PlusInsideAtMost: shareAtMost,
      status,
      uncoveredTarget: target === null || share === null ? null : target * (1 - share),
    };
  });
  gapMunicipalities.sort((a, b) => (b.uncoveredTarget ?? -1) - (a.uncoveredTarget ?? -1) || a.code.localeCompare(b.code));
  const gapCodes = new Set(gapMunicipalities.filter((gap) => gap.status === 'gap').map((gap) => gap.code));
  const gapKernen = kernen
    .filter((kern) => kern.status === 'outside' && gapCodes.has(kern.municipalityCode))
    .sort((a, b) => b.people['75plus'] - a.people['75plus'] || a.name.localeCompare(b.name));

  return { kernen, sites, keyProjects, municipalities, areas, gap: { targetThreshold, municipalities: gapMunicipalities, kernen: gapKernen }, cells };
}
