// First look at an uploaded file: refuse empty, binary and HTML files with a clear code before
// any parser sees them, strip a UTF-8 byte order mark, and tell GeoJSON from CSV.

export type FileKind = 'empty' | 'binary' | 'html' | 'geojson' | 'json' | 'csv';

export interface FileKindResult {
  kind: FileKind;
  /** Decoded text without BOM; empty for 'empty' and 'binary'. */
  text: string;
  /** 'windows-1252' when the bytes were not UTF-8 but read as Excel's Windows "ANSI" CSV. */
  encoding?: 'utf-8' | 'windows-1252';
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

/** Control bytes other than tab, LF, VT, FF and CR never occur in a text file. */
function hasControlBytes(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] as number;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) return true;
  }
  return false;
}

/**
 * Decodes bytes as strict UTF-8. NUL or other control bytes mean a binary file (xlsx, zip,
 * image). Bytes that are not valid UTF-8 but contain no control bytes are read as Windows-1252,
 * the encoding Dutch Excel uses for "CSV (gescheiden door lijstscheidingsteken)".
 */
export function detectFileKindFromBytes(bytes: Uint8Array): FileKindResult {
  if (bytes.length === 0) return { kind: 'empty', text: '' };
  if (bytes.indexOf(0) !== -1) return { kind: 'binary', text: '' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ...detectFileKindFromText(text), encoding: 'utf-8' };
  } catch {
    if (hasControlBytes(bytes)) return { kind: 'binary', text: '' };
    const text = new TextDecoder('windows-1252').decode(bytes);
    return { ...detectFileKindFromText(text), encoding: 'windows-1252' };
  }
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
