// Per municipality: how many woonservicegebieden lie (partly) in it and how much of their area.
// A zone across a municipal border counts in each municipality it reaches, with its area split at
// the border. Only zones that really cross a border are clipped (turf's intersect); the others are
// found wholly inside one municipality by point tests. Pure and worker-safe.

import { area as turfArea, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { createAreaIndex, ringsOf } from './areaIndex';
import { municipalityLocator } from './facilitiesPerMunicipality';

export interface MunicipalityZoneFigures {
  municipalityCode: string;
  zoneCount: number;
  areaSquareMeters: number;
}

type MunicipalityOutline = Feature<Polygon | MultiPolygon, { code: string }>;

function boxesOverlap(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

/** Figures per municipality code, for every municipality that holds part of a zone (sorted by code). */
export function zonesPerMunicipality(zones: readonly Feature<Polygon, { areaSquareMeters: number }>[], municipalities: readonly MunicipalityOutline[]): MunicipalityZoneFigures[] {
  const locate = municipalityLocator(municipalities);
  const outlines = municipalities.map((feature) => ({ feature, index: createAreaIndex(feature.geometry) }));
  const figures = new Map<string, MunicipalityZoneFigures>();
  const add = (code: string, areaSquareMeters: number) => {
    const current = figures.get(code) ?? { municipalityCode: code, zoneCount: 0, areaSquareMeters: 0 };
    current.zoneCount += 1;
    current.areaSquareMeters += areaSquareMeters;
    figures.set(code, current);
  };
  for (const zone of zones) {
    const zoneIndex = createAreaIndex(zone.geometry);
    const codes = new Set<string | null>();
    for (const vertex of zone.geometry.coordinates[0]!) codes.add(locate([vertex[0]!, vertex[1]!]));
    // a border may enter and leave the zone between two of its vertices: any border vertex inside the zone means it crosses
    const touching = outlines.filter(({ index }) => boxesOverlap(index.bounds, zoneIndex.bounds));
    const borderInside = touching.some(({ feature }) => ringsOf(feature.geometry).some((ring) => ring.some((vertex) => zoneIndex.contains([vertex[0]!, vertex[1]!]))));
    const only = [...codes][0];
    if (codes.size === 1 && only !== null && only !== undefined && !borderInside) {
      add(only, zone.properties.areaSquareMeters);
      continue;
    }
    for (const { feature } of touching) {
      const part = intersect(featureCollection<Polygon | MultiPolygon>([zone, feature]));
      if (!part) continue;
      const partArea = turfArea(part);
      if (partArea > 0.5) add(feature.properties.code, Math.round(partArea));
    }
  }
  return [...figures.values()].map((item) => ({ ...item, areaSquareMeters: Math.round(item.areaSquareMeters) })).sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode));
}
