// Start-up only: mount the UI, start the map, load and validate the embedded datasets into the stores.

import { render } from 'preact';
import { App } from './ui/App';
import { createMap } from './map/createMap';
import { fetchTextOverHttp } from './data/loadDatasets';
import { loadAppData } from './stores/loadAppData';
import { $language } from './stores/language';
import { restoreFacilityDatasets } from './stores/facilityActions';
import { startFacilityStorage } from './stores/storageConnection';
import { parseTrainStations, TRAIN_STATIONS_DATASET, TRAIN_STATIONS_FILE } from './data/trainStations';
import { reportDatasetProblem } from './stores/appData';
import { startReachabilityWorker } from './stores/reachability';
import './ui/styles.css';

const root = document.getElementById('app')!;
render(<App />, root);
$language.subscribe((language) => document.documentElement.setAttribute('lang', language));

createMap(document.getElementById('map')!);
// Reachability work (nearest facilities, key-project table, province grid) runs in its own worker.
startReachabilityWorker();

void loadAppData(fetchTextOverHttp).then(() => {
  document.body.dataset['dataLoadedAt'] = String(Date.now());
});

// Embedded facilities: the railway stations (DOVA CHB). A broken file is reported like any other dataset.
void fetchTextOverHttp('/' + TRAIN_STATIONS_FILE)
  .then((text) => restoreFacilityDatasets([{ dataset: TRAIN_STATIONS_DATASET, facilities: parseTrainStations(JSON.parse(text)) }]))
  .catch((error: unknown) => reportDatasetProblem('/' + TRAIN_STATIONS_FILE, error));

// Saved imports and OpenStreetMap downloads. Storage problems are shown, never swallowed.
void startFacilityStorage().then(() => {
  document.body.dataset['storageRestoredAt'] = String(Date.now());
});
