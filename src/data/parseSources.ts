// geo/sources.json: the registry every SourceId shown next to a figure resolves to.

import type { DataIssue, Validated } from '../domain/dataIssue';
import { TRANSLATED_SOURCE_FIELDS, type Source, type SourceTranslation } from '../domain/source';
import { readRecords, requireTopLevelObject, wrongShape, type RecordReader } from './jsonInput';

export function parseSources(json: unknown, file: string): Validated<Source> {
  const root = requireTopLevelObject(json, file, 'expected an object with "sources"');
  if (!Array.isArray(root.sources)) throw wrongShape(file, 'expected an array "sources"');
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  const items = readRecords(root.sources, file, issues, (index) => index, (reader) => {
    const source: Source = {
      id: reader.string('id'),
      title: reader.string('title'),
      publisher: reader.string('publisher'),
      location: reader.string('location'),
      date: reader.string('date'),
      licence: reader.string('licence'),
    };
    const part = reader.optionalString('part');
    const derivation = reader.optionalString('derivation');
    if (part !== null) source.part = part;
    const url = reader.optionalString('url');
    if (derivation !== null) source.derivation = derivation;
    // Shown as a link: only web addresses, never javascript: or data: URLs.
    if (url !== null && !/^https?:\/\/[^\s]+$/i.test(url)) reader.reject('data.invalidValue', { field: 'url', value: url });
    else if (url !== null) source.url = url;
    const en = readTranslation(reader);
    if (en) source.en = en;
    if (!reader.issue && seen.has(source.id)) reader.reject('data.duplicateRecord', { value: source.id });
    if (!reader.issue) seen.add(source.id);
    return source;
  });
  return { items, issues };
}

/** The optional "en" object: English forms of the fields in words, each a non-empty string; no other keys. */
function readTranslation(reader: RecordReader): SourceTranslation | null {
  const record = reader.optionalRecord('en');
  if (record === null) return null;
  const en: SourceTranslation = {};
  for (const [key, value] of Object.entries(record)) {
    const field = TRANSLATED_SOURCE_FIELDS.find((name) => name === key);
    if (field === undefined || typeof value !== 'string' || value.trim() === '') reader.reject('data.invalidValue', { field: `en.${key}`, value: String(value) });
    else en[field] = value;
  }
  return en;
}
