// Test facilities for the Locatiezoeker browser tests (not real facilities): around the centres of
// the eight largest kernen, so the cells there meet every geclusterd norm.
import { readFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Facility, FacilityCategory } from '../../src/domain/facility';
import { metresAway } from './metresAway';

export const SITE_FINDER_TEST_CATEGORIES: FacilityCategory[] = ['supermarkt', 'huisarts', 'apotheek', 'ovHalte', 'ontmoetingsplek', 'zorg24uur'];
export const SITE_FINDER_TEST_DATASET_ID = 'test-site-finder';

/**
 * Test data, not real facilities: in each of the eight largest kernen (TOP10NL), a supermarket, GP,
 * pharmacy, meeting place and bus stop within 60 m of a point inside the kern, so the cells around it
 * meet every geclusterd norm; a 24-hour care location in the first two (existing supply).
 */
export function siteFinderTestFacilities(): Facility[] {
  const kernen = JSON.parse(readFileSync('geo/places/overijssel-kernen-top10nl-2025.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { naam: string; inwoners: number }>;
  const largest = [...kernen.features].sort((a, b) => b.properties.inwoners - a.properties.inwoners).slice(0, 8);
  return largest.flatMap((kern, town) => {
    const [lon, lat] = pointOnFeature(kern).geometry.coordinates as [number, number];
    const at = (east: number, north: number): [number, number] => metresAway([lon, lat], east, north);
    const offsets: Record<FacilityCategory, [number, number]> = {
      supermarkt: [60, 0],
      huisarts: [-60, 0],
      apotheek: [0, 60],
      ontmoetingsplek: [0, -60],
      ovHalte: [0, 0],
      zorg24uur: [300, 300],
      woonzorgcentrum: [0, 0],
      overig: [0, 0],
    };
    return SITE_FINDER_TEST_CATEGORIES.filter((category) => category !== 'zorg24uur' || town < 2).map((category) => ({
      id: `${town}-${category}`,
      name: `Test ${category} ${kern.properties.naam}`,
      category,
      datasetId: SITE_FINDER_TEST_DATASET_ID,
      attributes: category === 'ovHalte' ? { transitMode: 'bus' as const } : {},
      location: at(...offsets[category]),
    }));
  });
}

