// Web Worker entry for facility imports: large files are read and validated here, off the main
// thread. All logic lives in importWorkerHandler.ts; this file only connects it to the worker.

import type { ImportWorkerRequest } from './importProtocol';
import { createImportRequestHandler } from './importWorkerHandler';

const workerScope = self as unknown as DedicatedWorkerGlobalScope;

const handle = createImportRequestHandler((response, transfer) => workerScope.postMessage(response, transfer));

workerScope.onmessage = (event: MessageEvent<ImportWorkerRequest>) => {
  void handle(event.data);
};
