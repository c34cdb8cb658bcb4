// The export page: sizes of the PNG and PDF formats, where the title, map, legend, scale bar, north
// arrow and sources go on the page, a scale bar of a round length, and the file name.
// Pure: every measure is in the page's own unit (pixels for a PNG, millimetres for a PDF).

export const PNG_FORMATS = ['screen', 'double', 'a4Print'] as const;
export type PngFormat = (typeof PNG_FORMATS)[number];

export const PDF_PAPERS = ['a4', 'a3'] as const;
export type PdfPaper = (typeof PDF_PAPERS)[number];

/** Landscape paper sizes in millimetres. */
export const PAPER_MM: Record<PdfPaper, { width: number; height: number }> = {
  a4: { width: 297, height: 210 },
  a3: { width: 420, height: 297 },
};

const MM_PER_INCH = 25.4;
export const PRINT_DPI = 300;
/** The map picture inside a PDF: sharp on paper, small enough to write quickly. */
export const PDF_MAP_DPI = 200;

export interface Size {
  width: number;
  height: number;
}

/** Millimetres at a resolution, in whole pixels. */
export function millimetresToPixels(millimetres: number, dpi: number): number {
  return Math.round((millimetres / MM_PER_INCH) * dpi);
}

/**
 * The PNG's size in pixels: the map's size on screen, twice that, or A4 landscape at 300 dpi
 * (3508 × 2480). `screen` is the map's size in CSS pixels.
 */
export function pngSize(format: PngFormat, screen: Size): Size {
  const width = Math.max(1, Math.round(screen.width));
  const height = Math.max(1, Math.round(screen.height));
  switch (format) {
    case 'screen':
      return { width, height };
    case 'double':
      return { width: width * 2, height: height * 2 };
    case 'a4Print':
      return { width: millimetresToPixels(PAPER_MM.a4.width, PRINT_DPI), height: millimetresToPixels(PAPER_MM.a4.height, PRINT_DPI) };
  }
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageLayout {
  page: Size;
  /** Base text size (body text); titles are multiples of it. */
  fontSize: number;
  margin: number;
  title: Box;
  map: Box;
  legend: Box;
  sources: Box;
  /** North arrow in the map's top-left corner. */
  northArrow: Box;
  /** Scale bar in the map's bottom-left corner (its width is the longest bar allowed). */
  scaleBar: Box;
}

/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.3;
/** The source lines are set smaller than the body text. */
export const SOURCES_FONT_SCALE = 0.8;

/** Body text size on a page: 1/55 of its short side (13 px on a 720-pixel-high picture, 3.8 mm on A4). */
export function baseFontSize(page: Size): number {
  return Math.min(page.width, page.height) / 55;
}

/** Splits text into lines no wider than `maxWidth` (a word longer than that gets a line of its own). */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measure(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Lays out a landscape page: title band on top, the map on the left, the legend in a column on the
 * right, the sources in a band at the bottom. The same proportions for every size, so a screen-size
 * PNG and an A3 PDF read alike. `sourceLines` makes the bottom band tall enough for every line.
 */
export function pageLayout(page: Size, sourceLines: number): PageLayout {
  const short = Math.min(page.width, page.height);
  const fontSize = baseFontSize(page);
  const margin = short * 0.025;
  const lineHeight = fontSize * LINE_HEIGHT;
  const titleHeight = fontSize * 2.1 + lineHeight * 1.2;
  const sourcesHeight = Math.min(page.height * 0.3, lineHeight * SOURCES_FONT_SCALE * sourceLines + lineHeight * 1.2);
  const legendWidth = Math.max(fontSize * 14, page.width * 0.26);
  const title: Box = { x: margin, y: margin, width: page.width - 2 * margin, height: titleHeight };
  const top = title.y + title.height + margin * 0.5;
  const bottom = page.height - margin - sourcesHeight;
  const map: Box = { x: margin, y: top, width: Math.max(1, page.width - 3 * margin - legendWidth), height: Math.max(1, bottom - top - margin * 0.5) };
  const legend: Box = { x: map.x + map.width + margin, y: top, width: legendWidth, height: map.height };
  const sources: Box = { x: margin, y: bottom, width: page.width - 2 * margin, height: sourcesHeight };
  const arrowSize = fontSize * 2.6;
  const northArrow: Box = { x: map.x + fontSize * 0.8, y: map.y + fontSize * 0.8, width: arrowSize * 0.7, height: arrowSize };
  const scaleBar: Box = { x: map.x + fontSize * 0.8, y: map.y + map.height - fontSize * 2.8, width: map.width * 0.3, height: fontSize * 2 };
  return { page, fontSize, margin, title, map, legend, sources, northArrow, scaleBar };
}

/** Metres per CSS pixel of a web-mercator map at a zoom level and latitude (512-pixel tiles, as MapLibre). */
export function metresPerPixel(zoom: number, latitude: number): number {
  const earthCircumference = 40_075_016.686;
  return (earthCircumference * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface ScaleBar {
  metres: number;
  /** Length on the page, in the page's unit. */
  length: number;
  /** '5 km', '500 m'. */
  label: string;
}

/**
 * The longest round length (1, 2 or 5 × 10ⁿ metres) whose bar fits in `maxLength` page units, when
 * one page unit shows `metresPerUnit` metres on the ground.
 */
export function scaleBar(metresPerUnit: number, maxLength: number): ScaleBar | null {
  if (!(metresPerUnit > 0) || !(maxLength > 0) || !Number.isFinite(metresPerUnit)) return null;
  const maxMetres = metresPerUnit * maxLength;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].map((factor) => factor * power).find((metres) => metres <= maxMetres) ?? power;
  return { metres: step, length: step / metresPerUnit, label: step >= 1000 ? `${step / 1000} km` : `${step} m` };
}

/** Lower-case ASCII words joined by hyphens: 'Zwolle – Stadshart' → 'zwolle-stadshart'. */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** 'woonzorgkaart-zwolle-2026-12-01.pdf': app, subject (when given), local date, extension. */
export function exportFileName(subject: string | null, date: Date, extension: 'png' | 'pdf'): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const part = subject === null ? '' : fileNamePart(subject);
  return ['woonzorgkaart', part, day].filter(Boolean).join('-') + '.' + extension;
}

/**
 * Text for the PDF's standard fonts, which encode only Windows-1252: characters outside it become
 * their nearest ASCII spelling (≤ → <=, × → x, → → ->), so nothing turns into a wrong glyph.
 */
export function toPdfText(text: string): string {
  const replacements: Record<string, string> = { '≤': '<=', '≥': '>=', '→': '->', '←': '<-', '−': '-', '≈': '~', '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ' };
  return text.replace(/[≤≥→←−≈\u00a0\u202f\u2009]/g, (character) => replacements[character] ?? character).replace(/[^\t\n\r\u0020-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, '?');
}

export interface MapRenderSize {
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
}

/**
 * How to render the map into a box of `box` pixels: at the screen's scale or finer (pixel ratio ≥ 1,
 * so labels and symbols keep their size relative to the map as on screen), filling the box exactly.
 */
export function mapRenderSize(box: Size, screen: Size): MapRenderSize {
  const pixelRatio = Math.max(1, Math.min(box.width / Math.max(1, screen.width), box.height / Math.max(1, screen.height)));
  return { cssWidth: Math.max(1, Math.round(box.width / pixelRatio)), cssHeight: Math.max(1, Math.round(box.height / pixelRatio)), pixelRatio };
}
