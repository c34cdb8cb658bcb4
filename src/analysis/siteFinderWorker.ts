// Web Worker entry of the Locatiezoeker: runs the site-finder handler off the UI thread. HiGHS's
// WebAssembly is part of the build (a `?url` asset of the site's own origin), so it works offline
// and under the site's Content-Security-Policy. All logic lives in siteFinderWorkerHandler.ts.

import loadHighs from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import type { SiteFinderRequest } from './siteFinderProtocol';
import { createSiteFinderHandler } from './siteFinderWorkerHandler';

const handle = createSiteFinderHandler(() => loadHighs({ locateFile: () => highsWasmUrl }));
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<SiteFinderRequest>) => {
  void handle(event.data, (response) => scope.postMessage(response));
};
