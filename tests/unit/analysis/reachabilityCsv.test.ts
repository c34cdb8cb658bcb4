import { describe, expect, it } from 'vitest';
import { destination } from '@turf/turf';
import type { NormProfile } from '../../../src/domain/norms';
import { WALKING_SPEED_PRESETS } from '../../../src/domain/norms';
import { FacilityIndex } from '../../../src/analysis/facilityIndex';
import { analyseSites } from '../../../src/analysis/reachability';
import { csvField, reachabilityTableToCsv } from '../../../src/analysis/reachabilityCsv';
import { applyCoverage } from '../../../src/analysis/dataCoverage';
import { CSV_LABELS as LABELS, packedFacilities } from './reachabilityFactories';


const PROFILE: NormProfile = {
  id: 'custom',
  labelKey: 'norms.profile.custom',
  norms: {
    nultreden: [{ category: 'supermarkt', maxDistanceMeters: 500, source: 'norm-rivm-2025-openbare-ruimte', isPolicyChoice: false }],
    geclusterd: [],
    zorggeschikt: [{ category: 'zorg24uur', maxDistanceMeters: 500, source: 'norm-own-policy-choice', isPolicyChoice: true }],
  },
};

const HOME: [number, number] = [6.09, 52.51];

function rowsFor(siteName: string, supermarketMeters: number) {
  const supermarket = destination(HOME, supermarketMeters, 90, { units: 'meters' }).geometry.coordinates as [number, number];
  const index = new FacilityIndex(packedFacilities([{ id: 's', category: 'supermarkt', location: supermarket }]));
  return analyseSites([{ id: 'p1', name: siteName, location: HOME }], index, PROFILE, WALKING_SPEED_PRESETS.ouder);
}

function csvFor(siteName: string, supermarketMeters: number): string {
  return reachabilityTableToCsv(rowsFor(siteName, supermarketMeters), LABELS, ['supermarkt', 'zorg24uur']);
}

describe('reachabilityTableToCsv', () => {
  it('starts with a UTF-8 byte order mark for Excel', () => {
    expect(csvFor('Stadshagen', 480).startsWith('\uFEFF')).toBe(true);
  });

  it('writes the header from the labels, separated by semicolons', () => {
    const header = csvFor('Stadshagen', 480).slice(1).split('\r\n')[0];
    expect(header).toBe(
      'Id;Locatie;Buiten;Supermarkt (m);Supermarkt (min);Supermarkt volledig;Zorg (m);Zorg (min);Zorg volledig;Norm Nultreden;Norm Geclusterd;Norm Zorggeschikt',
    );
  });

  it('writes whole metres, minutes with a decimal comma, and verdict words', () => {
    const row = csvFor('Stadshagen', 480).split('\r\n')[1];
    // 480 m at 0.8 m/s = 10.0 minutes
    expect(row).toBe('p1;Stadshagen;nee;480;10,0;ja;geen gegevens;geen gegevens;nee;voldoet;voldoet;geen gegevens');
  });

  it('says per category whether the distance is to a complete set or only to the nearest known facility', () => {
    const supermarket = destination(HOME, 900, 90, { units: 'meters' }).geometry.coordinates as [number, number];
    const index = new FacilityIndex(packedFacilities([{ id: 's', category: 'supermarkt', location: supermarket }]));
    const [row] = analyseSites([{ id: 'p1', name: 'Bathmen', location: HOME }], index, PROFILE, WALKING_SPEED_PRESETS.ouder);
    const judged = { ...row!, reachability: applyCoverage(row!.reachability, new Set(['supermarkt', 'zorg24uur'])) };
    const line = reachabilityTableToCsv([judged], LABELS, ['supermarkt']).split('\r\n')[1];
    // 900 m > 500 m, but supermarkets are not complete here: "geen gegevens", not "voldoet niet" (geclusterd has no norms)
    expect(line).toBe('p1;Bathmen;nee;900;18,7;nee;geen gegevens;voldoet;geen gegevens');
  });

  it('quotes fields containing a separator or quote', () => {
    const row = csvFor('Kampen; "De Buitenwacht"', 480).split('\r\n')[1];
    expect(row!.startsWith('p1;"Kampen; ""De Buitenwacht""";')).toBe(true);
  });

  it('ends every line with CRLF', () => {
    const csv = csvFor('Stadshagen', 480);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\n').every((line) => line === '' || line.endsWith('\r'))).toBe(true);
  });

  it('writes extra site columns after the name and the lines about the export under the table', () => {
    const csv = reachabilityTableToCsv(rowsFor('Stadshagen', 480), LABELS, ['supermarkt'], {
      siteColumns: [
        { header: 'Gemeente', value: () => 'Zwolle' },
        { header: 'Woningen', value: (row, index) => `${row.siteId}:${index}` },
      ],
      about: [['Over deze export'], ['Normprofiel', 'Eigen normen'], ['Naam', 'Bron']],
    });
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Id;Locatie;Gemeente;Woningen;Buiten;Supermarkt (m);Supermarkt (min);Supermarkt volledig;Norm Nultreden;Norm Geclusterd;Norm Zorggeschikt');
    expect(lines[1]!.startsWith('p1;Stadshagen;Zwolle;p1:0;nee;480;')).toBe(true);
    // one empty line separates the table from what it rests on
    expect(lines.slice(2)).toEqual(['', 'Over deze export', 'Normprofiel;Eigen normen', 'Naam;Bron', '']);
  });

  it('guards cells a spreadsheet would run as a formula (= + - @) with a leading apostrophe', () => {
    const row = csvFor('=HYPERLINK("http://evil.example","klik")', 480).split('\r\n')[1]!;
    expect(row.startsWith('p1;"\'=HYPERLINK(""http://evil.example"",""klik"")";')).toBe(true);
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvField(`${start}1+1`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    expect(csvField('Zwolle')).toBe('Zwolle');
    expect(csvField('480')).toBe('480');
    expect(csvField("Mc'Donalds")).toBe("Mc'Donalds");
  });
});
