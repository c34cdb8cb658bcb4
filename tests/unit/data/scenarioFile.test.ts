import { describe, expect, it } from 'vitest';
import { parseScenarioFile, scenarioFileName, scenarioSitesGeoJson, serialiseScenarioFile } from '../../../src/data/scenarioFile';
import { DEFAULT_WALKING_SPEED, WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { defaultZoneDefinitionSet } from '../../../src/domain/serviceZones';
import { emptySiteHomes, SCENARIO_FILE_TYPE, SCENARIO_SCHEMA_VERSION, type DraftScenario, type Site } from '../../../src/domain/scenario';

const site = (id: string, outline: Site['outline'] = null): Site => ({
  id, name: `Locatie ${id}`, location: [6.09, 52.51], outline, municipalityCode: 'GM0193', homes: { ...emptySiteHomes(), geclusterd: 12 },
  tenure: 'middenhuur', phase: 'after2030', year: null, keyProjectId: null, notes: '',
});

const scenario = (id: string, overrides: Partial<DraftScenario> = {}): DraftScenario => ({
  id, name: 'Plan Zwolle', description: '', createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:05:00.000Z', measuredAgainst: 'band',
  normProfile: WOONZORGZONE_PROFILE, walkingSpeed: DEFAULT_WALKING_SPEED, zoneDefinitions: defaultZoneDefinitionSet(),
  edits: [
    { kind: 'addSite', id: 'e1', at: '2026-12-01T10:01:00.000Z', site: site('a', [[[6.09, 52.51], [6.1, 52.51], [6.1, 52.52], [6.09, 52.51]]]) },
    { kind: 'addSite', id: 'e2', at: '2026-12-01T10:02:00.000Z', site: site('b') },
    { kind: 'removeSite', id: 'e3', at: '2026-12-01T10:03:00.000Z', site: site('b') },
  ],
  appliedCount: 3, lastExportedAt: '2026-12-01T09:00:00.000Z', ...overrides,
});

describe('scenario files', () => {
  it('writes type and schemaVersion, leaves out this browser\'s export time, and reads back equal', () => {
    const text = serialiseScenarioFile([scenario('s1')], '2026-12-01T11:00:00.000Z');
    const content = JSON.parse(text) as Record<string, unknown>;
    expect(content).toMatchObject({ type: SCENARIO_FILE_TYPE, schemaVersion: SCENARIO_SCHEMA_VERSION, exportedAt: '2026-12-01T11:00:00.000Z' });
    expect(parseScenarioFile(text, 'plan.json', new Set())).toEqual({ ok: true, entries: [{ scenario: { ...scenario('s1'), lastExportedAt: null }, asCopy: false, repairs: [] }] });
  });

  it('marks ids taken in the browser or earlier in the file as copies', () => {
    const text = serialiseScenarioFile([scenario('s1'), scenario('s2'), scenario('s2')], '2026-12-01T11:00:00.000Z');
    const parsed = parseScenarioFile(text, 'plan.json', new Set(['s1']));
    if (!parsed.ok) throw new Error(parsed.issue.code);
    expect(parsed.entries.map((entry) => entry.asCopy)).toEqual([true, false, true]);
  });

  it('refuses a file that is not a scenario file, newer, empty, or holds one unreadable scenario, naming file, scenario and reason', () => {
    const code = (text: string) => {
      const parsed = parseScenarioFile(text, 'x.json', new Set());
      return parsed.ok ? 'ok' : [parsed.issue.code, parsed.issue.record, parsed.issue.params?.['reason']].filter((part) => part !== undefined).join(' ');
    };
    expect(code('{')).toMatch(/^scenarioFiles.notJson /);
    expect(code('[]')).toBe('scenarioFiles.wrongType a list');
    expect(code('{"type":"FeatureCollection"}')).toBe('scenarioFiles.wrongType "FeatureCollection"');
    expect(code(`{"type":"${SCENARIO_FILE_TYPE}","schemaVersion":"1"}`)).toBe('scenarioFiles.badVersion "1"');
    expect(code(`{"type":"${SCENARIO_FILE_TYPE}","schemaVersion":${SCENARIO_SCHEMA_VERSION + 1},"scenarios":[]}`)).toBe(`scenarioFiles.newerVersion format ${SCENARIO_SCHEMA_VERSION + 1}; this version reads up to ${SCENARIO_SCHEMA_VERSION}`);
    expect(code(`{"type":"${SCENARIO_FILE_TYPE}","schemaVersion":1,"scenarios":[]}`)).toBe('scenarioFiles.noScenarios empty list');
    const good = JSON.parse(serialiseScenarioFile([scenario('s1')], '2026-12-01T11:00:00.000Z')) as { scenarios: unknown[] };
    good.scenarios.push({ name: 'Zonder id' });
    expect(code(JSON.stringify(good))).toBe('scenarioFiles.scenarioUnreadable 2 (Zonder id) no id');
  });

  it('gives the current sites as GeoJSON points, with outlines as polygons', () => {
    const geojson = scenarioSitesGeoJson(scenario('s1'));
    expect(geojson.features.map((feature) => [feature.geometry.type, feature.properties.kind, feature.properties.id])).toEqual([
      ['Point', 'site', 'a'],
      ['Polygon', 'siteOutline', 'a'],
    ]);
    expect(geojson.features[0]?.properties).toMatchObject({ scenario: 'Plan Zwolle', geclusterd: 12, nultreden: 0, tenure: 'middenhuur', phase: 'after2030' });
  });

  it('names files after the draft and the date', () => {
    expect(scenarioFileName([{ name: 'Plan Zwolle – Spoorzone (één)' }], '2026-12-01T11:00:00.000Z')).toBe('plan-zwolle-spoorzone-een-2026-12-01.json');
    expect(scenarioFileName([{ name: 'a' }, { name: 'b' }], '2026-12-01T11:00:00.000Z', 'json')).toBe('scenarios-2026-12-01.json');
  });
});
