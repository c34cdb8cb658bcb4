// Shared types of the facility import: the column mapping the user confirms, the options and the
// result (accepted facilities plus a report of every rejected record).

import type { MultiPolygon, Polygon } from 'geojson';
import type { DataIssue } from '../../domain/dataIssue';
import type { AddressRow, GeocodeResult } from '../geocode/pdokGeocoder';
import type { Facility, FacilityCategory } from '../../domain/facility';
import type { CoordinateDetection, CoordinateSystem } from './coordinates';
import type { FileKind } from './detectFileKind';

/** Columns that together give an address PDOK can find (house number plus postcode, or street and town). */
export interface GeocodeColumns {
  street?: string;
  houseNumber?: string;
  postcode?: string;
  town?: string;
}

/**
 * Which CSV columns mean what. x/y: the x-or-longitude and y-or-latitude columns. A file needs
 * x and y, or geocodeColumns (rows without coordinates are then looked up at PDOK), or both.
 */
export interface ColumnMapping {
  nameColumn: string;
  /** Column with a category word per row; ignored when `fixedCategory` is set. */
  categoryColumn?: string;
  /** One category for every row (e.g. a list of pharmacies without a type column). */
  fixedCategory?: FacilityCategory;
  xColumn?: string;
  yColumn?: string;
  /** Joined with ", " into the address attribute. */
  addressColumns?: string[];
  geocodeColumns?: GeocodeColumns;
}

/** Which GeoJSON properties mean what; suggested from the property names when absent. */
export interface PropertyMapping {
  nameProperty?: string;
  categoryProperty?: string;
}

export interface ImportOptions {
  /** Shown in issues (`DataIssue.file`). */
  fileName: string;
  /** Given to every facility. */
  datasetId: string;
  /** CSV only; suggested from the header when absent. */
  columnMapping?: ColumnMapping;
  /** GeoJSON only. */
  propertyMapping?: PropertyMapping;
  /** Category for every record, overriding per-record categories. */
  fixedCategory?: FacilityCategory;
  /** A CSV without a name column is read (names empty), e.g. a list of candidate sites; a name column that is named must exist. */
  nameOptional?: boolean;
  /** As confirmed by the user; when absent the detected system is used (GeoJSON: WGS84 unless the values are RD). */
  coordinateSystem?: CoordinateSystem;
  /**
   * Overijssel's outline ($appData.province, loaded once from geo/boundaries): points outside it
   * are rejected. Without it only the bounding box is checked, and the result says so.
   */
  provinceOutline?: Polygon | MultiPolygon;
  /**
   * The user agreed to send addresses of rows without coordinates to PDOK Locatieserver. Only
   * the worker reads this (it then passes PDOK's geocoder to parseImport).
   */
  allowGeocoding?: boolean;
}

export type ImportPhase = 'reading' | 'parsing' | 'geocoding' | 'validating';

/** Looks up one address; the worker passes PDOK's geocodeAddress, tests a fake. */
export type Geocoder = (row: AddressRow) => Promise<GeocodeResult>;

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

/** Details of the CSV reading the UI needs for the column mapping step. */
export interface CsvDetails {
  delimiter: string;
  headers: string[];
  suggestedMapping: Partial<ColumnMapping>;
  /** The mapping actually used (absent when the mapping was incomplete). */
  mappingUsed?: ColumnMapping;
}

export interface ImportSucceeded {
  status: 'ok';
  fileKind: 'csv' | 'geojson';
  facilities: Facility[];
  /** One issue per rejected record; `record` is the spreadsheet row (header = row 1) or the 1-based feature number. */
  rejected: DataIssue[];
  /** File-level remarks that did not stop the import (e.g. unsafe keys removed). */
  warnings: DataIssue[];
  totalRecords: number;
  coordinateDetection: CoordinateDetection;
  coordinateSystemUsed: CoordinateSystem;
  csv?: CsvDetails;
}

export interface ImportFailed {
  status: 'failed';
  /** Why the whole file could not be imported. */
  issue: DataIssue;
  fileKind?: FileKind;
  csv?: CsvDetails;
  coordinateDetection?: CoordinateDetection;
}

export interface ImportCancelled {
  status: 'cancelled';
}

export type ImportResult = ImportSucceeded | ImportFailed | ImportCancelled;

export type ProgressCallback = (progress: ImportProgress) => void;
export type CancelCheck = () => boolean;

/**
 * One record as read from a file, before coordinates and category are checked. `first`/`second`
 * are the raw x-or-longitude and y-or-latitude values (NaN when not a number).
 */
export interface RawRecord {
  record: number;
  name: string;
  first: number;
  second: number;
  /** Raw text of the coordinate cells, for messages. */
  firstText?: string;
  secondText?: string;
  categoryValue?: string;
  /** GeoJSON properties that may carry OSM tags, used when there is no category value. */
  osmTags?: Record<string, string>;
  address?: string;
  extra?: Record<string, string>;
  /** Address parts for PDOK, when the mapping has geocode columns. */
  addressRow?: AddressRow;
}

/** A record that failed before coordinate handling (bad geometry, unreadable row). */
export interface EarlyRejection {
  record: number;
  code: string;
  params?: Record<string, string | number>;
}
