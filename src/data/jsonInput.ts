// Safe reading of untrusted JSON: parse with a file-level error, reject prototype keys, read typed fields.

import { type DataIssue, DatasetError, errorReason } from '../domain/dataIssue';

export type JsonRecord = Record<string, unknown>;

/** Keys that could change an object's prototype if the input were ever merged into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses JSON text; a syntax error makes the whole file unusable. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DatasetError({ code: 'data.notJson', file, params: { file, reason: errorReason(error) } });
  }
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** First forbidden key found anywhere inside `value` (depth-first), or null. JSON.parse keeps `__proto__` as an own key. */
export function findForbiddenKey(value: unknown): string | null {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    // Only containers are queued (coordinate arrays hold many numbers), and without spreading, so a
    // very long array cannot overflow the call stack.
    if (Array.isArray(current)) {
      for (const item of current) if (typeof item === 'object' && item !== null) pending.push(item);
    } else if (isRecord(current)) {
      for (const key of Object.keys(current)) {
        if (FORBIDDEN_KEYS.has(key)) return key;
        const item = current[key];
        if (typeof item === 'object' && item !== null) pending.push(item);
      }
    }
  }
  return null;
}

export function forbiddenKeyIssue(key: string, file: string, record?: string | number): DataIssue {
  return { code: 'data.forbiddenKey', file, ...(record !== undefined ? { record } : {}), params: { key } };
}

/** Throws a file-level DatasetError when the top level contains a forbidden key outside the records. */
export function requireTopLevelObject(json: unknown, file: string, expected: string): JsonRecord {
  if (!isRecord(json)) throw wrongShape(file, expected);
  for (const key of Object.keys(json)) {
    if (FORBIDDEN_KEYS.has(key)) throw new DatasetError(forbiddenKeyIssue(key, file));
  }
  return json;
}

export function wrongShape(file: string, reason: string): DatasetError {
  return new DatasetError({ code: 'data.wrongShape', file, params: { file, reason } });
}

/** Reads fields from one record, collecting the first problem as a DataIssue instead of throwing. */
export class RecordReader {
  private problem: DataIssue | null = null;

  /**
   * @param acceptNumericStrings true for CSV, where every cell is text. JSON must carry real numbers: a
   * string such as "1.000" is ambiguous (Dutch thousands separator or a decimal) and is rejected.
   */
  constructor(
    private readonly record: JsonRecord,
    private readonly file: string,
    private readonly recordId: string | number,
    private readonly acceptNumericStrings = false,
  ) {}

  get issue(): DataIssue | null {
    return this.problem;
  }

  private fail(code: string, params: Record<string, string | number>): void {
    if (this.problem === null) this.problem = { code, file: this.file, record: this.recordId, params };
  }

  /** A non-empty string, or '' after recording 'data.missingField'. */
  string(field: string): string {
    const value = this.record[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    this.fail('data.missingField', { field });
    return '';
  }

  optionalString(field: string): string | null {
    const value = this.record[field];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  }

  /** A nested object, or null when the field is absent; anything else records 'data.invalidValue'. */
  optionalRecord(field: string): JsonRecord | null {
    const value = this.record[field];
    if (value === undefined || value === null) return null;
    if (isRecord(value)) return value;
    this.fail('data.invalidValue', { field, value: String(value) });
    return null;
  }

  /** A finite number (numeric strings accepted, as CSV gives them). */
  number(field: string): number {
    const value = this.record[field];
    if (value === undefined || value === null || value === '') {
      this.fail('data.missingField', { field });
      return Number.NaN;
    }
    const parsed = toNumber(value, this.acceptNumericStrings);
    if (parsed === null) this.fail('data.invalidNumber', { field, value: String(value) });
    return parsed ?? Number.NaN;
  }

  /** A finite number, or null when the field is null (the source printed '-'). A missing field is still an error. */
  nullableNumber(field: string): number | null {
    if (!(field in this.record)) {
      this.fail('data.missingField', { field });
      return null;
    }
    const value = this.record[field];
    if (value === null || value === '') return null;
    const parsed = toNumber(value, this.acceptNumericStrings);
    if (parsed === null) this.fail('data.invalidNumber', { field, value: String(value) });
    return parsed;
  }

  /** A non-negative whole number (counts of homes, inhabitants). */
  count(field: string): number {
    const value = this.number(field);
    if (Number.isFinite(value) && (!Number.isInteger(value) || value < 0)) this.fail('data.invalidNumber', { field, value: String(value) });
    return value;
  }

  nullableCount(field: string): number | null {
    const value = this.nullableNumber(field);
    if (value !== null && (!Number.isInteger(value) || value < 0)) this.fail('data.invalidNumber', { field, value: String(value) });
    return value;
  }

  boolean(field: string): boolean {
    const value = this.record[field];
    if (typeof value === 'boolean') return value;
    this.fail('data.missingField', { field });
    return false;
  }

  /** One of the allowed strings. */
  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.record[field];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    if (value === undefined || value === null || value === '') this.fail('data.missingField', { field });
    else this.fail('data.invalidValue', { field, value: String(value) });
    return allowed[0] as T;
  }

  /** Records a problem found by the caller (e.g. an unknown municipality). */
  reject(code: string, params: Record<string, string | number>): void {
    this.fail(code, params);
  }
}

function toNumber(value: unknown, acceptNumericStrings: boolean): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (acceptNumericStrings && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/**
 * Reads every element of an array of records. A non-object, a record with a forbidden key, or the
 * first problem the reader finds rejects that element with an issue naming it; the others are kept.
 */
export function readRecords<T>(
  entries: readonly unknown[],
  file: string,
  issues: DataIssue[],
  recordIdOf: (index: number) => string | number,
  read: (reader: RecordReader, entry: JsonRecord) => T,
): T[] {
  const items: T[] = [];
  entries.forEach((entry, index) => {
    const recordId = recordIdOf(index);
    if (!isRecord(entry)) {
      issues.push({ code: 'data.invalidRecord', file, record: recordId });
      return;
    }
    const forbiddenKey = findForbiddenKey(entry);
    if (forbiddenKey !== null) {
      issues.push(forbiddenKeyIssue(forbiddenKey, file, recordId));
      return;
    }
    const reader = new RecordReader(entry, file, recordId);
    const item = read(reader, entry);
    if (reader.issue) issues.push(reader.issue);
    else items.push(item);
  });
  return items;
}
