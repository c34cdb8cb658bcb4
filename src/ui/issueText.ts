// A DataIssue in the planner's words: the one place that turns an issue's code and parameters into
// text, so the data problems, the import dialog, the reachability panels and the OpenStreetMap panel
// say the same thing for the same problem.

import type { DataIssue } from '../domain/dataIssue';
import { isMessageKey } from '../i18n/catalogue';
import type { Translate } from '../stores/language';

/**
 * The issue's message with its file and parameters filled in; `extra` adds values the caller
 * derives (e.g. a readable record), which the issue's own parameters override. A code that is not
 * in the catalogue (it came from data) shows as itself.
 */
export function issueText(issue: DataIssue, t: Translate, extra: Record<string, string | number> = {}): string {
  return isMessageKey(issue.code) ? t(issue.code, { file: issue.file, ...extra, ...issue.params }) : issue.code;
}
