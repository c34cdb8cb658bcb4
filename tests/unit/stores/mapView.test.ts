import { afterEach, describe, expect, it } from 'vitest';
import { $viewRequest, PROVINCE_BOUNDS, selectingOnMap, startFittingToSelection } from '../../../src/stores/mapView';
import { $selection, selectArea } from '../../../src/stores/selection';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  $selection.set(null);
  $viewRequest.set(null);
});

describe('fitting the map to a selection', () => {
  it('fits to a region chosen from a list or panel', () => {
    stop = startFittingToSelection();
    selectArea('overijssel');
    expect($viewRequest.get()).toMatchObject({ kind: 'bounds', bounds: PROVINCE_BOUNDS });
  });

  it('leaves the map where it is when the selection was made by clicking the map, and only that once', () => {
    stop = startFittingToSelection();
    selectingOnMap();
    selectArea('overijssel');
    expect($viewRequest.get()).toBeNull();
    $selection.set(null);
    selectArea('overijssel');
    expect($viewRequest.get()).toMatchObject({ kind: 'bounds', bounds: PROVINCE_BOUNDS });
  });
});
