// Start-up only: mount the UI, start the map, load and validate the embedded datasets into the stores.

import { render } from 'preact';
import { App } from './ui/App';
import { createMap } from './map/createMap';
import { fetchTextOverHttp } from './data/loadDatasets';
import { loadAppData } from './stores/loadAppData';
import { $language } from './stores/language';
import './ui/styles.css';

const root = document.getElementById('app')!;
render(<App />, root);
$language.subscribe((language) => document.documentElement.setAttribute('lang', language));

createMap(document.getElementById('map')!);

void loadAppData(fetchTextOverHttp).then(() => {
  document.body.dataset['dataLoadedAt'] = String(Date.now());
});
