// Which key projects share a position, and which stack the map spreads: the selected one's, else the opened one.

import { beforeEach, describe, expect, it } from 'vitest';
import type { PlacedKeyProject } from '../../../src/domain/keyProject';
import { $appData } from '../../../src/stores/appData';
import { $keyProjectsAtSameLocation, $spreadKeyProjectStack, closeKeyProjectStack, openKeyProjectStack } from '../../../src/stores/keyProjectStacks';
import { $selection, clearSelection, selectKeyProject, selectMunicipality } from '../../../src/stores/selection';
import { $facilitiesByDataset, $facilityDatasets, removeFacilityDataset } from '../../../src/stores/facilities';
import { loadAppData } from '../../../src/stores/loadAppData';
import { TRAIN_STATIONS_DATASET_ID } from '../../../src/data/trainStations';
import { diskFetchText } from '../data/geoFiles';

const project = (id: string, location: [number, number]) => ({ id, name: id, location }) as PlacedKeyProject;

describe('key-project stacks', () => {
  beforeEach(() => {
    $appData.set({ keyProjects: [project('a', [6.1, 52.5]), project('b', [6.1, 52.5]), project('c', [6.2, 52.5]), project('d', [6.3, 52.5]), project('e', [6.3, 52.5])] });
    clearSelection();
  });

  it('lists the others at the same position for each stacked project', () => {
    expect($keyProjectsAtSameLocation.get().get('a')).toEqual(['b']);
    expect($keyProjectsAtSameLocation.get().has('c')).toBe(false);
  });

  it('spreads the stack the planner opened, until the selection changes', () => {
    expect($spreadKeyProjectStack.get()).toBeNull();
    openKeyProjectStack('6.3,52.5');
    expect($spreadKeyProjectStack.get()?.ids).toEqual(['d', 'e']);
    selectMunicipality('GM0193');
    expect($spreadKeyProjectStack.get()).toBeNull();
  });

  it('closes an opened stack on a click elsewhere, but keeps the selected project\'s stack spread', () => {
    openKeyProjectStack('6.3,52.5');
    closeKeyProjectStack();
    expect($spreadKeyProjectStack.get()).toBeNull();
    selectKeyProject('a');
    closeKeyProjectStack();
    expect($spreadKeyProjectStack.get()?.ids).toEqual(['a', 'b']);
  });

  it('spreads the stack of the selected key project, also when chosen from the list', () => {
    openKeyProjectStack('6.3,52.5');
    selectKeyProject('b');
    expect($spreadKeyProjectStack.get()?.ids).toEqual(['a', 'b']);
    selectKeyProject('c');
    expect($spreadKeyProjectStack.get()).toBeNull();
    expect($selection.get()).toEqual({ kind: 'keyProject', id: 'c' });
  });
});

describe('loadAppData', () => {
  it('places the key projects and adds the embedded railway stations as a facility dataset, from one load', async () => {
    for (const existing of $facilityDatasets.get()) removeFacilityDataset(existing.id);
    await loadAppData(diskFetchText());
    expect($facilityDatasets.get().map((dataset) => dataset.id)).toEqual([TRAIN_STATIONS_DATASET_ID]);
    expect($facilitiesByDataset.get().get(TRAIN_STATIONS_DATASET_ID)).toHaveLength(36);
    expect($appData.get().keyProjects?.find((candidate) => candidate.id === 'zwolle-spoorzone')?.locationPrecision).toBe('station');
  });
});
