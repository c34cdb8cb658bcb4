// A new version of the app, fetched in the background by the service worker, waits for the planner:
// the app offers "Nieuwe versie beschikbaar – herladen" and reloads only when asked, after pending
// saves are stored. Another open tab that sees the new version take over is offered the reload too,
// never reloaded on its own. A database upgrade in the new version then goes through the usual
// blocked/version-change handling (src/stores/storageConnection.ts).

import { atom, type ReadableAtom } from 'nanostores';
import { $writesInFlight } from './facilityActions';
import { flushScenarioSaves } from './scenarioStorage';

/** none: nothing to offer; available: a new version is ready; applying: the planner accepted, the page reloads soon. */
export type AppUpdateState = 'none' | 'available' | 'applying';

const $state = atom<AppUpdateState>('none');
export const $appUpdate: ReadableAtom<AppUpdateState> = $state;

/** What accepting does: activate the waiting version (it then takes over and the page reloads), or just reload. */
let apply: (() => void | Promise<void>) | null = null;
let reloadPage: () => void = () => window.location.reload();

/** A new version is installed and waiting; `activate` lets it take over (the service worker's skip-waiting). */
export function offerUpdate(activate: () => void | Promise<void>, reload: () => void = reloadPage): void {
  reloadPage = reload;
  if ($state.get() === 'applying') return;
  apply = activate;
  $state.set('available');
}

/**
 * The new version now controls this page. The tab where the planner accepted reloads into it; any
 * other tab only offers the reload (its planner may be in the middle of something).
 */
export function newVersionInControl(reload: () => void = reloadPage): void {
  reloadPage = reload;
  if ($state.get() === 'applying') {
    reload();
    return;
  }
  apply = reload;
  $state.set('available');
}

function whenNoWritesInFlight(): Promise<void> {
  return new Promise((resolve) => {
    const stop = $writesInFlight.subscribe((count) => {
      if (count > 0) return;
      queueMicrotask(() => stop());
      resolve();
    });
  });
}

/** The planner accepted: store what is pending, then let the new version take over. */
export async function acceptUpdate(): Promise<void> {
  if ($state.get() !== 'available' || !apply) return;
  const activate = apply;
  $state.set('applying');
  await flushScenarioSaves().catch(() => undefined); // a failed save stays visible as before; the update does not hide it
  await whenNoWritesInFlight();
  await activate();
}
