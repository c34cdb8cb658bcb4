// What the import worker does with each message, apart from the worker globals, so Node tests can
// drive it: read the input, reject unusable files early, run parseImport, send back a packed result.

import { geocodeAddress } from '../geocode/pdokGeocoder';
import { detectFileKindFromBytes, fileKindIssueCode } from './detectFileKind';
import type { ImportInput, ImportWorkerRequest, ImportWorkerResponse } from './importProtocol';
import { packImportResult } from './importProtocol';
import type { ImportOptions, ImportResult } from './importTypes';
import { parseImport } from './parseImport';
import { errorReason } from '../../domain/dataIssue';

export type PostResponse = (response: ImportWorkerResponse, transfer: ArrayBuffer[]) => void;

async function inputText(input: ImportInput, options: ImportOptions): Promise<{ text: string; decodedAsWindows1252: boolean } | { result: ImportResult }> {
  if (typeof input === 'string') return { text: input, decodedAsWindows1252: false };
  const buffer = input instanceof ArrayBuffer ? input : await input.arrayBuffer();
  const { kind, text, encoding } = detectFileKindFromBytes(new Uint8Array(buffer));
  const issueCode = fileKindIssueCode(kind);
  if (issueCode !== null) return { result: { status: 'failed', fileKind: kind, issue: { code: issueCode, file: options.fileName } } };
  return { text, decodedAsWindows1252: encoding === 'windows-1252' };
}

export function createImportRequestHandler(post: PostResponse): (request: ImportWorkerRequest) => Promise<void> {
  const cancelledRequests = new Set<number>();
  return async (request) => {
    if (request.type === 'cancel') {
      cancelledRequests.add(request.requestId);
      return;
    }
    const { requestId, options } = request;
    let result: ImportResult;
    try {
      post({ type: 'progress', requestId, progress: { phase: 'reading', done: 0, total: 0 } }, []);
      const read = await inputText(request.input, options);
      if ('result' in read) result = read.result;
      else if (cancelledRequests.has(requestId)) result = { status: 'cancelled' };
      else {
        result = await parseImport(
          read.text,
          options,
          (progress) => post({ type: 'progress', requestId, progress }, []),
          () => cancelledRequests.has(requestId),
          options.allowGeocoding === true ? { geocode: (row) => geocodeAddress(row) } : {},
        );
        if (result.status === 'ok' && read.decodedAsWindows1252) result.warnings.push({ code: 'import.decodedAsWindows1252', file: options.fileName });
      }
    } catch (error) {
      // parseImport does not throw for bad input; this is a bug or an out-of-memory, still reported.
      result = { status: 'failed', issue: { code: 'import.workerFailed', file: options.fileName, params: { reason: errorReason(error) } } };
    }
    cancelledRequests.delete(requestId);
    const { packed, transfer } = packImportResult(result);
    post({ type: 'result', requestId, result: packed }, transfer);
  };
}
