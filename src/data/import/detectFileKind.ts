// First look at an uploaded file: refuse empty, binary and HTML files with a clear code before
// any parser sees them, strip a UTF-8 byte order mark, and tell GeoJSON from CSV.

export type FileKind = 'empty' | 'binary' | 'html' | 'geojson' | 'json' | 'csv';

export interface FileKindResult {
  kind: FileKind;
  /** Decoded text without BOM; empty for 'empty' and 'binary'. */
  text: string;
}

/** Issue code for kinds that cannot be imported; null for kinds that can. */
export function fileKindIssueCode(kind: FileKind): string | null {
  switch (kind) {
    case 'empty':
      return 'import.fileEmpty';
    case 'binary':
      return 'import.fileBinary';
    case 'html':
      return 'import.fileHtml';
    case 'json':
      return 'import.jsonNotGeoJson';
    default:
      return null;
  }
}

const BYTE_ORDER_MARK = '\uFEFF';

export function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/** Decodes bytes as strict UTF-8; NUL bytes or invalid sequences mean a binary file (xlsx, zip, image). */
export function detectFileKindFromBytes(bytes: Uint8Array): FileKindResult {
  if (bytes.length === 0) return { kind: 'empty', text: '' };
  if (bytes.indexOf(0) !== -1) return { kind: 'binary', text: '' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'binary', text: '' };
  }
  return detectFileKindFromText(text);
}

/** How far into the text to look for the opening of a GeoJSON object's "type". */
const GEOJSON_SNIFF_CHARACTERS = 4096;

export function detectFileKindFromText(rawText: string): FileKindResult {
  const text = stripByteOrderMark(rawText);
  const start = text.trimStart();
  if (start === '') return { kind: 'empty', text };
  if (start.includes('\u0000')) return { kind: 'binary', text: '' };
  const head = start.slice(0, 512).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<html/.test(head)) return { kind: 'html', text };
  if (start.startsWith('{') || start.startsWith('[')) {
    const sniff = start.slice(0, GEOJSON_SNIFF_CHARACTERS);
    const looksGeoJson = /"type"\s*:\s*"(FeatureCollection|Feature)"/.test(sniff) || /"features"\s*:/.test(sniff);
    return { kind: looksGeoJson ? 'geojson' : 'json', text };
  }
  return { kind: 'csv', text };
}
