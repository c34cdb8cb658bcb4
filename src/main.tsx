// Start-up only: mount the UI, start the map, load and validate the embedded datasets into the stores.

import { render } from 'preact';
import { App } from './ui/App';
import { createMap } from './map/createMap';
import { connectMapSnapshot } from './map/mapSnapshot';
import { fetchTextOverHttp } from './data/loadDatasets';
import { loadAppData } from './stores/loadAppData';
import { $language } from './stores/language';
import { startFacilityStorage, startScenarioStorage, startWalkNetworkStorage } from './stores/storageConnection';
import { startReachabilityWorker } from './stores/reachabilityWorkerClient';
import { $writesInFlight } from './stores/facilityActions';
import { guardUnloadWhilePending } from './ui/unloadGuard';
import { startServiceWorker } from './stores/serviceWorker';
import { startFittingToSelection } from './stores/mapView';
import { startViewLink } from './stores/viewLink';
import './ui/styles.css';

document.documentElement.dataset['appVersion'] = __APP_VERSION__;

// Choosing a municipality or key project fits the map to it; a shared link (the URL hash) sets the view
// before the map exists, so it opens there, and the hash follows every change afterwards.
startFittingToSelection();
startViewLink(window);

const root = document.getElementById('app')!;
render(<App />, root);
$language.subscribe((language) => document.documentElement.setAttribute('lang', language));

// The embedded datasets, including the railway stations (DOVA CHB), which also place station-area key projects.
void loadAppData(fetchTextOverHttp).then(() => {
  document.body.dataset['dataLoadedAt'] = String(Date.now());
});

// The map starts in a task of its own (in Chromium the page is laid out in between): one start-up task
// doing both took 350–450 ms of main-thread work on the test machine (no input is answered during a task).
setTimeout(() => {
  const mapHandle = createMap(document.getElementById('map')!);
  // Exports and presentation views reach the map through src/stores/mapSnapshot.ts.
  connectMapSnapshot(mapHandle.map);
}, 0);
// Reachability work (nearest facilities, key-project table, province grid) runs in its own worker.
startReachabilityWorker();

// Saved imports, OpenStreetMap downloads and draft scenarios. Storage problems are shown, never swallowed.
// Closing the tab while a save runs asks first (the save is all or nothing: leaving drops it whole).
guardUnloadWhilePending($writesInFlight);
void startFacilityStorage()
  .then(async (storage) => {
    await startWalkNetworkStorage(storage);
    return startScenarioStorage(storage);
  })
  .then(() => {
    document.body.dataset['storageRestoredAt'] = String(Date.now());
  });

// After one visit the app starts offline (service worker precache); a new version waits for the planner.
startServiceWorker();
