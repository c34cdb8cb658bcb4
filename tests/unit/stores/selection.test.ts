import { beforeEach, describe, expect, it } from 'vitest';
import { $selection, clearSelection, selectKeyProject, selectMunicipality } from '../../../src/stores/selection';

describe('selection actions', () => {
  beforeEach(() => clearSelection());

  it('selects a municipality by its CBS code', () => {
    selectMunicipality('GM0193');
    expect($selection.get()).toEqual({ kind: 'municipality', code: 'GM0193' });
  });

  it('replaces a municipality selection by a key project selection', () => {
    selectMunicipality('GM0193');
    selectKeyProject('zwolle-spoorzone');
    expect($selection.get()).toEqual({ kind: 'keyProject', id: 'zwolle-spoorzone' });
  });

  it('clears the selection', () => {
    selectKeyProject('zwolle-spoorzone');
    clearSelection();
    expect($selection.get()).toBeNull();
  });
});
