// Benchmark of the woonservicegebieden (issue 9): zones for the whole province with 300 24-hour care
// locations and 5,000 amenities (seeded synthetic data clustered around 60 synthetic town centres
// inside the shipped province outline), target ≤ 500 ms, against a naive Turf union fold (turf.circle
// per facility, union folded one disc at a time per category, then intersected). The fold is far too
// slow for the whole input: it runs under a time budget and its full time is extrapolated from the
// steps done (a lower bound: each step gets slower as the union grows). Correctness: the fast zones
// must agree with the distance rule on sample points over the whole province, and with the complete
// naive fold on one town's facilities (area and sample points). Any disagreement fails the run.
// Run: npx tsx tests/bench/serviceZones.bench.ts

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { area as turfArea, booleanPointInPolygon, circle, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { FacilityCategory } from '../../src/domain/facility';
import { defaultZoneDefinition, requiredAmenities, type ZoneDefinition } from '../../src/domain/serviceZones';
import { createAreaIndex } from '../../src/analysis/areaIndex';
import { buildServiceZones, zoneMembership, zoneRuleMembership, ZONE_TOLERANCE_METERS, type ZonePoints } from '../../src/analysis/serviceZones';
import { haversineMeters } from '../../src/analysis/sphericalDistance';
import { seededRandom } from '../support/seededRandom';
import { median } from './timing';

export const ZONE_BUILD_TARGET_MS = 500;
const CARE_COUNT = 300;
const AMENITY_COUNTS: Partial<Record<FacilityCategory, number>> = { supermarkt: 1_000, huisarts: 1_000, apotheek: 500, ontmoetingsplek: 1_000, ovHalte: 1_500 };
const TOWN_COUNT = 60;
const NAIVE_BUDGET_MS = 20_000;

type Town = { centre: [number, number]; spreadMeters: number };

function provinceOutline(): Polygon | MultiPolygon {
  const collection = JSON.parse(readFileSync(new URL('../../geo/boundaries/overijssel-provincie-cbs-2026.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  return collection.features[0]!.geometry;
}

/** Seeded synthetic facilities: towns inside the province, each facility scattered around a town. */
export function syntheticZoneInput(seed = 2026): { points: Map<FacilityCategory, Float64Array>; towns: Town[] } {
  const random = seededRandom(seed);
  const province = createAreaIndex(provinceOutline());
  const [west, south, east, north] = province.bounds;
  const towns: Town[] = [];
  while (towns.length < TOWN_COUNT) {
    const centre: [number, number] = [west + random() * (east - west), south + random() * (north - south)];
    if (province.contains(centre)) towns.push({ centre, spreadMeters: 600 + random() * 1_400 });
  }
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const scatter = (count: number): Float64Array => {
    const values = new Float64Array(count * 2);
    for (let position = 0; position < count; position++) {
      const town = towns[Math.floor(random() * towns.length)]!;
      const dx = gaussian() * town.spreadMeters;
      const dy = gaussian() * town.spreadMeters;
      values[2 * position] = town.centre[0] + dx / (111_195 * Math.cos((town.centre[1] * Math.PI) / 180));
      values[2 * position + 1] = town.centre[1] + dy / 111_195;
    }
    return values;
  };
  const points = new Map<FacilityCategory, Float64Array>([['zorg24uur', scatter(CARE_COUNT)]]);
  for (const [category, count] of Object.entries(AMENITY_COUNTS)) points.set(category as FacilityCategory, scatter(count));
  return { points, towns };
}


/** Discs of one radius as turf polygons (64 steps, turf's default). */
function discs(coords: Float64Array, radiusMeters: number): Feature<Polygon>[] {
  const list: Feature<Polygon>[] = [];
  for (let position = 0; position < coords.length / 2; position++) list.push(circle([coords[2 * position]!, coords[2 * position + 1]!], radiusMeters / 1000, { steps: 64, units: 'kilometers' }));
  return list;
}

/** The naive fold: union disc by disc per category, then intersect the unions. Stops at the budget (null). */
function naiveZones(points: ZonePoints, definition: ZoneDefinition, budgetMs: number): { result: Feature<Polygon | MultiPolygon> | null; steps: number; totalSteps: number; elapsedMs: number } {
  const groups = [
    discs(points.get('zorg24uur')!, definition.care.maxDistanceMeters),
    ...requiredAmenities(definition).map((requirement) => discs(points.get(requirement.category) ?? new Float64Array(0), requirement.maxDistanceMeters)),
  ];
  const totalSteps = groups.reduce((sum, group) => sum + group.length, 0);
  const started = performance.now();
  let steps = 0;
  const unions: Feature<Polygon | MultiPolygon>[] = [];
  for (const group of groups) {
    if (group.length === 0) return { result: null, steps, totalSteps, elapsedMs: performance.now() - started };
    let folded: Feature<Polygon | MultiPolygon> = group[0]!;
    steps++;
    for (const disc of group.slice(1)) {
      folded = union(featureCollection<Polygon | MultiPolygon>([folded, disc]))!;
      steps++;
      if (performance.now() - started > budgetMs) return { result: null, steps, totalSteps, elapsedMs: performance.now() - started };
    }
    unions.push(folded);
  }
  let result: Feature<Polygon | MultiPolygon> | null = unions[0]!;
  for (const other of unions.slice(1)) {
    result = result ? intersect(featureCollection<Polygon | MultiPolygon>([result, other])) : null;
  }
  return { result, steps, totalSteps, elapsedMs: performance.now() - started };
}

/** Facilities within `meters` of a point, per category (one town's share of the input). */
function pointsNear(points: ZonePoints, centre: [number, number], meters: number): Map<FacilityCategory, Float64Array> {
  const near = new Map<FacilityCategory, Float64Array>();
  for (const [category, coords] of points) {
    const kept: number[] = [];
    for (let position = 0; position < coords.length / 2; position++) {
      if (haversineMeters(centre[0], centre[1], coords[2 * position]!, coords[2 * position + 1]!) <= meters) kept.push(coords[2 * position]!, coords[2 * position + 1]!);
    }
    near.set(category, Float64Array.from(kept));
  }
  return near;
}

/** Sample points where fast zones and a reference disagree, away from every circle by `margin` metres. */
function disagreements(points: ZonePoints, definition: ZoneDefinition, samples: [number, number][], fast: (point: [number, number]) => boolean, reference: (point: [number, number]) => boolean, margin: number): { judged: number; inside: number; wrong: [number, number][] } {
  const radii: [FacilityCategory, number][] = [['zorg24uur', definition.care.maxDistanceMeters], ...requiredAmenities(definition).map((item): [FacilityCategory, number] => [item.category, item.maxDistanceMeters])];
  let judged = 0;
  let inside = 0;
  const wrong: [number, number][] = [];
  for (const point of samples) {
    const near = radii.some(([category, radius]) => {
      const coords = points.get(category) ?? new Float64Array(0);
      for (let position = 0; position < coords.length / 2; position++) {
        if (Math.abs(haversineMeters(point[0], point[1], coords[2 * position]!, coords[2 * position + 1]!) - radius) < margin) return true;
      }
      return false;
    });
    if (near) continue;
    judged++;
    const expected = reference(point);
    if (expected) inside++;
    if (fast(point) !== expected) wrong.push(point);
  }
  return { judged, inside, wrong };
}

export interface ZoneBenchResult {
  lines: string[];
  failures: string[];
}

export function runServiceZonesBenchmark(): ZoneBenchResult {
  const lines: string[] = [];
  const failures: string[] = [];
  const { points, towns } = syntheticZoneInput();
  const definition = defaultZoneDefinition();

  // fast: the whole province
  let built = buildServiceZones(points, definition);
  for (let warmUp = 0; warmUp < 3; warmUp++) built = buildServiceZones(points, definition);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < 9; run++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    built = buildServiceZones(points, definition);
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  const fastMs = median(times);
  const fastCpuMs = median(cpuTimes);
  const totalArea = built.zones.reduce((sum, zone) => sum + zone.properties.areaSquareMeters, 0);
  lines.push(
    `Zone build, whole province, ${CARE_COUNT} care locations + ${Object.values(AMENITY_COUNTS).reduce((a, b) => a + b, 0)} amenities (default definition: 4 required categories): ` +
      `median ${fastMs.toFixed(1)} ms wall, ${fastCpuMs.toFixed(1)} ms CPU (target ≤ ${ZONE_BUILD_TARGET_MS} ms); ${built.zones.length} zones, ${(totalArea / 1e6).toFixed(2)} km²`,
  );
  if (built.unclosedRings > 0) failures.push(`${built.unclosedRings} zone rings did not close`);
  if (fastCpuMs > ZONE_BUILD_TARGET_MS) failures.push(`zone build ${fastCpuMs.toFixed(0)} ms CPU > ${ZONE_BUILD_TARGET_MS} ms`);

  // agreement with the distance rule on points around the towns (where zones can be)
  const random = seededRandom(99);
  const samples: [number, number][] = [];
  for (let sample = 0; sample < 4_000; sample++) {
    const town = towns[Math.floor(random() * towns.length)]!;
    const dx = (random() - 0.5) * 6 * town.spreadMeters;
    const dy = (random() - 0.5) * 6 * town.spreadMeters;
    samples.push([town.centre[0] + dx / (111_195 * Math.cos((town.centre[1] * Math.PI) / 180)), town.centre[1] + dy / 111_195]);
  }
  const byPolygon = zoneMembership(built.zones);
  const byRule = zoneRuleMembership(points, definition);
  const margin = ZONE_TOLERANCE_METERS + 0.5;
  const ruleCheck = disagreements(points, definition, samples, (point) => byPolygon(point) === 'inside', byRule, margin);
  lines.push(`  agreement with the distance rule: ${ruleCheck.judged} sample points judged (${ruleCheck.inside} inside), ${ruleCheck.wrong.length} disagree (points within ${margin} m of a circle not judged)`);
  if (ruleCheck.wrong.length > 0) failures.push(`fast zones disagree with the distance rule at ${ruleCheck.wrong.length} points, e.g. ${ruleCheck.wrong[0]!.join(',')}`);
  if (ruleCheck.inside === 0) failures.push('no sample point inside a zone: the agreement check proves nothing');

  // naive fold on the whole province, under a budget
  const naive = naiveZones(points, definition, NAIVE_BUDGET_MS);
  if (naive.result === null && naive.steps < naive.totalSteps) {
    const extrapolated = (naive.elapsedMs / naive.steps) * naive.totalSteps;
    lines.push(
      `  naive Turf union fold: stopped after ${(naive.elapsedMs / 1000).toFixed(1)} s at ${naive.steps} of ${naive.totalSteps} union steps; ` +
        `extrapolated ≥ ${(extrapolated / 1000).toFixed(0)} s (linear, a lower bound), ≥ ${Math.round(extrapolated / fastMs)}× the fast build`,
    );
  } else {
    lines.push(`  naive Turf union fold: ${(naive.elapsedMs / 1000).toFixed(1)} s (${Math.round(naive.elapsedMs / fastMs)}× the fast build)`);
  }

  // naive fold complete on the busiest town: same area and the same answer on sample points
  const busiest = [...towns].sort((a, b) => pointsNear(points, b.centre, 2_500).get('zorg24uur')!.length - pointsNear(points, a.centre, 2_500).get('zorg24uur')!.length)[0]!;
  const local = pointsNear(points, busiest.centre, 2_500);
  const localFast = buildServiceZones(local, definition);
  const localNaiveStart = performance.now();
  const localNaive = naiveZones(local, definition, 600_000);
  const localNaiveMs = performance.now() - localNaiveStart;
  const localFastArea = localFast.zones.reduce((sum, zone) => sum + zone.properties.areaSquareMeters, 0);
  const localNaiveArea = localNaive.result ? turfArea(localNaive.result) : 0;
  const areaDifference = localNaiveArea === 0 ? (localFastArea === 0 ? 0 : 1) : Math.abs(localFastArea - localNaiveArea) / localNaiveArea;
  const localMembership = zoneMembership(localFast.zones);
  // turf.circle's 64-step polygon lies up to r(1 − cos(π/64)) ≈ 0.6 m (500 m) inside the circle
  const naiveMargin = Math.max(margin, 2);
  const naiveCheck = disagreements(
    local,
    definition,
    samples.filter((point) => haversineMeters(point[0], point[1], busiest.centre[0], busiest.centre[1]) < 3_000).concat(Array.from({ length: 1_500 }, () => [busiest.centre[0] + (random() - 0.5) * 0.06, busiest.centre[1] + (random() - 0.5) * 0.036] as [number, number])),
    (point) => localMembership(point) === 'inside',
    (point) => localNaive.result !== null && booleanPointInPolygon(point, localNaive.result),
    naiveMargin,
  );
  lines.push(
    `  one town (${local.get('zorg24uur')!.length} care locations, ${[...local].reduce((sum, [category, coords]) => sum + (category === 'zorg24uur' ? 0 : coords.length / 2), 0)} amenities within 2.5 km): ` +
      `naive fold ${localNaiveMs.toFixed(0)} ms vs fast ${(() => {
        const start = performance.now();
        buildServiceZones(local, definition);
        return (performance.now() - start).toFixed(1);
      })()} ms; areas ${(localFastArea / 1e6).toFixed(4)} vs ${(localNaiveArea / 1e6).toFixed(4)} km² (${(areaDifference * 100).toFixed(3)} % apart); ` +
      `${naiveCheck.judged} sample points (${naiveCheck.inside} inside), ${naiveCheck.wrong.length} disagree`,
  );
  if (areaDifference > 0.01) failures.push(`fast and naive zone areas differ by ${(areaDifference * 100).toFixed(2)} %`);
  if (naiveCheck.wrong.length > 0) failures.push(`fast and naive zones disagree at ${naiveCheck.wrong.length} points, e.g. ${naiveCheck.wrong[0]!.join(',')}`);
  return { lines, failures };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { lines, failures } = runServiceZonesBenchmark();
  console.log(lines.join('\n'));
  if (failures.length > 0) {
    console.error(`FAILED: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}
