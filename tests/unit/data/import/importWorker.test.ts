// Tests for the worker protocol: packing facilities into typed arrays and back, and a full
// client ↔ handler round trip through structured cloning (as postMessage does), with cancel.
import { describe, expect, it } from 'vitest';
import type { Facility } from '../../../../src/domain/facility';
import { packFacilities, packImportResult, unpackFacilities, unpackFacilitiesSteps, UNPACK_CHUNK_SIZE, type ImportWorkerRequest, type ImportWorkerResponse } from '../../../../src/data/import/importProtocol';
import { importInWorker, type ImportWorkerPort } from '../../../../src/data/import/importWorkerClient';
import { runInSlices } from '../../../../src/analysis/slicedWork';
import { createImportRequestHandler } from '../../../../src/data/import/importWorkerHandler';
import { provinceOutline } from '../geoFiles';

function facility(overrides: Partial<Facility> = {}): Facility {
  return { id: '2', name: 'Halte Markt', category: 'ovHalte', location: [6.123456789, 52.987654321], datasetId: 'ds', attributes: { transitMode: 'bus', address: 'Markt, Ommen' }, ...overrides };
}

/** A worker stand-in: messages are structured-cloned both ways, like the real thing. */
function inProcessWorker(): ImportWorkerPort & { requests: ImportWorkerRequest[] } {
  const listeners = new Set<(event: MessageEvent<ImportWorkerResponse>) => void>();
  const handle = createImportRequestHandler((response, transfer) => {
    const copy = structuredClone(response, { transfer });
    queueMicrotask(() => listeners.forEach((listener) => listener({ data: copy } as MessageEvent<ImportWorkerResponse>)));
  });
  const requests: ImportWorkerRequest[] = [];
  return {
    requests,
    postMessage(message) {
      requests.push(message);
      void handle(structuredClone(message));
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
}

describe('packFacilities / unpackFacilities', () => {
  it('round-trips facilities exactly', () => {
    const facilities = [facility(), facility({ id: 'x\u0000y', name: 'Ünïcode "naam"', category: 'apotheek', attributes: { extra: { a: 'b' } } })];
    expect(unpackFacilities(packFacilities(facilities))).toEqual(facilities);
  });

  it('moves every text in transferred buffers: nothing of the facilities is left to copy as a string', () => {
    const facilities = [facility(), facility({ id: 'b\ud800', name: 'Half \udc00 paar' })];
    const { packed, transfer } = packImportResult({ status: 'ok', fileKind: 'csv', facilities, rejected: [], warnings: [], totalRecords: 2, coordinateDetection: { kind: 'columns' } as never, coordinateSystemUsed: 'wgs84' });
    if (packed.status !== 'ok') throw new Error('packed an ok result as failed');
    const strings = Object.values(packed.facilities).filter((value) => typeof value === 'string');
    expect(strings).toEqual([]);
    expect(packed.facilities.datasetIds).toEqual(['ds']);
    for (const chunk of packed.facilities.records) expect(transfer).toContain(chunk.buffer);
    expect(unpackFacilities(structuredClone(packed.facilities, { transfer }))).toEqual(facilities);
  });

  it('unpacks a large list in chunks, across chunk borders, to the same facilities', { timeout: 30_000 }, async () => {
    const facilities = Array.from({ length: UNPACK_CHUNK_SIZE * 2 + 7 }, (_, index) =>
      facility({ id: `f${index}`, name: index % 3 === 0 ? `Naam ${index} é` : `N${index}`, attributes: index % 2 === 0 ? { address: `Straat ${index}` } : {} }),
    );
    const packed = packFacilities(facilities);
    expect(packed.records).toHaveLength(3);
    let pauses = 0;
    const chunked = await runInSlices(unpackFacilitiesSteps(packed), { budgetMilliseconds: 0, pause: async () => void (pauses += 1) });
    expect(chunked).toEqual(facilities);
    expect(pauses).toBe(2);
    expect(unpackFacilities(packed)).toEqual(facilities);
  });

  it('keeps full double precision of coordinates', () => {
    expect(unpackFacilities(packFacilities([facility()]))[0]?.location).toEqual([6.123456789, 52.987654321]);
  });
});

describe('importInWorker', () => {
  const csv = 'naam;categorie;lon;lat\nApotheek;apotheek;6,1;52,5\n';

  it('returns the unpacked facilities of a CSV given as ArrayBuffer', async () => {
    const buffer = new TextEncoder().encode(csv).buffer as ArrayBuffer;
    const result = await importInWorker(inProcessWorker(), buffer, { fileName: 'a.csv', datasetId: 'ds' });
    expect(result.status === 'ok' && result.facilities.map((item) => [item.name, item.location])).toEqual([['Apotheek', [6.1, 52.5]]]);
  });

  it('passes the province outline to the worker: a row in Nordhorn is rejected there', async () => {
    const text = 'naam;categorie;lon;lat\nApotheek;apotheek;6,1;52,5\nNordhorn;apotheek;7,0708;52,4336\n';
    const result = await importInWorker(inProcessWorker(), text, { fileName: 'a.csv', datasetId: 'ds', provinceOutline: provinceOutline() });
    expect(result.status === 'ok' && result.rejected.map((issue) => issue.code)).toEqual(['import.outsideProvinceBorder']);
  });

  it('reports a binary file from its bytes', async () => {
    const result = await importInWorker(inProcessWorker(), new Uint8Array([1, 0, 2]).buffer, { fileName: 'a.xlsx', datasetId: 'ds' });
    expect(result.status === 'failed' && result.issue.code).toBe('import.fileBinary');
  });

  it('warns when a file was read as Windows-1252', async () => {
    const encoder = new TextEncoder();
    const bytes = new Uint8Array([...encoder.encode('naam;categorie;lon;lat\nCaf'), 0xe9, ...encoder.encode(';buurthuis;6,1;52,5\n')]);
    const result = await importInWorker(inProcessWorker(), bytes.buffer, { fileName: 'excel.csv', datasetId: 'ds', provinceOutline: provinceOutline() });
    expect(result.status === 'ok' && [result.facilities[0]?.name, result.warnings.map((warning) => warning.code)]).toEqual(['Café', ['import.decodedAsWindows1252']]);
  });

  it('reads a Blob inside the worker', async () => {
    const result = await importInWorker(inProcessWorker(), new Blob([csv]), { fileName: 'a.csv', datasetId: 'ds' });
    expect(result.status).toBe('ok');
  });

  it('sends progress events', async () => {
    const phases: string[] = [];
    await importInWorker(inProcessWorker(), csv, { fileName: 'a.csv', datasetId: 'ds' }, { onProgress: (progress) => phases.push(progress.phase) });
    expect(phases[0]).toBe('reading');
  });

  it('sends a cancel message when the signal aborts and ends cancelled', async () => {
    const worker = inProcessWorker();
    const controller = new AbortController();
    const features = Array.from({ length: 40_000 }, () => ({ type: 'Feature', properties: { naam: 'A', categorie: 'apotheek' }, geometry: { type: 'Point', coordinates: [6.1, 52.5] } }));
    const pending = importInWorker(worker, JSON.stringify({ type: 'FeatureCollection', features }), { fileName: 'a.geojson', datasetId: 'ds' }, {
      onProgress: (progress) => {
        if (progress.phase === 'parsing') controller.abort();
      },
      signal: controller.signal,
    });
    const result = await pending;
    expect(worker.requests.map((request) => request.type)).toEqual(['start', 'cancel']);
    expect(result.status).toBe('cancelled');
  });
});
