import { describe, expect, it } from 'vitest';
import { encodeViewHash, parseViewHash, type SharedView } from '../../../src/data/viewHash';

const view: SharedView = {
  center: [6.0876, 52.5123],
  zoom: 11.25,
  thematic: { layer: 'targets', targetScenario: 'trend', housingType: 'geclusterd', targetMeasure: 'per1000Inhabitants', ageGroup: '75plus', olderPeopleMeasure: 'share' },
  showKeyProjects: true,
  showBuiltUpAreas: false,
  grid: { mode: 'off', housingType: 'nultreden', category: 'supermarkt', cellSizeMeters: 250 },
  selection: { kind: 'municipality', code: 'GM0193' },
  language: 'en',
  scenarioId: '2f0c1a7e-5b7d-4b8e-9a51-0d7c3f1e2a44',
};

describe('the view in the URL hash', () => {
  it('reads back what it wrote', () => {
    const hash = encodeViewHash(view);
    expect(hash.startsWith('#')).toBe(true);
    const parsed = parseViewHash(hash);
    expect(parsed.center).toEqual(view.center);
    expect(parsed.zoom).toBe(11.25);
    expect(parsed.thematic).toEqual({ layer: 'targets', targetScenario: 'trend', housingType: 'geclusterd', targetMeasure: 'per1000Inhabitants' });
    expect(parsed.showKeyProjects).toBe(true);
    expect(parsed.showBuiltUpAreas).toBe(false);
    expect(parsed.grid).toEqual({ mode: 'off' });
    expect(parsed.selection).toEqual({ kind: 'municipality', code: 'GM0193' });
    expect(parsed.language).toBe('en');
    expect(parsed.scenarioId).toBe(view.scenarioId);
  });

  it('round-trips every kind of selection, the older-people theme and the grid', () => {
    for (const selection of [
      { kind: 'area', area: 'twente' },
      { kind: 'keyProject', id: 'zwolle-stadshagen' },
      { kind: 'site', id: 'a1b2c3' },
      null,
    ] as const) {
      expect(parseViewHash(encodeViewHash({ ...view, selection })).selection).toEqual(selection);
    }
    const older = parseViewHash(encodeViewHash({ ...view, thematic: { ...view.thematic, layer: 'olderPeople', ageGroup: '85plus', olderPeopleMeasure: 'count' } }));
    expect(older.thematic).toEqual({ layer: 'olderPeople', ageGroup: '85plus', olderPeopleMeasure: 'count' });
    const grid = parseViewHash(encodeViewHash({ ...view, grid: { ...view.grid, mode: 'category', category: 'apotheek', cellSizeMeters: 100 } }));
    expect(grid.grid).toEqual({ mode: 'category', category: 'apotheek', cellSizeMeters: 100 });
    expect(parseViewHash(encodeViewHash({ ...view, scenarioId: null })).scenarioId).toBeNull();
  });

  it('keeps the hash readable and free of names', () => {
    const hash = encodeViewHash({ ...view, selection: { kind: 'keyProject', id: 'zwolle-stadshagen' } });
    expect(hash).toContain('map=11.25/52.5123/6.0876');
    expect(hash).toContain('sel=project:zwolle-stadshagen');
    expect(hash).not.toMatch(/%3A|%2C/i);
  });

  it('ignores junk field by field and never throws', () => {
    const parsed = parseViewHash('#map=99/52.5/6.1&theme=rainbow&sel=municipality:<script>&lang=fr&draft=../../etc&layers=builtUp');
    expect(parsed.zoom).toBeUndefined(); // zoom 99 is out of range
    expect(parsed.center).toEqual([6.1, 52.5]);
    expect(parsed.thematic).toBeUndefined();
    expect(parsed.selection).toBeUndefined();
    expect(parsed.language).toBeUndefined();
    expect(parsed.scenarioId).toBeNull(); // an invalid id opens no draft
    expect(parsed.showBuiltUpAreas).toBe(true);
    expect(parsed.showKeyProjects).toBe(false);
    for (const junk of ['', '#', '#%', '#map=', '#map=a/b/c', '#map=9/52.5/200', '#sel=site:', '#grid=housingType.x.250', '#' + 'x'.repeat(5000), '#target=basis.total.absolute']) {
      expect(() => parseViewHash(junk)).not.toThrow();
    }
    expect(parseViewHash('#map=9/52.5/200').center).toBeUndefined(); // outside Overijssel's surroundings
    expect(parseViewHash('#grid=housingType.x.250').grid).toBeUndefined();
    expect(parseViewHash('#theme=targets&target=basis.nonsense.absolute').thematic).toEqual({ layer: 'targets' });
  });
});
