// Start-up only: mount the UI, start the map, load and validate the embedded datasets into the stores.

import { render } from 'preact';
import { App } from './ui/App';
import { fetchTextOverHttp } from './data/loadDatasets';
import { loadAppData } from './stores/loadAppData';
import { $formatDate, $formatNumber, $language } from './stores/language';
import { startFacilityStorage, startScenarioStorage, startWalkNetworkStorage } from './stores/storageConnection';
import { startReachabilityWorker } from './stores/reachabilityWorkerClient';
import { $writesInFlight } from './stores/facilityActions';
import { guardUnloadWhilePending } from './ui/unloadGuard';
import { startServiceWorker } from './stores/serviceWorker';
import { startFittingToSelection } from './stores/mapView';
import { startViewLink } from './stores/viewLink';
import { reportMapStartFailure } from './stores/mapStart';
// MapLibre's stylesheet comes before the app's (which sizes the map), in the first stylesheet: the map's
// code is a chunk of its own (below), but its controls and the map's box are styled from the start.
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';

document.documentElement.dataset['appVersion'] = __APP_VERSION__;

// Choosing a municipality or key project fits the map to it; a shared link (the URL hash) sets the view
// before the map exists, so it opens there, and the hash follows every change afterwards.
startFittingToSelection();
startViewLink(window);

// The page is built in tasks of its own, after this script: no input is answered during a task, and one
// start-up task doing everything took 210–290 ms on the test machine (the script, the browser's first
// layout, the first number and date formats loading their locale data, and the page's first render).
// The map's task below is queued later, so the map's element exists when it starts.
const root = document.getElementById('app')!;
setTimeout(() => {
  $formatNumber.get();
  $formatDate.get();
}, 0);
setTimeout(() => render(<App />, root), 0);
$language.subscribe((language) => document.documentElement.setAttribute('lang', language));

// The embedded datasets, including the railway stations (DOVA CHB), which also place station-area key projects.
void loadAppData(fetchTextOverHttp).then(() => {
  document.body.dataset['dataLoadedAt'] = String(Date.now());
});

// The map's code (MapLibre, about half of the app's) is a chunk of its own, fetched and compiled while the
// page renders; the map then starts in a task of its own. One start-up task doing all of it took
// 350–450 ms of main-thread work on the test machine (no input is answered during a task).
// A chunk that cannot be fetched, or a browser without WebGL, is reported over the map.
void import('./map/startMap').then(
  ({ startMap }) =>
    setTimeout(() => {
      try {
        startMap(document.getElementById('map')!);
      } catch (error) {
        reportMapStartFailure('map', error);
      }
    }, 0),
  (error: unknown) => reportMapStartFailure('code', error),
);

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
