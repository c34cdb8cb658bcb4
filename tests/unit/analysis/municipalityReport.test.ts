import { describe, expect, it } from 'vitest';
import { geometryBounds, municipalityZoneSummary, verdictCounts } from '../../../src/analysis/municipalityReport';
import type { ReachabilityRow, Verdict } from '../../../src/analysis/reachability';
import type { AreaCoverage, KernCoverage, ZoneCoverage } from '../../../src/analysis/zoneCoverage';

function row(siteId: string, nultreden: Verdict, geclusterd: Verdict, zorggeschikt: Verdict): ReachabilityRow {
  const verdict = (value: Verdict) => ({ verdict: value }) as ReachabilityRow['reachability']['housingTypes']['nultreden'];
  return {
    siteId,
    siteName: siteId,
    reachability: { housingTypes: { nultreden: verdict(nultreden), geclusterd: verdict(geclusterd), zorggeschikt: verdict(zorggeschikt) } } as ReachabilityRow['reachability'],
  };
}

describe('municipality report', () => {
  it('frames a multipolygon with a margin', () => {
    const bounds = geometryBounds({ type: 'MultiPolygon', coordinates: [[[[6, 52], [6.2, 52], [6.2, 52.1], [6, 52]]], [[[6.4, 52.3], [6.5, 52.3], [6.5, 52.4], [6.4, 52.3]]]] }, 0.1);
    expect(bounds![0]).toBeCloseTo(5.95);
    expect(bounds![1]).toBeCloseTo(51.96);
    expect(bounds![2]).toBeCloseTo(6.55);
    expect(bounds![3]).toBeCloseTo(52.44);
  });

  it('counts verdicts per housing type for the municipality’s projects only, keeping "no data" apart', () => {
    const rows = [row('a', 'met', 'notMet', 'noData'), row('b', 'met', 'met', 'noData'), row('elsewhere', 'notMet', 'notMet', 'notMet')];
    const counts = verdictCounts(rows, new Set(['a', 'b']));
    expect(counts.nultreden).toEqual({ met: 2, notMet: 0, noData: 0 });
    expect(counts.geclusterd).toEqual({ met: 1, notMet: 1, noData: 0 });
    expect(counts.zorggeschikt).toEqual({ met: 0, notMet: 0, noData: 2 });
  });

  it('takes one municipality’s zone figures from the coverage: its row, its kernen without a zone (most 75+ first) and its gap status', () => {
    const area = (code: string) => ({ area: { kind: 'municipality', code, region: 'westOverijssel' } }) as unknown as AreaCoverage;
    const kern = (id: string, municipalityCode: string, status: KernCoverage['status'], people75: number) =>
      ({ id, name: id, municipalityCode, status, people: { all: 0, '65plus': 0, '75plus': people75, '85plus': 0 } }) as unknown as KernCoverage;
    const coverage = {
      municipalities: [area('0193'), area('0166')],
      kernen: [kern('Small', '0193', 'outside', 40), kern('Big', '0193', 'outside', 400), kern('Inside', '0193', 'inside', 900), kern('Elsewhere', '0166', 'outside', 999), kern('Unknown', '0193', 'noData', 50)],
      gap: { targetThreshold: 100, municipalities: [{ code: '0193', status: 'gap' }], kernen: [] },
    } as unknown as ZoneCoverage;
    const summary = municipalityZoneSummary(coverage, '0193')!;
    expect(summary.coverage).toBe(coverage.municipalities[0]);
    expect(summary.kernenWithout.map((entry) => entry.name)).toEqual(['Big', 'Small']);
    expect(summary.gap?.status).toBe('gap');
    expect(municipalityZoneSummary(coverage, '0166')!.gap).toBeNull();
    expect(municipalityZoneSummary(coverage, '9999')).toBeNull();
  });
});
