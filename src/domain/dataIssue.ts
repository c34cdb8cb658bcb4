// Structured problems found while validating or importing data. The UI translates `code` via the
// message catalogue; `file` and `record` say exactly where the problem is.

export interface DataIssue {
  /** Message key in the catalogue, e.g. 'data.coordinateOutOfRange'. */
  code: string;
  /** Dataset file name or import name. */
  file: string;
  /** Row number (1-based, as a spreadsheet shows it) or feature index / id; absent for file-level problems. */
  record?: string | number;
  /** Values to fill into the message (field names, the bad value, limits). */
  params?: Record<string, string | number>;
}

/** Result of a validation: the valid items, plus every rejected record with its reason. */
export interface Validated<T> {
  items: T[];
  issues: DataIssue[];
}

/** Thrown when a whole dataset cannot be used (missing, not JSON, wrong shape). */
export class DatasetError extends Error {
  readonly issue: DataIssue;
  constructor(issue: DataIssue) {
    super(`${issue.code} in ${issue.file}${issue.record !== undefined ? ` (record ${issue.record})` : ''}`);
    this.name = 'DatasetError';
    this.issue = issue;
  }
}
