// The `inconsistencies` list each geo/woondeal file carries: places where the printed source contradicts itself.

import type { DataIssue } from '../domain/dataIssue';
import type { SourceInconsistency } from '../domain/housing';
import { readRecords } from './jsonInput';

export function parseInconsistencies(value: unknown, file: string, issues: DataIssue[]): SourceInconsistency[] {
  if (!Array.isArray(value)) {
    issues.push({ code: 'data.missingField', file, params: { field: 'inconsistencies' } });
    return [];
  }
  return readRecords(value, file, issues, (index) => `inconsistencies[${index}]`, (reader, entry) => {
    const inconsistency: SourceInconsistency = {
      id: reader.string('id'),
      subject: reader.string('subject'),
      code: reader.string('code'),
      printed: reader.number('printed'),
      computed: reader.number('computed'),
      source: reader.string('source'),
    };
    if (entry.alternative !== undefined) inconsistency.alternative = reader.number('alternative');
    return inconsistency;
  });
}
