import { afterEach, describe, expect, it } from 'vitest';
import { startViewLink, type ViewLinkWindow } from '../../../src/stores/viewLink';
import { $selection, selectKeyProject, selectMunicipality } from '../../../src/stores/selection';
import { $thematic } from '../../../src/stores/mapLayers';
import { $mapView, $viewRequest, reportMapView } from '../../../src/stores/mapView';

function fakeWindow(hash: string) {
  const entries: string[] = [hash];
  let index = 0;
  const listeners = new Map<string, Array<() => void>>();
  const win: ViewLinkWindow & { entries: string[]; back(): void } = {
    entries,
    location: {
      get hash() {
        return entries[index]!;
      },
      pathname: '/',
      search: '',
    },
    history: {
      pushState(_data, _unused, url) {
        entries.splice(index + 1);
        entries.push(url.slice(url.indexOf('#')));
        index++;
      },
      replaceState(_data, _unused, url) {
        entries[index] = url.slice(url.indexOf('#'));
      },
    },
    addEventListener(type, listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    removeEventListener(type, listener) {
      listeners.set(type, (listeners.get(type) ?? []).filter((candidate) => candidate !== listener));
    },
    back() {
      index--;
      for (const listener of listeners.get('popstate') ?? []) listener();
    },
  };
  return win;
}

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  $selection.set(null);
  $mapView.set(null);
});

describe('the view link store', () => {
  it('applies a shared hash at start: theme, selection and the exact view', () => {
    const win = fakeWindow('#map=11/52.5/6.1&theme=olderPeople&older=85plus.count&sel=municipality:GM0193&layers=keyProjects');
    stop = startViewLink(win);
    expect($thematic.get()).toMatchObject({ layer: 'olderPeople', ageGroup: '85plus', olderPeopleMeasure: 'count' });
    expect($selection.get()).toEqual({ kind: 'municipality', code: 'GM0193' });
    expect($viewRequest.get()).toMatchObject({ kind: 'view', view: { center: [6.1, 52.5], zoom: 11 } });
  });

  it('adds a history entry per selection, replaces it on pan or zoom, and walks back', () => {
    const win = fakeWindow('');
    stop = startViewLink(win);
    reportMapView({ center: [6.2, 52.4], zoom: 8 });
    expect(win.entries).toHaveLength(1);
    selectMunicipality('GM0150');
    expect(win.entries).toHaveLength(2);
    reportMapView({ center: [6.16, 52.25], zoom: 10.5 });
    expect(win.entries).toHaveLength(2);
    expect(win.entries[1]).toContain('map=10.5/52.25/6.16');
    selectKeyProject('zwolle-stadshagen');
    expect(win.entries).toHaveLength(3);
    expect(win.entries[2]).toContain('sel=project:zwolle-stadshagen');
    win.back();
    expect($selection.get()).toEqual({ kind: 'municipality', code: 'GM0150' });
    expect(win.entries).toHaveLength(3); // walking back writes nothing new
  });
});
