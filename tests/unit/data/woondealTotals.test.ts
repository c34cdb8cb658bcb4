// Every printed total in geo/woondeal is recomputed from its rows here. Known contradictions of the source
// are listed explicitly: the test fails when a new mismatch appears or a listed one disappears.

import { describe, expect, it } from 'vitest';
import { readGeoJson } from './geoFiles';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON as transcribed, read field by field */
const keyProjects = readGeoJson('geo/woondeal/sleutelprojecten.json') as any;
const homesBuilt = readGeoJson('geo/woondeal/gerealiseerde-woningen.json') as any;
const outlook = readGeoJson('geo/woondeal/doorkijk-2031-2035.json') as any;
const targets = readGeoJson('geo/woondeal/ouderenhuisvesting-doelen.json') as any;
/* eslint-enable @typescript-eslint/no-explicit-any */

type Row = Record<string, unknown>;
const sum = (values: unknown[]): number => values.reduce<number>((total, value) => total + (typeof value === 'number' ? value : 0), 0);

interface Check {
  key: string;
  printed: number;
  computed: number;
}

/** Each printed total with the sum of the rows it totals. */
function allChecks(): Check[] {
  const checks: Check[] = [];
  const projects: Row[] = keyProjects.projects;
  const columns = ['homesWoondeal2022', 'homes2024To2030', 'homesAfter2030'] as const;

  for (const total of keyProjects.municipalityTotals as Row[]) {
    const rows = projects.filter((project) => project.municipalityCode === total.municipalityCode);
    for (const column of columns) {
      if (total[column] === null) continue; // see NOT_PRINTED below
      checks.push({ key: `bijlage1:${String(total.municipalityCode)}:${column}`, printed: total[column] as number, computed: sum(rows.map((row) => row[column])) });
    }
  }
  for (const column of columns) {
    const printed = keyProjects.regionTotal[column] as number;
    checks.push({ key: `bijlage1:region:${column}:municipalityTotals`, printed, computed: sum((keyProjects.municipalityTotals as Row[]).map((row) => row[column])) });
    checks.push({ key: `bijlage1:region:${column}:rows`, printed, computed: sum(projects.map((row) => row[column])) });
  }
  for (const row of keyProjects.table2.rows as Row[]) {
    const total = (keyProjects.municipalityTotals as Row[]).find((candidate) => candidate.municipalityCode === row.municipalityCode);
    checks.push({ key: `tabel2:${String(row.municipalityCode)}:vsBijlage1`, printed: row.homes2024To2030 as number, computed: total?.homes2024To2030 as number });
  }
  checks.push({ key: 'tabel2:total:homes', printed: keyProjects.table2.total.homes2024To2030, computed: sum((keyProjects.table2.rows as Row[]).map((row) => row.homes2024To2030)) });
  checks.push({ key: 'tabel2:total:keyProjects', printed: keyProjects.table2.total.keyProjects, computed: sum((keyProjects.table2.rows as Row[]).map((row) => row.keyProjects)) });
  for (const municipality of keyProjects.figure1.municipalities as { municipalityCode: string; total: number; projects: Row[] }[]) {
    checks.push({ key: `figuur1:${municipality.municipalityCode}`, printed: municipality.total, computed: sum(municipality.projects.map((project) => project.homes2024To2030)) });
  }
  checks.push({ key: 'tabel1:total', printed: homesBuilt.total.homes, computed: sum((homesBuilt.rows as Row[]).map((row) => row.homes)) });
  checks.push({ key: 'tabel3:total', printed: outlook.total.homes, computed: sum((outlook.rows as Row[]).map((row) => row.homes)) });
  for (const row of outlook.rows as Row[]) {
    if (row.homes === null) continue;
    const total = (keyProjects.municipalityTotals as Row[]).find((candidate) => candidate.municipalityCode === row.municipalityCode);
    checks.push({ key: `tabel3:${String(row.municipalityCode)}:vsBijlage1`, printed: row.homes as number, computed: total?.homesAfter2030 as number });
  }
  for (const scenario of ['basis', 'trend'] as const) {
    for (const type of ['nultreden', 'geclusterd', 'zorggeschikt'] as const) {
      const rows = targets.municipalTargets.rows as Record<string, Record<string, number>>[];
      checks.push({ key: `afsprakenkader:${scenario}:${type}`, printed: targets.municipalTargets.printedTotals[scenario][type], computed: sum(rows.map((row) => row[scenario]?.[type])) });
      const west = (targets.regionTargets as Record<string, Record<string, number>>[]).find((region) => (region.region as unknown) === 'west-overijssel');
      checks.push({ key: `afsprakenkader:${scenario}:${type}:vsText`, printed: west?.[scenario]?.[type] as number, computed: targets.municipalTargets.printedTotals[scenario][type] });
    }
  }
  for (const region of targets.regionTargets as Row[]) {
    for (const scenario of ['basis', 'trend'] as const) {
      const printed = region[`${scenario}Total`];
      if (printed === null) continue;
      checks.push({ key: `regionTarget:${String(region.region)}:${scenario}Total`, printed: printed as number, computed: sum(Object.values(region[scenario] as Row)) });
    }
  }
  return checks;
}

