import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completenessFor } from '../../../src/domain/facility';
import { WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED } from '../../../src/domain/norms';
import type { PlacedKeyProject } from '../../../src/domain/keyProject';
import { FacilityIndex } from '../../../src/analysis/facilityIndex';
import { analyseSites } from '../../../src/analysis/reachability';
import { $appData } from '../../../src/stores/appData';
import { $facilitiesByDataset, $facilityDatasets } from '../../../src/stores/facilities';
import { setLanguage } from '../../../src/stores/language';
import { selectNormProfile, selectWalkingSpeedPreset, setCustomWalkingSpeed } from '../../../src/stores/norms';
import { $siteAnalysis, projectTableCsv } from '../../../src/stores/projectTable';
import { packedFacilities } from '../analysis/reachabilityFactories';
import { dataset, facility } from './facilityFixtures';

describe('key-project CSV export', () => {
  const project = {
    id: 'zwolle-stadshagen',
    municipalityCode: 'GM0193',
    municipalityAsPrinted: 'Zwolle',
    name: 'Stadshagen',
    status: 'bestaand',
    homesWoondeal2022: 1000,
    homes2024To2030: 1400,
    homesAfter2030: null,
    countsAsKeyProject: true,
    source: 'woondeal',
    location: [6.0915, 52.5097],
    locationPrecision: 'district',
    placedAt: 'Stadshagen',
    placedSource: 'top10nl',
  } as unknown as PlacedKeyProject;

  beforeEach(() => {
    setLanguage('nl');
    selectNormProfile('woonzorgzone');
    selectWalkingSpeedPreset('ouder');
    const osm = { ...dataset('osm-GM0193', ['supermarkt', 'huisarts']), kind: 'osm' as const, name: 'OpenStreetMap – Zwolle', source: 'OpenStreetMap', licence: 'ODbL', retrievedAt: '2026-11-30T10:00:00.000Z', completeness: completenessFor(['supermarkt', 'huisarts'], { kind: 'municipalities', codes: ['GM0193'] }) };
    const emptyImport = dataset('leeg', ['apotheek']);
    $facilityDatasets.set([osm, emptyImport, dataset('verborgen', ['supermarkt'], true)]);
    const supermarket = facility('osm-GM0193', 's1', 'supermarkt', [6.0935, 52.5097]);
    $facilitiesByDataset.set(new Map([['osm-GM0193', [supermarket]], ['verborgen', [facility('verborgen', 'v1', 'supermarkt')]]]));
    $appData.set({ keyProjects: [project], municipalities: [{ code: 'GM0193', name: 'Zwolle', region: 'west-overijssel', inhabitants: 1, inhabitantsSource: 'cbs' }] });
    const index = new FacilityIndex(packedFacilities([{ id: 's1', category: 'supermarkt', location: supermarket.location }]));
    $siteAnalysis.set(analyseSites([{ id: project.id, name: project.name, location: project.location }], index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED));
  });
  afterEach(() => {
    $siteAnalysis.set(null);
    $appData.set({});
  });

  it('gives municipality, homes 2024–2030 and location precision per project, and the norms, speed, date and datasets under the table', () => {
    const lines = projectTableCsv(new Date(2026, 11, 1, 15, 4)).slice(1).split('\r\n');
    const header = lines[0]!.split(';');
    expect(header.slice(0, 6)).toEqual(['Id', 'Locatie', 'Gemeente', 'Woningen 2024 t/m 2030', 'Precisie locatie', 'Buiten Overijssel']);
    expect(lines[1]!.split(';').slice(0, 5)).toEqual(['zwolle-stadshagen', 'Stadshagen', 'Zwolle', '1400', 'Locatie op wijkniveau (bij benadering)']);
    expect(lines[2]).toBe('');
    const about = lines.slice(3);
    expect(about).toContain('Datum;2026-12-01 15:04');
    expect(about).toContain('Normprofiel;Woonzorgzone (400–500 m, ov 300 m)');
    expect(about.find((line) => line.startsWith('Normen Nultreden;'))).toContain('Supermarkt');
    expect(about).toContain('Loopsnelheid;Oudere (2,9 km/u)');
    // only visible datasets that hold facilities, each with its declared coverage
    expect(about).toContain('OpenStreetMap – Zwolle;OpenStreetMap;ODbL;2026-11-30;Volledig voor Zwolle: Huisarts, Supermarkt');
    expect(about.some((line) => line.startsWith('leeg;') || line.startsWith('verborgen;'))).toBe(false);
  });

  it('names an own walking speed with its value', () => {
    setCustomWalkingSpeed('2,5');
    expect(projectTableCsv(new Date(2026, 11, 1)).split('\r\n')).toContain('Loopsnelheid;Eigen snelheid (2,5 km/u)');
  });
});
