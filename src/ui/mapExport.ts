// Exports the current map view as PNG (screen size, 2×, A4 at 300 dpi) or PDF (A4/A3 landscape), each
// with title, subtitle, legend, scale bar, north arrow and sources; and saves a file in the browser.

import { exportFileName, mapRenderSize, millimetresToPixels, PAPER_MM, pngSize, PDF_MAP_DPI, type PdfPaper, type PngFormat } from '../analysis/exportLayout';
import { exportSubtitle, type ExportContent } from '../analysis/exportContent';
import { $activeScenario } from '../stores/scenarios';
import { $language, $translate } from '../stores/language';
import { legendSections, mapSourceLines, thematicTitle } from '../stores/legendContent';
import { $mapAttributions, $mapCamera, MapNotReadyError, renderMap } from '../stores/mapSnapshot';
import type { BoundingBox } from '../domain/geography';
import { canvasPainter, canvasToBlob, drawPage, newPdf, pdfPainter, planPage } from './exportWriters';
import { downloadFile } from './downloadFile';

/** Today's date as the reader writes it ('1 december 2026' / '1 December 2026'). */
export function exportDateText(date: Date): string {
  return new Intl.DateTimeFormat($language.get() === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** Title, subtitle (theme, open draft scenario, date), legend and sources of the map as shown now. */
export function currentExportContent(title: string, date: Date): ExportContent {
  const t = $translate.get();
  const scenario = $activeScenario.get();
  return {
    title,
    subtitle: exportSubtitle({ theme: thematicTitle(), scenario: scenario ? t('export.scenario', { name: scenario.name }) : t('export.publishedPlan'), date: exportDateText(date) }),
    legend: legendSections(),
    sources: mapSourceLines($mapAttributions.get()),
    sourcesTitle: t('export.sourcesTitle'),
    northLabel: t('export.north'),
  };
}

export interface ExportedFile {
  blob: Blob;
  fileName: string;
  /** Pixel size of a PNG. */
  width?: number;
  height?: number;
}

function currentCamera() {
  const camera = $mapCamera.get();
  if (camera === null) throw new MapNotReadyError();
  return camera;
}

/** The current view as PNG of the asked size. */
export async function exportPng(format: PngFormat, title: string, subject: string | null, date = new Date()): Promise<ExportedFile> {
  const camera = currentCamera();
  const page = pngSize(format, camera);
  const canvas = document.createElement('canvas');
  canvas.width = page.width;
  canvas.height = page.height;
  const painter = canvasPainter(canvas.getContext('2d')!);
  const content = currentExportContent(title, date);
  const plan = planPage(painter, page, content);
  const box = plan.layout.map;
  const size = mapRenderSize({ width: Math.round(box.width), height: Math.round(box.height) }, camera);
  const render = await renderMap({ ...size, bounds: camera.bounds });
  drawPage(painter, plan, content, { render, cssWidth: size.cssWidth });
  return { blob: await canvasToBlob(canvas, 'image/png'), fileName: exportFileName(subject, date, 'png'), width: page.width, height: page.height };
}

/** The current view (or `bounds`) on one landscape page of A4 or A3, with real text. */
export async function exportPdf(paper: PdfPaper, title: string, subject: string | null, date = new Date(), bounds?: BoundingBox): Promise<ExportedFile> {
  const camera = currentCamera();
  const page = PAPER_MM[paper];
  const doc = await newPdf(paper, title, $language.get());
  const painter = pdfPainter(doc);
  const content = currentExportContent(title, date);
  const plan = planPage(painter, page, content);
  const box = plan.layout.map;
  const size = mapRenderSize({ width: millimetresToPixels(box.width, PDF_MAP_DPI), height: millimetresToPixels(box.height, PDF_MAP_DPI) }, camera);
  const render = await renderMap({ ...size, bounds: bounds ?? camera.bounds });
  drawPage(painter, plan, content, { render, cssWidth: size.cssWidth });
  return { blob: doc.output('blob'), fileName: exportFileName(subject, date, 'pdf') };
}

/** Hands a file to the browser's download. */
export function saveFile(file: ExportedFile): void {
  downloadFile(file.blob, file.fileName);
}
