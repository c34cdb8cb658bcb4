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

/** What a thrown value says went wrong: an Error's message, anything else as text. */
export function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The DataIssue a caught error stands for: the issue it carries (DatasetError, storage and Overpass
 * errors), otherwise `code` in `file` with the error's message as the `reason` parameter.
 */
export function issueFromError(error: unknown, code: string, file: string, params: Record<string, string | number> = {}): DataIssue {
  if (typeof error === 'object' && error !== null && 'issue' in error) return error.issue as DataIssue;
  return { code, file, params: { ...params, reason: errorReason(error) } };
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
