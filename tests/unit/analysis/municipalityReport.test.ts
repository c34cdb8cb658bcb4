import { describe, expect, it } from 'vitest';
import { geometryBounds, verdictCounts } from '../../../src/analysis/municipalityReport';
import type { ReachabilityRow, Verdict } from '../../../src/analysis/reachability';

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
});
