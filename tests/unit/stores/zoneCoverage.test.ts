import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parseBuiltUpAreas } from '../../../src/data/parsePlaces';
import { parsePostcodePopulation } from '../../../src/data/parsePopulation';
import { spreadPopulation } from '../../../src/analysis/dasymetric';
import { buildProvinceGrid } from '../../../src/analysis/provinceGrid';
import { $appData } from '../../../src/stores/appData';
import { $dasymetricPending, $dasymetricPopulation, COVERAGE_GRID_METERS } from '../../../src/stores/zoneCoverage';

const province = JSON.parse(readFileSync('geo/boundaries/overijssel-provincie-cbs-2026.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
const olderPeople = parsePostcodePopulation(JSON.parse(readFileSync('geo/population/overijssel-pc4-bevolking-leeftijd-2021.geojson', 'utf8')), 'pc4', 'cbs-pc4-2021').items;
const kernen = parseBuiltUpAreas(JSON.parse(readFileSync('geo/places/overijssel-kernen-top10nl-2025.geojson', 'utf8')), 'kernen').items;

describe('older people spread for the zone coverage', () => {
  afterEach(() => $appData.set({}));

  it('is computed when first asked for, in slices (pending meanwhile), and equals the spread run at once', async () => {
    $appData.set({
      province,
      olderPeople: { type: 'FeatureCollection', features: olderPeople } as never,
      builtUpAreas: { type: 'FeatureCollection', features: kernen } as never,
    });
    const seen: Array<'pending' | 'ready'> = [];
    const done = new Promise<void>((resolve) => {
      const stop = $dasymetricPopulation.subscribe((population) => {
        if (population === null) {
          if ($dasymetricPending.get()) seen.push('pending');
          return;
        }
        seen.push('ready');
        stop();
        resolve();
      });
    });
    // not in the task that asked: the page gets its turn first
    expect($dasymetricPending.get()).toBe(true);
    await done;
    expect(seen).toEqual(['pending', 'ready']);
    expect($dasymetricPending.get()).toBe(false);
    const atOnce = spreadPopulation(buildProvinceGrid(province.features[0]!.geometry, COVERAGE_GRID_METERS), olderPeople, kernen);
    const sliced = $dasymetricPopulation.get()!;
    expect(Array.from(sliced.cellCounts['75plus'])).toEqual(Array.from(atOnce.cellCounts['75plus']));
    expect(sliced.kernen.map((kern) => kern.counts['75plus'])).toEqual(atOnce.kernen.map((kern) => kern.counts['75plus']));
  });
});
