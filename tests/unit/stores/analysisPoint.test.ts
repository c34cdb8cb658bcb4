import { beforeEach, describe, expect, it } from 'vitest';
import type { PlacedKeyProject } from '../../../src/domain/keyProject';
import { $analysisPoint, $pickingLocation, analyseKeyProject, clearAnalysisPoint, pickLocation, startPickingLocation } from '../../../src/stores/analysisPoint';
import { $selection } from '../../../src/stores/selection';

describe('choosing the analysis point', () => {
  beforeEach(() => clearAnalysisPoint());

  it('a map click while picking sets the point, stops picking and shows the reachability panel', () => {
    startPickingLocation();
    pickLocation([6.1, 52.5]);
    expect($analysisPoint.get()).toEqual({ location: [6.1, 52.5], origin: { kind: 'map' } });
    expect($pickingLocation.get()).toBe(false);
    expect($selection.get()).toEqual({ kind: 'reachability' });
  });

  it('a key project keeps its approximate-location details as the origin', () => {
    const project = { id: 'p1', name: 'Project', location: [6.2, 52.4], locationPrecision: 'town', placedAt: 'Zwolle (woonkern)' } as PlacedKeyProject;
    analyseKeyProject(project);
    expect($analysisPoint.get()?.origin).toEqual({ kind: 'keyProject', id: 'p1', name: 'Project', precision: 'town', placedAt: 'Zwolle (woonkern)' });
  });

  it('clearing the point closes the reachability panel', () => {
    pickLocation([6.1, 52.5]);
    clearAnalysisPoint();
    expect($analysisPoint.get()).toBeNull();
    expect($selection.get()).toBeNull();
  });
});