/** The contradictions of the source, by check key: printed and computed as found in the text. */
const KNOWN_MISMATCHES: Record<string, { printed: number; computed: number }> = {
  'bijlage1:GM0150:homes2024To2030': { printed: 4550, computed: 4850 }, // Deventer Centrumschil 2.550 in Bijlage 1, 2.250 in Figuur 1
  'bijlage1:GM0175:homes2024To2030': { printed: 508, computed: 518 }, // Ommen 332 + 186
  'bijlage1:region:homes2024To2030:rows': { printed: 24210, computed: 24520 }, // follows from the two above
  'figuur1:GM0175': { printed: 508, computed: 518 },
  'tabel1:total': { printed: 7960, computed: 7929 },
};

/** Totals the source leaves blank: Ommen prints no 'Totaal' after 2030 in Bijlage 1 (its rows are '-'). */
const NOT_PRINTED = ['GM0175:homesAfter2030'];

describe('printed totals of geo/woondeal', () => {
  it('differ from their rows exactly where the known contradictions of the source are', () => {
    const mismatches = Object.fromEntries(
      allChecks().filter((check) => check.printed !== check.computed).map((check) => [check.key, { printed: check.printed, computed: check.computed }]),
    );
    expect(mismatches).toEqual(KNOWN_MISMATCHES);
  });

  it('cover enough checks to catch a transcription error in any table', () => {
    expect(allChecks().length).toBeGreaterThanOrEqual(80);
  });

  it('leave out only the totals the source does not print', () => {
    const blanks = (keyProjects.municipalityTotals as Row[]).flatMap((total) =>
      ['homesWoondeal2022', 'homes2024To2030', 'homesAfter2030'].filter((column) => total[column] === null).map((column) => `${String(total.municipalityCode)}:${column}`),
    );
    expect(blanks).toEqual(NOT_PRINTED);
  });

  it('keep the footnote figure 25.125 beside the printed 2022 region total 25.045**', () => {
    expect(keyProjects.regionTotal.homesWoondeal2022).toBe(25045);
    expect(keyProjects.regionTotal.homesWoondeal2022Footnote).toBe(25125);
  });

  it('record every sum mismatch in the inconsistencies list of the file it belongs to', () => {
    const recorded = [...keyProjects.inconsistencies, ...homesBuilt.inconsistencies] as { printed: number; computed: number }[];
    for (const mismatch of Object.values(KNOWN_MISMATCHES)) {
      expect(recorded).toContainEqual(expect.objectContaining(mismatch));
    }
  });

  it('read Figuur 1 for Zwolle as seven projects adding up to the printed 9.000, no contradiction', () => {
    // The figure prints seven values (1.000, 1.400, 1.200, 500, 500, 3.100, 1.300); only the label of
    // Zwartewateralle/-zone was lost from the text, so its name comes from Bijlage 1.
    const zwolle = (keyProjects.figure1.municipalities as { municipalityCode: string; total: number; projects: Row[] }[]).find(
      (municipality) => municipality.municipalityCode === 'GM0193',
    );
    expect(zwolle?.projects.map((project) => project.homes2024To2030)).toEqual([1000, 1400, 1200, 500, 500, 3100, 1300]);
    expect(zwolle?.total).toBe(9000);
    const bijlage1 = (keyProjects.projects as Row[]).filter((project) => project.municipalityCode === 'GM0193').map((project) => project.id);
    expect(zwolle?.projects.map((project) => project.projectId)).toEqual(bijlage1);
    expect((keyProjects.inconsistencies as Row[]).filter((entry) => String(entry.subject).endsWith('GM0193'))).toEqual([]);
  });

  it('record the Figuur 1 figure for Deventer Centrumschil as the alternative', () => {
    const centrumschil = (keyProjects.inconsistencies as Row[]).find((entry) => entry.subject === 'keyProject:deventer-centrumschil');
    const figureEntry = (keyProjects.figure1.municipalities as { projects: Row[] }[])
      .flatMap((municipality) => municipality.projects)
      .find((project) => project.projectId === 'deventer-centrumschil');
    expect(centrumschil).toMatchObject({ printed: 2550, alternative: figureEntry?.homes2024To2030 });
  });
});
