// What an exported map page says besides the map: title, subtitle, legend sections and source lines.
// Pure data, drawn by the PNG and PDF writers alike (src/ui/exportWriters.ts), so both carry the same
// legend and sources. Sources are cited by publisher, title, date and licence, never by file name.

import type { Source } from '../domain/source';

export type LegendSwatch =
  | { kind: 'fill'; colour: string }
  /** The grey no-data hatch. */
  | { kind: 'hatch' }
  /** A key-project symbol: filled circle, filled diamond or dashed ring. */
  | { kind: 'shape'; shape: 'circle' | 'diamond' | 'dashedRing'; colour: string }
  /** A facility symbol: a letter in a coloured square. */
  | { kind: 'letter'; letter: string; colour: string; textColour: string }
  | { kind: 'line'; colour: string; dashed: boolean };

export interface LegendEntry {
  label: string;
  swatch: LegendSwatch | null;
}

export interface LegendSection {
  title: string;
  entries: LegendEntry[];
  note?: string;
}

export interface ExportContent {
  title: string;
  subtitle: string;
  legend: LegendSection[];
  /** One line per source, already in words. */
  sources: string[];
  /** Heading above the source lines ('Bronnen'). */
  sourcesTitle: string;
  /** 'Noord' / 'North' under the north arrow. */
  northLabel: string;
}

/** 'CBS en Kadaster, via PDOK: CBS Gebiedsindelingen 2026: gemeenten (gegeneraliseerd), 2026, CC BY 4.0'. */
export function citeSource(source: Pick<Source, 'publisher' | 'title' | 'part' | 'date' | 'licence'>): string {
  const title = source.part ? `${source.title}, ${source.part}` : source.title;
  return `${source.publisher}: ${title}, ${source.date}, ${source.licence}`;
}

/** Lines for the given source ids (each once, in the order first asked), then the extra lines (each once). */
export function sourceLines(ids: readonly string[], sourcesById: ReadonlyMap<string, Source>, extra: readonly string[] = []): string[] {
  const lines: string[] = [];
  for (const id of new Set(ids)) {
    const source = sourcesById.get(id);
    if (source) lines.push(citeSource(source));
  }
  for (const line of extra) if (!lines.includes(line)) lines.push(line);
  return lines;
}

/** Subtitle: what the map shows, then the draft scenario (when one is open) and the date. */
export function exportSubtitle(parts: { theme: string | null; scenario: string | null; date: string }): string {
  return [parts.theme, parts.scenario, parts.date].filter((part): part is string => part !== null && part !== '').join(' · ');
}
