// Seeded synthetic sites and verdicts for the scenario score's tests and benchmark (no real plans: the
// numbers are random, only the frame — municipalities, regions, targets — is the shipped data).

import type { SiteVerdicts } from '../../src/analysis/scenarioScore';
import type { Verdict } from '../../src/analysis/reachability';
import { HOUSING_TYPES } from '../../src/domain/housing';
import { DELIVERY_PHASES, SITE_HOME_TYPES, TENURES, emptySiteHomes, type ScenarioEdit, type ScenarioState, type Site, type SiteFields } from '../../src/domain/scenario';

/** One made-up site in Zwolle with 40 zorggeschikt homes (sociale huur, 2024–2030); `changes` override fields. */
export function testSite(id: string, changes: Partial<Site> = {}): Site {
  return {
    id,
    name: `Locatie ${id}`,
    location: [6.09, 52.51],
    outline: null,
    municipalityCode: 'GM0193',
    homes: { ...emptySiteHomes(), zorggeschikt: 40 },
    tenure: 'socialeHuur',
    phase: '2024-2030',
    year: null,
    keyProjectId: null,
    notes: '',
    ...changes,
  };
}

/** 0 for about 30 % (so figures skip sites), else up to 119. */
const someHomes = (random: () => number) => (random() < 0.3 ? 0 : Math.floor(random() * 120));

export function syntheticSites(count: number, random: () => number, municipalityCodes: readonly string[]): Site[] {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const phase = pick(DELIVERY_PHASES);
    return {
      id: `site-${index}`,
      name: `Locatie ${index}`,
      location: [5.9 + random(), 52.2 + random() * 0.6] as [number, number],
      outline: null,
      municipalityCode: pick(municipalityCodes),
      homes: { nultreden: someHomes(random), geclusterd: someHomes(random), zorggeschikt: someHomes(random), overig: someHomes(random) },
      tenure: pick(TENURES),
      phase,
      year: random() < 0.5 ? null : phase === '2024-2030' ? 2024 + Math.floor(random() * 7) : 2031 + Math.floor(random() * 20),
      keyProjectId: null,
      notes: '',
    };
  });
}

/** Verdicts for most sites (about 10 % left without: not analysed). */
export function syntheticVerdicts(sites: readonly Site[], random: () => number): Map<string, SiteVerdicts> {
  const verdicts: Verdict[] = ['met', 'notMet', 'noData'];
  const map = new Map<string, SiteVerdicts>();
  for (const site of sites) {
    if (random() < 0.1) continue;
    map.set(site.id, Object.fromEntries(HOUSING_TYPES.map((type) => [type, { verdict: verdicts[Math.floor(random() * 3)]! }])) as SiteVerdicts);
  }
  return map;
}

const AT = '2026-12-01T12:00:00.000Z';

/** A random edit that fits `state` (any of the four kinds). */
export function randomEdit(
  random: () => number,
  state: ScenarioState,
  serial: number,
  /** Relative weight per kind (whole numbers; default 1 each). */
  weights: Partial<Record<ScenarioEdit['kind'], number>> = {},
): ScenarioEdit {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const id = `e${serial}`;
  const possible = (state.sites.length === 0 ? ['addSite', 'moveKeyProject', 'drawnZone'] : ['addSite', 'removeSite', 'updateSite', 'moveKeyProject', 'drawnZone']) as ScenarioEdit['kind'][];
  const kinds = possible.flatMap((candidate) => Array<ScenarioEdit['kind']>(weights[candidate] ?? 1).fill(candidate));
  const kind = pick(kinds);
  const randomHomes = () => Object.fromEntries(SITE_HOME_TYPES.map((type) => [type, Math.floor(random() * 200)])) as Site['homes'];
  const randomPoint = (): [number, number] => [5.9 + random(), 52.2 + random() * 0.6];
  switch (kind) {
    case 'addSite':
      return { kind, id, at: AT, site: testSite(`s${serial}`, { homes: randomHomes(), location: randomPoint(), tenure: pick(TENURES) }) };
    case 'removeSite':
      return { kind, id, at: AT, site: pick(state.sites) };
    case 'updateSite': {
      const target = pick(state.sites);
      const fields: (keyof SiteFields)[] = ['name', 'location', 'homes', 'tenure', 'phase', 'year', 'notes', 'outline', 'keyProjectId', 'municipalityCode'];
      const chosen = fields.filter(() => random() < 0.4);
      if (chosen.length === 0) chosen.push(pick(fields));
      const fresh: SiteFields = {
        name: `Naam ${serial}`,
        location: randomPoint(),
        homes: randomHomes(),
        tenure: pick(TENURES),
        phase: random() < 0.5 ? '2024-2030' : 'after2030',
        year: random() < 0.5 ? null : 2024 + Math.floor(random() * 20),
        notes: `notitie ${serial}`,
        outline: random() < 0.5 ? null : [[[6, 52.5], [6.01, 52.5], [6.01, 52.51], [6, 52.5]]],
        keyProjectId: random() < 0.5 ? null : `kp${serial}`,
        municipalityCode: pick(['GM0193', 'GM0166', 'GM0153']),
      };
      const before = Object.fromEntries(chosen.map((field) => [field, target[field]])) as Partial<SiteFields>;
      const after = Object.fromEntries(chosen.map((field) => [field, fresh[field]])) as Partial<SiteFields>;
      return { kind, id, at: AT, siteId: target.id, before, after };
    }
    case 'moveKeyProject': {
      const keyProjectId = pick(['p1', 'p2', 'p3']);
      const from = state.keyProjectPlacements.get(keyProjectId) ?? null;
      const to = random() < 0.25 ? null : { location: randomPoint(), precision: 'planner' as const };
      return { kind, id, at: AT, keyProjectId, from, to };
    }
    case 'drawnZone': {
      // draw a new zone, or adjust or delete an existing one
      const existing = state.drawnZones.length > 0 && random() < 0.6 ? pick(state.drawnZones) : null;
      const [lon, lat] = randomPoint();
      const size = 0.002 + random() * 0.01;
      const outline: [number, number][][] = [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]];
      if (existing === null) return { kind, id, at: AT, zoneId: `z${serial}`, before: null, after: { id: `z${serial}`, name: `Getekend gebied ${serial}`, outline } };
      return { kind, id, at: AT, zoneId: existing.id, before: existing, after: random() < 0.3 ? null : { ...existing, outline } };
    }
  }
}

