// Benchmark of the facility import on a synthetic ~50 MB GeoJSON of points in Overijssel:
// parseImport against plain JSON.parse (the naive floor), plus the cost of handing the result to
// the main thread as objects versus packed typed arrays. Run: npx tsx tests/bench/import.bench.ts

import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { OVERIJSSEL_BOUNDS } from '../../src/domain/geography';
import { packImportResult, unpackImportResult } from '../../src/data/import/importProtocol';
import { parseImport } from '../../src/data/import/parseImport';
import { median } from './timing';

const TARGET_BYTES = 50 * 1024 * 1024;
const RUNS = 3;
const CATEGORY_WORDS = ['verpleeghuis', 'woonzorgcentrum', 'huisarts', 'apotheek', 'supermarkt', 'bushalte', 'buurthuis'];

/** Small seeded generator so every run measures the same file. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticFacilityGeoJson(targetBytes = TARGET_BYTES): { text: string; featureCount: number } {
  const random = mulberry32(20261123);
  const [west, south, east, north] = OVERIJSSEL_BOUNDS;
  const parts: string[] = [];
  let bytes = 0;
  let index = 0;
  while (bytes < targetBytes) {
    const lon = (west + random() * (east - west)).toFixed(6);
    const lat = (south + random() * (north - south)).toFixed(6);
    const category = CATEGORY_WORDS[index % CATEGORY_WORDS.length] as string;
    const part = `{"type":"Feature","properties":{"naam":"Voorziening ${index}","categorie":"${category}","adres":"Straat ${index % 300}, Plaats"},"geometry":{"type":"Point","coordinates":[${lon},${lat}]}}`;
    parts.push(part);
    bytes += part.length + 1;
    index += 1;
  }
  return { text: `{"type":"FeatureCollection","features":[${parts.join(',')}]}`, featureCount: index };
}


async function time(run: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export interface ImportBenchmarkResult {
  megabytes: number;
  featureCount: number;
  jsonParseMilliseconds: number;
  parseImportMilliseconds: number;
  structuredCloneObjectsMilliseconds: number;
  packAndCloneMilliseconds: number;
  /** Main-thread cost of turning the packed result back into Facility objects. */
  unpackMilliseconds: number;
}

export async function runImportBenchmarks(): Promise<ImportBenchmarkResult> {
  const { text, featureCount } = syntheticFacilityGeoJson();
  const megabytes = text.length / (1024 * 1024);
  const options = { fileName: 'bench.geojson', datasetId: 'bench' };

  const jsonParseTimes: number[] = [];
  const parseImportTimes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    jsonParseTimes.push(await time(() => JSON.parse(text)));
    parseImportTimes.push(await time(() => parseImport(text, options)));
  }

  const result = await parseImport(text, options);
  if (result.status !== 'ok') throw new Error(`benchmark import failed: ${JSON.stringify(result)}`);
  const cloneObjects = median(await Promise.all([0, 1, 2].map(() => time(() => structuredClone(result.facilities)))));
  const packAndClone = median(
    await Promise.all(
      [0, 1, 2].map(() =>
        time(() => {
          const { packed, transfer } = packImportResult(result);
          structuredClone(packed, { transfer });
        }),
      ),
    ),
  );

  const { packed } = packImportResult(result);
  const unpack = median(await Promise.all([0, 1, 2].map(() => time(() => unpackImportResult(packed)))));

  const figures: ImportBenchmarkResult = {
    megabytes: Math.round(megabytes * 10) / 10,
    featureCount,
    jsonParseMilliseconds: Math.round(median(jsonParseTimes)),
    parseImportMilliseconds: Math.round(median(parseImportTimes)),
    structuredCloneObjectsMilliseconds: Math.round(cloneObjects),
    packAndCloneMilliseconds: Math.round(packAndClone),
    unpackMilliseconds: Math.round(unpack),
  };
  console.log(`Import benchmark: ${figures.megabytes} MB GeoJSON, ${featureCount.toLocaleString('en')} point features (median of ${RUNS})`);
  console.log(`| step | ms | vs JSON.parse |`);
  console.log(`|---|---|---|`);
  console.log(`| JSON.parse only (naive floor) | ${figures.jsonParseMilliseconds} | 1.0× |`);
  console.log(`| parseImport (parse + validate + build facilities) | ${figures.parseImportMilliseconds} | ${(figures.parseImportMilliseconds / figures.jsonParseMilliseconds).toFixed(1)}× |`);
  console.log(`| structuredClone of Facility[] (postMessage as objects) | ${figures.structuredCloneObjectsMilliseconds} | |`);
  console.log(`| pack to typed arrays + structuredClone with transfer | ${figures.packAndCloneMilliseconds} | |`);
  console.log(`| unpack to Facility[] on the main thread | ${figures.unpackMilliseconds} | |`);
  console.log(`accepted ${result.facilities.length.toLocaleString('en')}, rejected ${result.rejected.length}`);
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runImportBenchmarks();
}
