// The whole facility import on text: file kind, CSV or GeoJSON reading, coordinate detection and
// conversion, category mapping, and a report of every rejected record. Pure and async (it yields
// now and then so a worker can receive a cancel message); the import worker wraps it.

import { type DataIssue, errorReason } from '../../domain/dataIssue';
import { createFacility, isNameTooLong, MAX_NAME_LENGTH, type Facility, type FacilityCategory, type TransitMode } from '../../domain/facility';
import { isInsideBounds } from '../../domain/geography';
import { areaIndexFor } from '../../analysis/areaIndex';
import { categoriseOsmTags } from '../osmTagMapping';
import { categoryFromWord } from './categoryWords';
import {
  columnNameHint,
  coordinateSystemsFitting,
  detectCoordinateSystem,
  type CoordinateDetection,
  type CoordinateSystem,
} from './coordinates';
import { toWgs84 } from './coordinateConversion';
import { csvRowsToRecords, missingMappingFields, readCsvTable, suggestColumnMapping } from './csvImport';
import { detectFileKindFromText, fileKindIssueCode } from './detectFileKind';
import { declaredCrs, featuresOf, featureToRecord, parseJsonSafely, suggestPropertyMapping } from './geojsonImport';
import { recordCountIssue } from './importLimits';
import type {
  CancelCheck,
  ColumnMapping,
  CsvDetails,
  EarlyRejection,
  ImportOptions,
  ImportResult,
  Geocoder,
  ProgressCallback,
  RawRecord,
} from './importTypes';

/** Records sampled for coordinate detection (spread over the file). */
const DETECTION_SAMPLE_SIZE = 2000;
/** Yield to the event loop at most this often, so cancel messages get through. */
const YIELD_INTERVAL_MILLISECONDS = 50;
/** Record numbers named in the "names cut" remark; the rest are counted. */
const NAMES_CUT_LISTED = 10;
/** Check the clock every this many records. */
const RECORDS_PER_CLOCK_CHECK = 1000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

class Pacer {
  private lastYield = Date.now();
  constructor(
    private readonly onProgress: ProgressCallback,
    private readonly isCancelled: CancelCheck,
  ) {}

  /** Cheap test callers make per record, so the async step (and its await) runs rarely. */
  static due(done: number): boolean {
    return done % RECORDS_PER_CLOCK_CHECK === 0;
  }

  /** Reports progress and yields when due; returns true when the import should stop. */
  async step(phase: 'parsing' | 'validating', done: number, total: number): Promise<boolean> {
    if (Date.now() - this.lastYield < YIELD_INTERVAL_MILLISECONDS) return false;
    this.onProgress({ phase, done, total });
    await yieldToEventLoop();
    this.lastYield = Date.now();
    return this.isCancelled();
  }
}

function samplePairs(records: readonly RawRecord[]): Array<[number, number]> {
  const step = Math.max(1, Math.floor(records.length / DETECTION_SAMPLE_SIZE));
  const pairs: Array<[number, number]> = [];
  for (let index = 0; index < records.length; index += step) {
    const record = records[index] as RawRecord;
    pairs.push([record.first, record.second]);
  }
  return pairs;
}

function issue(file: string, rejection: EarlyRejection): DataIssue {
  return rejection.params === undefined ? { code: rejection.code, file, record: rejection.record } : { code: rejection.code, file, record: rejection.record, params: rejection.params };
}

