import { describe, expect, it } from 'vitest';
import { translate, type Language } from '../../../src/i18n/catalogue';
import { type ScenarioEdit, type Site } from '../../../src/domain/scenario';
import { describeEdits, type EditTextContext } from '../../../src/ui/scenarioEditText';
import { testSite } from '../../support/syntheticScenario';

function context(language: Language): EditTextContext {
  return {
    t: (key, params) => translate(language, key, params),
    language,
    formatNumber: (value) => new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB').format(value),
    keyProjectName: (id) => ({ 'zwolle-spoorzone': 'Zwolle Spoorzone' })[id] ?? id,
    municipalityName: (code) => ({ GM0193: 'Zwolle', GM0166: 'Kampen' })[code] ?? code,
  };
}

const site: Site = testSite('s1', { name: 'De Linde', location: [6.0921, 52.5052] });
const at = '2026-12-01T18:00:00Z';

const edits: ScenarioEdit[] = [
  { kind: 'addSite', id: 'e1', at, site },
  { kind: 'updateSite', id: 'e2', at, siteId: 's1', before: { homes: site.homes }, after: { homes: { ...site.homes, zorggeschikt: 60 } } },
  { kind: 'moveKeyProject', id: 'e3', at, keyProjectId: 'zwolle-spoorzone', from: null, to: { location: [6.09123, 52.50456], precision: 'planner' } },
  { kind: 'updateSite', id: 'e4', at, siteId: 's1', before: { name: 'De Linde' }, after: { name: 'Linde-Oost' } },
  { kind: 'updateSite', id: 'e5', at, siteId: 's1', before: { location: site.location, municipalityCode: 'GM0193' }, after: { location: [5.92, 52.55], municipalityCode: 'GM0166' } },
  { kind: 'updateSite', id: 'e6', at, siteId: 's1', before: { tenure: 'socialeHuur', phase: '2024-2030', year: null }, after: { tenure: 'koop', phase: 'after2030', year: 2032 } },
  { kind: 'moveKeyProject', id: 'e7', at, keyProjectId: 'zwolle-spoorzone', from: { location: [6.09123, 52.50456], precision: 'planner' }, to: null },
  { kind: 'removeSite', id: 'e8', at, site: { ...site, name: 'Linde-Oost' } },
];

describe('describeEdits', () => {
  it('renders every edit record as a Dutch sentence, following the site name through renames', () => {
    expect(describeEdits(edits, context('nl'))).toEqual([
      'Locatie toegevoegd: De Linde',
      'De Linde: Zorggeschikt 40 → 60',
      'Zwolle Spoorzone verplaatst naar 52,50456° N, 6,09123° O',
      'De Linde: naam "De Linde" → "Linde-Oost"',
      'Linde-Oost verplaatst naar 52,55000° N, 5,92000° O (gemeente Kampen)',
      'Linde-Oost: Prijssegment Sociale huur → Koop; Oplevering 2024–2030 → Na 2030; Jaar – → 2032',
      'Zwolle Spoorzone terug naar de gepubliceerde locatie',
      'Locatie verwijderd: Linde-Oost',
    ]);
  });

  it('renders the same records in English', () => {
    const english = describeEdits(edits, context('en'));
    expect(english[0]).toBe('Site added: De Linde');
    expect(english[1]).toBe('De Linde: Care-ready (zorggeschikt) 40 → 60');
    expect(english[2]).toBe('Zwolle Spoorzone moved to 52.50456° N, 6.09123° E');
    expect(english[4]).toBe('Linde-Oost moved to 52.55000° N, 5.92000° E (municipality of Kampen)');
  });

  it('a move within the municipality does not name it', () => {
    const move: ScenarioEdit = { kind: 'updateSite', id: 'm', at, siteId: 's1', before: { location: site.location }, after: { location: [6.1, 52.5] } };
    expect(describeEdits([edits[0]!, move], context('nl'))[1]).toBe('De Linde verplaatst naar 52,50000° N, 6,10000° O');
  });

  it('describes a drawn, changed and removed outline with the site name and its area', () => {
    const square: [number, number][] = [[6.091, 52.504], [6.0925, 52.504], [6.0925, 52.5049], [6.091, 52.5049], [6.091, 52.504]];
    const larger: [number, number][] = [[6.091, 52.504], [6.094, 52.504], [6.094, 52.5049], [6.091, 52.5049], [6.091, 52.504]];
    const outlineEdits: ScenarioEdit[] = [
      { kind: 'addSite', id: 'o1', at, site },
      { kind: 'updateSite', id: 'o2', at, siteId: 's1', before: { outline: null }, after: { outline: [square] } },
      { kind: 'updateSite', id: 'o3', at, siteId: 's1', before: { outline: [square] }, after: { outline: [larger] } },
      { kind: 'updateSite', id: 'o4', at, siteId: 's1', before: { outline: [larger] }, after: { outline: null } },
    ];
    expect(describeEdits(outlineEdits, context('nl')).slice(1)).toEqual(['Omtrek getekend: De Linde (1,0 ha)', 'Omtrek gewijzigd: De Linde (2,0 ha)', 'Omtrek verwijderd: De Linde']);
    expect(describeEdits(outlineEdits, context('en')).slice(1)).toEqual(['Outline drawn: De Linde (1.0 ha)', 'Outline changed: De Linde (2.0 ha)', 'Outline removed: De Linde']);
  });

  it('describes a hand-drawn woonservicegebied drawn, adjusted and deleted, with its name and area', () => {
    const square: [number, number][] = [[6.091, 52.504], [6.0925, 52.504], [6.0925, 52.5049], [6.091, 52.5049], [6.091, 52.504]];
    const larger: [number, number][] = [[6.091, 52.504], [6.094, 52.504], [6.094, 52.5049], [6.091, 52.5049], [6.091, 52.504]];
    const zone = (outline: [number, number][]) => ({ id: 'z', name: 'Getekend gebied 1', outline: [outline] });
    const zoneEdits: ScenarioEdit[] = [
      { kind: 'drawnZone', id: 'z1', at, zoneId: 'z', before: null, after: zone(square) },
      { kind: 'drawnZone', id: 'z2', at, zoneId: 'z', before: zone(square), after: zone(larger) },
      { kind: 'drawnZone', id: 'z3', at, zoneId: 'z', before: zone(larger), after: null },
    ];
    expect(describeEdits(zoneEdits, context('nl'))).toEqual([
      'Woonservicegebied getekend: Getekend gebied 1 (1,0 ha)',
      'Woonservicegebied aangepast: Getekend gebied 1 (2,0 ha)',
      'Getekend woonservicegebied verwijderd: Getekend gebied 1',
    ]);
    expect(describeEdits(zoneEdits, context('en'))[0]).toBe('Service area drawn: Getekend gebied 1 (1.0 ha)');
  });
});
