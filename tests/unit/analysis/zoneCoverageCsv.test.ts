import { describe, expect, it } from 'vitest';
import type { ZoneMembership } from '../../../src/analysis/dasymetric';
import { zoneCoverage } from '../../../src/analysis/zoneCoverage';
import { areaCoverageCsv, kernenCoverageCsv, type ZoneCoverageCsvLabels } from '../../../src/analysis/zoneCoverageCsv';
import { emptySiteHomes } from '../../../src/domain/scenario';
import { dasymetricFixture, pointAt } from '../../support/dasymetricFixture';
import { testSite } from '../../support/syntheticScenario';

const { grid, population } = dasymetricFixture();
const membership = ([lon]: [number, number]): ZoneMembership => {
  const x = (lon - grid.originLon) / grid.cellWidthDegrees;
  return x < 1 ? 'inside' : x > 3 ? 'noData' : 'outside';
};
const coverage = zoneCoverage({
  population,
  membership,
  municipalities: [
    { code: 'GM0193', region: 'west-overijssel' },
    { code: 'GM0153', region: 'twente' },
  ],
  score: {
    state: { sites: [testSite('in', { location: pointAt(grid, 0.5, 0.5), homes: { ...emptySiteHomes(), geclusterd: 10, zorggeschikt: 5 } })] },
    measuredAgainst: 'band',
    targets: [{ municipalityCode: 'GM0193', basis: { nultreden: 0, geclusterd: 40, zorggeschikt: 30 }, trend: { nultreden: 0, geclusterd: 60, zorggeschikt: 20 }, source: 'src' }],
    regionTargets: [],
  },
  keyProjects: [],
});

const labels: ZoneCoverageCsvLabels = {
  kern: 'Kern', municipality: 'Gemeente', area: 'Gebied', status: 'Status',
  peopleColumn: '{band} geschat', insideColumn: '{band} in', outsideColumn: '{band} uit', noDataColumn: '{band} onbekend',
  share75PlusInside: 'Aandeel 75+', plannedInsideColumn: '{housingType} in', plannedAllColumn: '{housingType} gepland',
  bandLowColumn: '{housingType} laag', bandHighColumn: '{housingType} hoog', gapStatus: 'Kloof',
  minimumNote: 'minimum: {postcodes}', notes: 'Opmerking', unknown: 'onbekend',
  bands: { all: 'Inwoners', '65plus': '65+', '75plus': '75+', '85plus': '85+' },
  housingTypes: { geclusterd: 'Geclusterd', zorggeschikt: 'Zorggeschikt' },
  statuses: { inside: 'met', outside: 'zonder', noData: 'geen gegevens' },
  gapStatuses: { gap: 'kloof', noGap: 'geen kloof', noData: 'geen gegevens', noTarget: 'geen opgave' },
};
const names: Record<string, string> = { GM0193: 'Zwolle', GM0153: 'Enschede' };

describe('zone coverage CSV', () => {
  it('writes the kernen with status and people for Dutch Excel, then the definition and data used', () => {
    const csv = kernenCoverageCsv(coverage.kernen, (code) => names[code]!, labels, [['Definitie', '24-uurszorg binnen 500 m']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Kern;Gemeente;Status;Inwoners geschat;65+ geschat;75+ geschat;85+ geschat;Opmerking');
    expect(lines[1]).toBe('K1;Zwolle;met;100;50;25;5;');
    expect(lines[2]).toBe('K2;Zwolle;zonder;80;10;15;1;minimum: B');
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe('Definitie;24-uurszorg binnen 500 m');
  });

  it('writes municipalities, regions and the province with older people inside zones, homes against the band and the gap status', () => {
    const areaName = (area: (typeof coverage.municipalities)[number]['area']) => (area.kind === 'municipality' ? names[area.code]! : area.area);
    const lines = areaCoverageCsv(coverage, areaName, labels, []).slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Gebied;65+ in;65+ uit;65+ onbekend;75+ in;75+ uit;75+ onbekend;85+ in;85+ uit;85+ onbekend;Aandeel 75+;' +
        'Geclusterd in;Geclusterd gepland;Geclusterd laag;Geclusterd hoog;Zorggeschikt in;Zorggeschikt gepland;Zorggeschikt laag;Zorggeschikt hoog;Kloof;Opmerking',
    );
    // Zwolle: 75+ 25 inside of 40 → 62,5 %; geclusterd band 40–60, zorggeschikt 20–30
    expect(lines[1]).toBe('Zwolle;50;10;0;25;15;0;5;1;0;62,5 %;10;10;40;60;5;5;20;30;geen kloof;minimum: B');
    expect(lines[2]).toBe('Enschede;0;0;15;0;0;5;0;0;0;0,0 %;0;0;onbekend;onbekend;0;0;onbekend;onbekend;geen opgave;');
    expect(lines.slice(3, 6).map((line) => line.split(';')[0])).toEqual(['overijssel', 'west-overijssel', 'twente']);
  });
});
