// geo/sources.json: the registry every SourceId shown next to a figure resolves to.

import type { DataIssue, Validated } from '../domain/dataIssue';
import type { Source } from '../domain/source';
import { readRecords, requireTopLevelObject, wrongShape } from './jsonInput';

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
    if (!reader.issue && seen.has(source.id)) reader.reject('data.duplicateRecord', { value: source.id });
    if (!reader.issue) seen.add(source.id);
    return source;
  });
  return { items, issues };
}
