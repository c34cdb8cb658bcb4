import { describe, expect, it } from 'vitest';
import { siteFinderCsv, siteFinderGeoJson, type SiteFinderCsvLabels } from '../../../src/analysis/siteFinderExport';
import type { AreaServedFigures } from '../../../src/analysis/siteFinderFigures';
import type { FoundSite } from '../../../src/analysis/siteFinderProtocol';

const labels: SiteFinderCsvLabels = {
  rank: 'Rang',
  candidate: 'Kandidaat uit eigen lijst',
  kern: 'Kern',
  municipality: 'Gemeente',
  latitude: 'Breedtegraad',
  longitude: 'Lengtegraad',
  added: 'Toegevoegde {band}',
  nearest: 'Dichtstbijzijnde {category} (m, norm {max} m)',
  noneLoaded: 'geen geladen',
  municipalitiesTitle: 'Per gemeente',
  people: 'Ouderen {band}',
  servedBefore: 'Bediend voor',
  servedAfter: 'Bediend na',
  shareBefore: 'Aandeel voor (%)',
  shareAfter: 'Aandeel na (%)',
  percentileBefore: 'Afstand 90 % voor (m)',
  percentileAfter: 'Afstand 90 % na (m)',
  noSite: 'geen locatie',
  categories: { supermarkt: 'Supermarkt', huisarts: 'Huisarts' },
  band: '75+',
};

const sites: FoundSite[] = [
  { rank: 1, id: 'cel-12', cellPosition: 12, label: '', location: [6.09195, 52.504719], addedDemand: 312.4, nearest: [{ category: 'supermarkt', maxDistanceMeters: 500, distanceMeters: 120.4 }, { category: 'huisarts', maxDistanceMeters: 500, distanceMeters: null }] },
  { rank: 2, id: 'cel-40', cellPosition: 40, label: '', location: [6.2, 52.3], addedDemand: 99.6, nearest: [{ category: 'supermarkt', maxDistanceMeters: 500, distanceMeters: 480 }, { category: 'huisarts', maxDistanceMeters: 500, distanceMeters: 30 }] },
];
const zwolle: AreaServedFigures = { code: 'GM0193', people: 1000, servedBefore: 250, servedAfter: 562.4, percentileBefore: 2400.4, percentileAfter: 900 };
const province: AreaServedFigures = { code: 'overijssel', people: 5000, servedBefore: 1000, servedAfter: 1412, percentileBefore: Infinity, percentileAfter: 3100 };
const place = (site: FoundSite) => (site.rank === 1 ? { kern: 'Zwolle', municipality: 'Zwolle' } : { kern: '=Raalte', municipality: 'Raalte' });

describe('Locatiezoeker CSV', () => {
  it('lists the sites, then the municipalities before/after, then what it rests on, for Dutch Excel', () => {
    const text = siteFinderCsv({ sites, municipalities: [zwolle], province }, place, (area) => (area.code === 'overijssel' ? 'Overijssel' : 'Zwolle'), labels, [
      ['Waar deze cijfers op rusten'],
      ['Afstand D', '500 m'],
    ]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'Rang;Kern;Gemeente;Breedtegraad;Lengtegraad;Toegevoegde 75+;Dichtstbijzijnde Supermarkt (m, norm 500 m);Dichtstbijzijnde Huisarts (m, norm 500 m)',
      '1;Zwolle;Zwolle;52,504719;6,091950;312;120;geen geladen',
      // a cell starting with = is kept as text, not run as a formula
      "2;'=Raalte;Raalte;52,300000;6,200000;100;480;30",
    ]);
    expect(lines.slice(4, 8)).toEqual([
      'Per gemeente',
      'Gemeente;Ouderen 75+;Bediend voor;Bediend na;Aandeel voor (%);Aandeel na (%);Afstand 90 % voor (m);Afstand 90 % na (m)',
      'Zwolle;1000;250;562;25,0;56,2;2400;900',
      'Overijssel;5000;1000;1412;20,0;28,2;geen locatie;3100',
    ]);
    expect(lines.slice(9, 11)).toEqual(['Waar deze cijfers op rusten', 'Afstand D;500 m']);
  });
});

describe('Locatiezoeker GeoJSON', () => {
  it('holds one point per site with its rank, place and people added, and the settings, method and sources', () => {
    const collection = siteFinderGeoJson({ sites, method: 'highs', municipalities: [zwolle], province, addedDemand: 412, servedBefore: 1000, totalDemand: 5000 }, place, {
      createdAt: '2026-12-02T09:00:00.000Z',
      settings: { housingType: 'geclusterd', band: '75plus', distanceMeters: 500, mode: { kind: 'maxCover', k: 2 }, careCountsAsSupply: true, candidateSource: { kind: 'builtUp' } },
      method: 'dasymetrisch',
      supply: { sites: 0, care: 3 },
      candidates: { source: 'builtUp', considered: 10, candidates: 4, noData: 1, notMet: 5, missingCategories: [], leftOut: [] },
      comparison: 'Deze 2 locaties …',
      datasets: [{ name: 'OSM', source: 'OpenStreetMap', licence: 'ODbL', retrievedAt: '2026-12-01' }],
      sources: ['CBS'],
      note: 'Capaciteit niet meegenomen',
    }) as { features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[]; settings: unknown; solver: string; perMunicipality: { percentileBefore: number | null }[] };
    expect(collection.features.map((feature) => [feature.geometry.coordinates, feature.properties['rank'], feature.properties['kern'], feature.properties['addedOlderPeople']])).toEqual([
      [[6.09195, 52.504719], 1, 'Zwolle', 312.4],
      [[6.2, 52.3], 2, '=Raalte', 99.6],
    ]);
    expect(collection.solver).toBe('highs');
    expect(collection.settings).toMatchObject({ distanceMeters: 500, band: '75plus' });
    // Infinity is not JSON: no site at all is null
    expect(collection.perMunicipality.map((area) => area.percentileBefore)).toEqual([2400.4, null]);
    expect(JSON.parse(JSON.stringify(collection))).toMatchObject({ name: 'locatiezoeker', note: 'Capaciteit niet meegenomen', datasets: [{ licence: 'ODbL' }] });
  });
});
