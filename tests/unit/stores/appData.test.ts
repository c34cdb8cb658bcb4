import { afterEach, describe, expect, it } from 'vitest';
import { computed } from 'nanostores';
import { $appData, $dataIssues, $loadStatus, $sourcesById, setLoadedData } from '../../../src/stores/appData';
import { $language } from '../../../src/stores/language';
import { POLICY_CHOICE_SOURCE } from '../../../src/domain/norms';

describe('loaded data', () => {
  afterEach(() => {
    $appData.set({});
    $dataIssues.set([]);
    $loadStatus.set('loading');
  });

  it('arrives with its problems and the ready status in one change', () => {
    const seen: Array<readonly [string, number, number]> = [];
    const all = computed([$loadStatus, $appData, $dataIssues], (status, data, issues): [string, number, number] => [status, data.keyProjects?.length ?? 0, issues.length]);
    const stop = all.listen((value) => seen.push(value));
    setLoadedData({ keyProjects: [] }, [{ code: 'data.wrongShape', file: 'a.json' }]);
    stop();
    expect(seen).toEqual([['ready', 0, 1]]);
  });
});

describe('sources by id', () => {
  afterEach(() => {
    $appData.set({});
    $language.set('nl');
  });

  it('speak the chosen language, keep a published title as it is, and fall back to the Dutch words', () => {
    const cbs = { id: 'cbs', title: 'CBS Gebiedsindelingen 2026', publisher: 'CBS en Kadaster, via PDOK', location: 'laag gemeenten', date: '2026', licence: 'CC BY 4.0', en: { publisher: 'CBS and Kadaster, via PDOK' } };
    $appData.set({ sources: [cbs] });
    $language.set('nl');
    expect($sourcesById.get().get('cbs')).toMatchObject({ publisher: 'CBS en Kadaster, via PDOK', location: 'laag gemeenten' });
    $language.set('en');
    expect($sourcesById.get().get('cbs')).toMatchObject({ title: 'CBS Gebiedsindelingen 2026', publisher: 'CBS and Kadaster, via PDOK', location: 'laag gemeenten', licence: 'CC BY 4.0' });
    // The norm sources defined in code follow the switch too, including the title we wrote ourselves.
    expect($sourcesById.get().get(POLICY_CHOICE_SOURCE)).toMatchObject({ title: 'Own assumption in this map (no norm found)', licence: 'not applicable' });
  });
});
