// Result shape for datasets that are one structured value rather than a list of records.

import type { DataIssue } from '../domain/dataIssue';

export interface ParsedDataset<T> {
  value: T;
  /** Records that were left out, each naming file, record and reason. */
  issues: DataIssue[];
}
