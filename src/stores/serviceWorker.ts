// Registers the service worker built by vite-plugin-pwa (Workbox; see vite.config.ts): after one visit
// the app starts offline from its precache. Checks for a new version in the background (hourly and
// whenever the connection comes back) and hands it to the update offer (./appUpdate.ts).

import { registerSW } from 'virtual:pwa-register';
import { newVersionInControl, offerUpdate } from './appUpdate';

/** How often an open app asks the server for a new version (the browser also checks on every start). */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function startServiceWorker(target: Window = window): void {
  if (!('serviceWorker' in target.navigator)) return;
  const container = target.navigator.serviceWorker;
  // A new version took over when the controller changes from one worker to another (not on the first
  // install, when it goes from none to one). Workbox's own "isUpdate" misses this in the tab of the
  // first visit, so the change is followed here.
  let controller = container.controller;
  container.addEventListener('controllerchange', () => {
    const previous = controller;
    controller = container.controller;
    if (previous) newVersionInControl();
  });
  const activateWaitingVersion = registerSW({
    onNeedRefresh: () => offerUpdate(() => activateWaitingVersion(true)),
    onNeedReload: () => undefined, // followed above; without this the plugin would reload the tab itself
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      const check = () => {
        if (target.navigator.onLine) registration.update().catch(() => undefined); // offline or server gone: try again later
      };
      target.setInterval(check, UPDATE_CHECK_INTERVAL_MS);
      target.addEventListener('online', check);
    },
  });
}