/** Checks one raw record and builds its facility, or returns the reason it is rejected. */
function recordToFacility(
  raw: RawRecord,
  system: CoordinateSystem,
  options: ImportOptions,
  fieldNames: { first: string; second: string; category: string },
  fixedCategory: FacilityCategory | undefined,
): Facility | EarlyRejection {
  const { record } = raw;
  if (!Number.isFinite(raw.first)) return { record, code: 'import.coordinateNotNumber', params: { field: fieldNames.first, value: raw.firstText ?? String(raw.first) } };
  if (!Number.isFinite(raw.second)) return { record, code: 'import.coordinateNotNumber', params: { field: fieldNames.second, value: raw.secondText ?? String(raw.second) } };
  const location = toWgs84(raw.first, raw.second, system);
  if (!Number.isFinite(location[0]) || !Number.isFinite(location[1])) return { record, code: 'import.coordinateNotFinite' };
  if (!isInsideBounds(location)) {
    const fitting = coordinateSystemsFitting(raw.first, raw.second);
    const swappedReading = system === 'wgs84' ? 'wgs84-swapped' : system === 'wgs84-swapped' ? 'wgs84' : system === 'rd' ? 'rd-swapped' : 'rd';
    if (fitting.includes(swappedReading)) return { record, code: 'import.coordinatesSwapped', params: { first: raw.first, second: raw.second } };
    return { record, code: 'data.coordinateOutOfRange', params: { lon: round(location[0]), lat: round(location[1]) } };
  }
  if (options.provinceOutline !== undefined) {
    const province = areaIndexFor(options.provinceOutline);
    if (!province.contains(location)) {
      // Inside the bounding box but across the border (Nordhorn, Hoogeveen, Apeldoorn …): say how far.
      const kilometers = Math.round(province.distanceToEdgeMeters(location) / 100) / 10;
      return { record, code: 'import.outsideProvinceBorder', params: { lon: round(location[0]), lat: round(location[1]), kilometers } };
    }
  }

  let category = fixedCategory;
  let transitMode: TransitMode | undefined;
  if (category === undefined && raw.categoryValue !== undefined) {
    if (raw.categoryValue === '') return { record, code: 'data.missingField', params: { field: fieldNames.category } };
    const match = categoryFromWord(raw.categoryValue);
    if (match === null) return { record, code: 'import.unknownCategory', params: { value: raw.categoryValue } };
    category = match.category;
    transitMode = match.transitMode;
  } else if (category === undefined && raw.osmTags !== undefined) {
    const match = categoriseOsmTags(raw.osmTags);
    if (match === null) return { record, code: 'import.unknownCategory', params: { value: 'OSM' } };
    category = match.category;
    transitMode = match.transitMode;
  }
  if (category === undefined) return { record, code: 'data.missingField', params: { field: fieldNames.category } };

  const attributes: Facility['attributes'] = {};
  if (raw.address !== undefined) attributes.address = raw.address;
  if (transitMode !== undefined) attributes.transitMode = transitMode;
  if (raw.extra !== undefined) attributes.extra = raw.extra;
  return createFacility({ id: String(record), name: raw.name, category, location, datasetId: options.datasetId, attributes });
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

interface ReadRecords {
  fileKind: 'csv' | 'geojson';
  records: RawRecord[];
  rejections: EarlyRejection[];
  warnings: DataIssue[];
  totalRecords: number;
  detection: CoordinateDetection;
  defaultSystem: CoordinateSystem | null;
  fieldNames: { first: string; second: string; category: string };
  /** A fixed category chosen in the column mapping. */
  fixedCategory?: FacilityCategory;
  csv?: CsvDetails;
}

function readCsv(text: string, options: ImportOptions): ReadRecords | ImportResult {
  const file = options.fileName;
  const table = readCsvTable(text);
  const tooMany = recordCountIssue(file, table.rows.length);
  if (tooMany !== null) return { status: 'failed', fileKind: 'csv', issue: tooMany };
  const suggestedMapping = suggestColumnMapping(table.headers);
  const csv: CsvDetails = { delimiter: table.delimiter, headers: table.headers, suggestedMapping };
  const mapping = options.columnMapping ?? suggestedMapping;
  const missing = missingMappingFields(mapping, table.headers, options.fixedCategory !== undefined, options.nameOptional === true);
  if (table.headers.length < 2) return { status: 'failed', fileKind: 'csv', csv, issue: { code: 'import.csvNoColumns', file } };
  // Only a header (blank lines aside): one clear answer, before asking for columns or coordinates.
  if (!table.rows.some((row) => row.some((cell) => cell.trim() !== ''))) return { status: 'failed', fileKind: 'csv', csv, issue: { code: 'import.csvNoDataRows', file } };
  if (missing.length > 0) return { status: 'failed', fileKind: 'csv', csv, issue: { code: 'import.columnMappingIncomplete', file, params: { fields: missing.join(', ') } } };
  const complete = { ...mapping, ...(options.fixedCategory === undefined ? {} : { fixedCategory: options.fixedCategory }) } as ColumnMapping;
  csv.mappingUsed = complete;
  const { records, rejections } = csvRowsToRecords(table, complete);
  const detection = detectCoordinateSystem(samplePairs(records), columnNameHint(complete.xColumn ?? '', complete.yColumn ?? ''));
  return {
    fileKind: 'csv',
    records,
    rejections,
    warnings: [],
    totalRecords: records.length + rejections.length,
    detection,
    defaultSystem: detection.system,
    fieldNames: { first: complete.xColumn ?? 'x', second: complete.yColumn ?? 'y', category: complete.categoryColumn ?? 'category' },
    ...(complete.fixedCategory === undefined ? {} : { fixedCategory: complete.fixedCategory }),
    csv,
  };
}

async function readGeoJson(text: string, options: ImportOptions, pacer: Pacer): Promise<ReadRecords | ImportResult> {
  const file = options.fileName;
  let parsed;
  try {
    parsed = parseJsonSafely(text);
  } catch (error) {
    return { status: 'failed', fileKind: 'geojson', issue: { code: 'data.notJson', file, params: { reason: errorReason(error) } } };
  }
  const features = featuresOf(parsed.value);
  if (features === null) return { status: 'failed', fileKind: 'geojson', issue: { code: 'import.jsonNotGeoJson', file } };
  const tooMany = recordCountIssue(file, features.length);
  if (tooMany !== null) return { status: 'failed', fileKind: 'geojson', issue: tooMany };
  const warnings: DataIssue[] = parsed.unsafeKeysRemoved > 0 ? [{ code: 'import.unsafeKeysRemoved', file, params: { count: parsed.unsafeKeysRemoved } }] : [];
  const mapping = options.propertyMapping ?? suggestPropertyMapping(features);
  const records: RawRecord[] = [];
  const rejections: EarlyRejection[] = [];
  for (let index = 0; index < features.length; index += 1) {
    const result = featureToRecord(features[index], index + 1, mapping);
    if ('code' in result) rejections.push(result);
    else records.push(result);
    if (Pacer.due(index + 1) && (await pacer.step('parsing', index + 1, features.length))) return { status: 'cancelled' };
  }
  // RFC 7946 GeoJSON is lon/lat; older files may name another system in a `crs` member (RD New).
  const crs = declaredCrs(parsed.value);
  const detection =
    crs === 'rd' || crs === 'wgs84' ? detectCoordinateSystem(samplePairs(records), crs, 'geojsonCrs') : detectCoordinateSystem(samplePairs(records), 'wgs84', 'geojsonStandard');
  const defaultSystem: CoordinateSystem = detection.system === 'rd' ? 'rd' : 'wgs84';
  return {
    fileKind: 'geojson',
    records,
    rejections,
    warnings,
    totalRecords: features.length,
    detection,
    defaultSystem,
    fieldNames: { first: 'longitude', second: 'latitude', category: mapping.categoryProperty ?? 'category' },
  };
}

/** A record whose coordinate cells are empty but whose address can be looked up. */
function needsGeocoding(raw: RawRecord): boolean {
  return raw.addressRow !== undefined && (raw.firstText ?? '') === '' && (raw.secondText ?? '') === '';
}

export interface ImportServices {
  /** Looks up rows that have an address but no coordinates; absent = do not go online. */
  geocode?: Geocoder;
}

/**
 * Imports facilities from the text of a CSV or GeoJSON file. Never throws for bad input: a file
 * that cannot be used gives status 'failed' with one issue; bad records are listed in `rejected`.
 * Rows without coordinates but with geocode columns are looked up one by one with
 * `services.geocode` (PDOK in the worker), only when the caller passes it.
 */
export async function parseImport(
  rawText: string,
  options: ImportOptions,
  onProgress: ProgressCallback = () => {},
  isCancelled: CancelCheck = () => false,
  services: ImportServices = {},
): Promise<ImportResult> {
  const file = options.fileName;
  const { kind, text } = detectFileKindFromText(rawText);
  const kindIssue = fileKindIssueCode(kind);
  if (kindIssue !== null) return { status: 'failed', fileKind: kind, issue: { code: kindIssue, file } };
  const pacer = new Pacer(onProgress, isCancelled);
  onProgress({ phase: 'parsing', done: 0, total: 0 });

  const read = kind === 'geojson' ? await readGeoJson(text, options, pacer) : readCsv(text, options);
  if ('status' in read) return read;
  if (isCancelled()) return { status: 'cancelled' };
  if (read.fileKind === 'geojson' && read.totalRecords === 0) {
    // One clear answer for an empty collection, not a coordinate question.
    return { status: 'failed', fileKind: 'geojson', issue: { code: 'import.geojsonNoFeatures', file } };
  }

  const geocodableCount = read.records.filter(needsGeocoding).length;
  let system = options.coordinateSystem ?? read.defaultSystem;
  if (system === null && read.detection.evidence.numericRecords === 0 && geocodableCount > 0) {
    // No coordinates at all, only addresses: positions will come from the geocoder in WGS84.
    system = 'wgs84';
  }
  if (system === null) {
    return {
      status: 'failed',
      fileKind: read.fileKind,
      issue: { code: 'import.coordinateSystemUnknown', file },
      coordinateDetection: read.detection,
      ...(read.csv === undefined ? {} : { csv: read.csv }),
    };
  }

  const facilities: Facility[] = [];
  const rejected = read.rejections.map((rejection) => issue(file, rejection));
  const fixedCategory = options.fixedCategory ?? read.fixedCategory;
  let geocodedCount = 0;
  const namesCut: number[] = [];
  for (let index = 0; index < read.records.length; index += 1) {
    let raw = read.records[index] as RawRecord;
    let recordSystem = system;
    if (needsGeocoding(raw)) {
      if (services.geocode === undefined) {
        rejected.push({ code: 'import.needsGeocoding', file, record: raw.record });
        continue;
      }
      onProgress({ phase: 'geocoding', done: geocodedCount, total: geocodableCount });
      const found = await services.geocode(raw.addressRow ?? {});
      geocodedCount += 1;
      if (isCancelled()) return { status: 'cancelled' };
      if (found.status === 'notFound') {
        rejected.push({ code: 'geocode.notFound', file, record: raw.record });
        continue;
      }
      if (found.status === 'error') {
        rejected.push({ ...found.issue, file, record: raw.record });
        continue;
      }
      raw = { ...raw, first: found.location[0], second: found.location[1], extra: { ...raw.extra, geocodedAddress: found.matchedAddress, geocodeExact: String(found.exact) } };
      recordSystem = 'wgs84';
    }
    const result = recordToFacility(raw, recordSystem, options, read.fieldNames, fixedCategory);
    if ('code' in result) rejected.push(issue(file, result));
    else {
      facilities.push(result);
      if (isNameTooLong(raw.name)) namesCut.push(raw.record);
    }
    if (Pacer.due(index + 1) && (await pacer.step('validating', index + 1, read.records.length))) return { status: 'cancelled' };
  }
  rejected.sort((a, b) => Number(a.record) - Number(b.record));
  const warnings = [...read.warnings];
  if (options.provinceOutline === undefined) warnings.push({ code: 'import.provinceOutlineMissing', file });
  if (namesCut.length > 0) {
    const listed = namesCut.slice(0, NAMES_CUT_LISTED).join(', ') + (namesCut.length > NAMES_CUT_LISTED ? ', …' : '');
    warnings.push({ code: read.fileKind === 'csv' ? 'import.namesCutRows' : 'import.namesCutFeatures', file, params: { count: namesCut.length, max: MAX_NAME_LENGTH, records: listed } });
  }
  onProgress({ phase: 'validating', done: read.records.length, total: read.records.length });
  return {
    status: 'ok',
    fileKind: read.fileKind,
    facilities,
    rejected,
    warnings,
    totalRecords: read.totalRecords,
    coordinateDetection: read.detection,
    coordinateSystemUsed: system,
    ...(read.csv === undefined ? {} : { csv: read.csv }),
  };
}
