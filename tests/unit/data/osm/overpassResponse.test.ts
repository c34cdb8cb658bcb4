// Tests for reading Overpass JSON (built here in Overpass's shape) into facilities.
import { describe, expect, it } from 'vitest';
import { createOsmDataset, keepInsideArea, OSM_QUERIED_CATEGORIES, parseOverpassResponse } from '../../../../src/data/osm/overpassResponse';
import { provinceOutline } from '../geoFiles';

const node = (id: number, tags: Record<string, string>, lon = 6.1, lat = 52.5) => ({ type: 'node', id, lat, lon, tags });
const way = (id: number, tags: Record<string, string>, center?: { lat: number; lon: number }) => ({ type: 'way', id, ...(center ? { center } : {}), tags });
const answer = (...elements: unknown[]) => ({ version: 0.6, generator: 'Overpass API', osm3s: {}, elements });

describe('parseOverpassResponse', () => {
  it('reads a node at its position', () => {
    const { facilities } = parseOverpassResponse(answer(node(1, { amenity: 'pharmacy', name: 'Apotheek Ommen' }, 6.42, 52.52)), 'osm-x');
    expect(facilities[0]).toMatchObject({ id: 'node/1', name: 'Apotheek Ommen', category: 'apotheek', location: [6.42, 52.52], datasetId: 'osm-x' });
  });

  it('reads a way at its centre', () => {
    const { facilities } = parseOverpassResponse(answer(way(2, { shop: 'supermarket' }, { lat: 52.3, lon: 6.7 })), 'osm-x');
    expect(facilities[0]?.location).toEqual([6.7, 52.3]);
  });

  it('reports a way without centre instead of placing it', () => {
    const result = parseOverpassResponse(answer(way(3, { shop: 'supermarket' })), 'osm-x');
    expect(result.issues).toMatchObject([{ code: 'osm.skipped.noCentre', record: 'way/3' }]);
  });

  it('reports a node with an impossible coordinate and an element without type or id', () => {
    const result = parseOverpassResponse(answer(node(4, { shop: 'supermarket' }, 6.1, 95), { id: 9, tags: { shop: 'supermarket' } }), 'osm-x');
    expect(result.issues).toMatchObject([
      { code: 'osm.skipped.invalidCoordinate', record: 'node/4', params: { lon: '6.1', lat: '95' } },
      { code: 'osm.skipped.invalidElement', record: '#2' },
    ]);
  });

  it('counts elements that are not facilities without reporting them', () => {
    const result = parseOverpassResponse(answer(node(4, { amenity: 'bench' }), node(5, { highway: 'bus_stop' })), 'osm-x');
    expect([result.facilities.length, result.ignoredCount, result.issues.length]).toEqual([1, 1, 0]);
  });

  it('keeps the transit mode and the deciding rule', () => {
    const [stop] = parseOverpassResponse(answer(node(6, { railway: 'station', name: 'Zwolle' })), 'osm-x').facilities;
    expect(stop?.attributes.transitMode).toBe('train');
    expect(stop?.attributes.extra).toMatchObject({ osm: 'node/6', osmRule: 'railway-station' });
  });

  it('builds the address from addr:* tags', () => {
    const tags = { amenity: 'doctors', 'healthcare:speciality': 'general', 'addr:street': 'Markt', 'addr:housenumber': '3', 'addr:postcode': '7731 DB', 'addr:city': 'Ommen' };
    expect(parseOverpassResponse(answer(node(7, tags)), 'osm-x').facilities[0]?.attributes.address).toBe('Markt 3, 7731 DB Ommen');
  });

  it('reads capacity of a nursing home as a number', () => {
    expect(parseOverpassResponse(answer(node(8, { amenity: 'nursing_home', capacity: '64' })), 'osm-x').facilities[0]?.attributes.capacity).toBe(64);
  });

  it('keeps one facility when an element appears twice', () => {
    expect(parseOverpassResponse(answer(node(9, { shop: 'supermarket' }), node(9, { shop: 'supermarket' })), 'osm-x').facilities).toHaveLength(1);
  });

  it('reports an answer without elements', () => {
    expect(parseOverpassResponse({ remark: 'x' }, 'osm-x').issues[0]?.code).toBe('osm.malformedResponse');
  });
});

describe('keepInsideArea', () => {
  it('drops points outside the municipality polygon and reports them', () => {
    const { facilities } = parseOverpassResponse(answer(node(1, { shop: 'supermarket' }, 6.1, 52.5), node(2, { shop: 'supermarket', name: 'Ver weg' }, 6.5, 52.5)), 'osm-x');
    const square = { type: 'Polygon' as const, coordinates: [[[6.0, 52.4], [6.2, 52.4], [6.2, 52.6], [6.0, 52.6], [6.0, 52.4]]] };
    const { inside, skipped } = keepInsideArea(facilities, { kind: 'municipality', polygon: square });
    expect(inside.map((facility) => facility.id)).toEqual(['node/1']);
    expect(skipped).toMatchObject([{ code: 'osm.skipped.outsideMunicipality', record: 'node/2', params: { name: 'Ver weg' } }]);
  });

  it('drops points across the province border that the bounding box would keep (Nordhorn, Hoogeveen, Apeldoorn)', () => {
    const { facilities } = parseOverpassResponse(
      answer(
        node(1, { shop: 'supermarket' }, 6.0944, 52.5125),
        node(2, { shop: 'supermarket' }, 7.0708, 52.4336),
        node(3, { shop: 'supermarket' }, 6.4764, 52.7225),
        node(4, { shop: 'supermarket' }, 5.9699, 52.2112),
      ),
      'osm-x',
    );
    const { inside, skipped } = keepInsideArea(facilities, { kind: 'province', outline: provinceOutline() });
    expect(inside.map((facility) => facility.id)).toEqual(['node/1']);
    expect(skipped.map((issue) => [issue.record, issue.code])).toEqual([
      ['node/2', 'osm.skipped.outsideProvince'],
      ['node/3', 'osm.skipped.outsideProvince'],
      ['node/4', 'osm.skipped.outsideProvince'],
    ]);
  });
});

describe('OSM dataset metadata', () => {
  it('carries the ODbL licence and covers the municipality asked for', () => {
    const dataset = createOsmDataset({ kind: 'municipality', code: 'GM0193' }, '2026-11-23T10:00:00Z', 'OSM Zwolle');
    expect(dataset).toMatchObject({ id: 'osm-GM0193', kind: 'osm', licence: expect.stringContaining('ODbL') });
    // every queried category is declared complete for the queried municipality
    expect(Object.keys(dataset.completeness).sort()).toEqual([...OSM_QUERIED_CATEGORIES].sort());
    expect(Object.values(dataset.completeness).every((declaration) => declaration.kind === 'municipalities' && declaration.codes.join() === 'GM0193')).toBe(true);
  });

  it('declares the queried categories complete for the whole province after a province download', () => {
    const dataset = createOsmDataset({ kind: 'province' }, '2026-11-23T10:00:00Z', 'OSM Overijssel');
    expect(dataset.completeness.huisarts).toEqual({ kind: 'province' });
    expect(dataset.completeness.overig).toBeUndefined();
  });
});
