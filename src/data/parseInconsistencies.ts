// The `inconsistencies` list each geo/woondeal file carries: places where the printed source contradicts itself.

import type { DataIssue } from '../domain/dataIssue';
import type { SourceInconsistency } from '../domain/housing';
import { findForbiddenKey, forbiddenKeyIssue, isRecord, RecordReader } from './jsonInput';

export function parseInconsistencies(value: unknown, file: string, issues: DataIssue[]): SourceInconsistency[] {
  if (!Array.isArray(value)) {
    issues.push({ code: 'data.missingField', file, params: { field: 'inconsistencies' } });
    return [];
  }
  const result: SourceInconsistency[] = [];
  value.forEach((entry: unknown, index) => {
    const recordId = `inconsistencies[${index}]`;
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
    const inconsistency: SourceInconsistency = {
      id: reader.string('id'),
      subject: reader.string('subject'),
      code: reader.string('code'),
      printed: reader.number('printed'),
      computed: reader.number('computed'),
      source: reader.string('source'),
    };
    if (entry.alternative !== undefined) inconsistency.alternative = reader.number('alternative');
    if (reader.issue) issues.push(reader.issue);
    else result.push(inconsistency);
  });
  return result;
}
