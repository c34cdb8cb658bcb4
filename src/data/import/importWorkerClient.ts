// Main-thread side of the import worker: start an import, follow its progress, cancel it with an
// AbortSignal, and get the unpacked result.

import type { ImportInput, ImportWorkerRequest, ImportWorkerResponse } from './importProtocol';
import { unpackImportResultInSlices } from './importProtocol';
import type { ImportOptions, ImportResult, ProgressCallback } from './importTypes';

/** The part of a Worker the client uses, so tests can pass a stand-in. */
export interface ImportWorkerPort {
  postMessage(message: ImportWorkerRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportWorkerResponse>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<ImportWorkerResponse>) => void): void;
}

export function createImportWorker(): Worker {
  return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'facility-import' });
}

let nextRequestId = 1;

export interface ImportInWorkerOptions {
  onProgress?: ProgressCallback;
  /** Aborting sends a cancel message; the promise then resolves with status 'cancelled'. */
  signal?: AbortSignal;
}

/**
 * Runs one import in the worker. An ArrayBuffer input is transferred (the caller's copy becomes
 * empty); a File/Blob is passed by reference and read inside the worker.
 */
export function importInWorker(worker: ImportWorkerPort, input: ImportInput, options: ImportOptions, { onProgress, signal }: ImportInWorkerOptions = {}): Promise<ImportResult> {
  const requestId = nextRequestId++;
  return new Promise<ImportResult>((resolve) => {
    const onAbort = () => worker.postMessage({ type: 'cancel', requestId });
    const listener = (event: MessageEvent<ImportWorkerResponse>) => {
      const response = event.data;
      if (response.requestId !== requestId) return;
      if (response.type === 'progress') {
        onProgress?.(response.progress);
        return;
      }
      worker.removeEventListener('message', listener);
      signal?.removeEventListener('abort', onAbort);
      resolve(unpackImportResultInSlices(response.result));
    };
    worker.addEventListener('message', listener);
    if (signal?.aborted) {
      worker.removeEventListener('message', listener);
      resolve({ status: 'cancelled' });
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage({ type: 'start', requestId, input, options }, input instanceof ArrayBuffer ? [input] : []);
  });
}
