import { afterEach, describe, expect, it } from 'vitest';
import { computed } from 'nanostores';
import { $appData, $dataIssues, $loadStatus, setLoadedData } from '../../../src/stores/appData';

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
