// Finds internal references that must never reach a reader: names of the text extractions the tables
// were transcribed from, their line numbers, and paths on the machine the project was built on.
// Figures are cited by public document (title, chapter, table, page) or dataset instead.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Each pattern with what it catches; all are case-insensitive. */
export const INTERNAL_REFERENCE_PATTERNS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\b\d{3}_[0-9a-f]{16}\b/i, what: 'name of a text-extraction file' },
  { pattern: /\.txt\b/i, what: 'text file name' },
  { pattern: /\br\.\s?\d+/i, what: 'line reference ("r. 360")' },
  { pattern: /\bregels?\s\d+/i, what: 'line reference ("regel 360")' },
  { pattern: /\blines?\s\d+/i, what: 'line reference ("lines 360–389")' },
  { pattern: /\bseeds?\s\d{3}\b/i, what: 'reference to an internal seed file ("seed 002")' },
  { pattern: /\/work\//i, what: 'machine path' },
  { pattern: /\bshared\//i, what: 'machine path (shared/)' },
  { pattern: /\bseeds\//i, what: 'machine path (seeds/)' },
];

export interface InternalReference {
  file: string;
  line: number;
  what: string;
  excerpt: string;
}

/** Every internal reference in `text`, with its 1-based line and a short excerpt. */
export function findInternalReferences(text: string, file: string): InternalReference[] {
  const found: InternalReference[] = [];
  text.split('\n').forEach((fullLine, index) => {
    // Web addresses are public (a third-party licence such as .../LICENSE.txt is not ours to rename).
    const line = fullLine.replace(/https?:\/\/\S+/g, (url) => ' '.repeat(url.length));
    for (const { pattern, what } of INTERNAL_REFERENCE_PATTERNS) {
      const match = pattern.exec(line);
      if (!match) continue;
      const start = Math.max(0, match.index - 40);
      found.push({ file, line: index + 1, what, excerpt: fullLine.slice(start, match.index + match[0].length + 40) });
    }
  });
  return found;
}

const TEXT_EXTENSIONS = ['.md', '.json', '.geojson', '.csv', '.js', '.mjs', '.html', '.css', '.svg', '.txt', '.webmanifest'];

/** Text files under `directory` (recursively), as paths relative to `root`. */
export function listTextFiles(directory: string, root: string = process.cwd()): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return listTextFiles(path, root);
    return TEXT_EXTENSIONS.some((extension) => name.endsWith(extension)) ? [relative(root, path)] : [];
  });
}

/** Scans the files (paths relative to the working directory) and returns every internal reference. */
export function scanFiles(files: readonly string[]): InternalReference[] {
  return files.flatMap((file) => findInternalReferences(readFileSync(file, 'utf8'), file));
}
