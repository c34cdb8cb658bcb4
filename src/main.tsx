// Start-up only: mount the UI, start the map, load and validate the embedded datasets into the stores.

import { render } from 'preact';
import { App } from './ui/App';
import { createMap } from './map/createMap';
import { loadAppData } from './data/loadAppData';
import { setLoadedData } from './stores/appData';
import { $language } from './stores/language';
import './ui/styles.css';

const root = document.getElementById('app')!;
render(<App />, root);
$language.subscribe((language) => document.documentElement.setAttribute('lang', language));

createMap(document.getElementById('map')!);

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

loadAppData(fetchText).then(({ data, issues }) => {
  setLoadedData(data, issues);
  document.body.dataset['dataLoadedAt'] = String(Date.now());
});
