// The Locatiezoeker's candidate source in the store: which source a run gets (or why it cannot run),
// and the planner's list read by the facility import with the province outline the app has loaded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseImport } from '../../../src/data/import/parseImport';
import type { ImportOptions } from '../../../src/data/import/importTypes';
import { $appData } from '../../../src/stores/appData';
import {
  $candidateList,
  $candidateListReading,
  $candidateSourceKind,
  $searchArea,
  chooseCandidateSource,
  chosenCandidateSource,
  loadCandidateList,
  removeCandidateList,
  removeSearchArea,
  setCandidateListRunner,
} from '../../../src/stores/siteFinderCandidates';
import { provinceOutline } from '../data/geoFiles';

const seen: ImportOptions[] = [];

beforeEach(() => {
  $appData.set({ province: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: provinceOutline() }] } });
  seen.length = 0;
  setCandidateListRunner(async (input, options) => {
    seen.push(options);
    return parseImport(await input.text(), options);
  });
});
afterEach(() => {
  removeSearchArea();
  removeCandidateList();
  chooseCandidateSource('builtUp');
  $appData.set({});
});

describe('the chosen candidate source', () => {
  it('is the built-up cells by default, and says what is missing for a search area or a list', () => {
    expect(chosenCandidateSource()).toEqual({ kind: 'builtUp' });
    chooseCandidateSource('searchArea');
    expect(chosenCandidateSource()).toEqual({ code: 'siteFinder.noSearchArea', file: 'siteFinder' });
    const ring: [number, number][] = [
      [6.08, 52.5],
      [6.11, 52.5],
      [6.11, 52.52],
      [6.08, 52.5],
    ];
    $searchArea.set({ type: 'Polygon', coordinates: [ring] });
    expect(chosenCandidateSource()).toEqual({ kind: 'searchArea', outline: [ring] });
    chooseCandidateSource('list');
    expect(chosenCandidateSource()).toEqual({ code: 'siteFinder.noCandidateList', file: 'siteFinder' });
  });
});

describe('reading the planner’s list', () => {
  it('goes through the facility import with the province outline, refuses a row across the border and makes the list the source', async () => {
    const csv = 'naam;lengtegraad;breedtegraad\nPerceel Grote Markt;6,0931;52,5124\nHoogeveen;6,4764;52,7225\n';
    await loadCandidateList(new Blob([csv], { type: 'text/csv' }), 'percelen.csv');
    expect(seen[0]).toMatchObject({ fileName: 'percelen.csv', nameOptional: true, provinceOutline: provinceOutline() });
    const list = $candidateList.get()!;
    expect(list.candidates).toEqual([{ id: 'rij-2', record: 2, label: 'Perceel Grote Markt', location: [6.0931, 52.5124] }]);
    expect(list.rejected).toEqual([expect.objectContaining({ code: 'import.outsideProvinceBorder', record: 3, file: 'percelen.csv' })]);
    expect($candidateSourceKind.get()).toBe('list');
    expect(chosenCandidateSource()).toEqual({ kind: 'list', fileName: 'percelen.csv', count: 1 });
  });

  it('refuses a list of which no row can be used, and says so for a file that cannot be read at all', async () => {
    await loadCandidateList(new Blob(['naam;lengtegraad;breedtegraad\nHoogeveen;6,4764;52,7225\n']), 'buiten.csv');
    expect(chosenCandidateSource()).toEqual({ code: 'siteFinder.candidateListEmpty', file: 'buiten.csv', params: { rejected: 1 } });
    removeCandidateList();
    await loadCandidateList(new Blob(['{"type": "FeatureCollection", "features": []}']), 'leeg.geojson');
    expect($candidateListReading.get()).toEqual({ status: 'failed', issue: { code: 'import.geojsonNoFeatures', file: 'leeg.geojson' } });
    expect($candidateList.get()).toBeNull();
  });
});
