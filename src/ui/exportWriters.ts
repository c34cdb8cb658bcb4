// Writes an exported map page as PNG (a canvas) or PDF (jsPDF, with real text): one drawing routine
// over a small painter interface, so both formats carry the same title, legend, scale bar, north arrow
// and sources. The layout and its measures come from src/analysis/exportLayout.ts.

import type { jsPDF as JsPdf } from 'jspdf';
import {
  baseFontSize,
  LINE_HEIGHT,
  metresPerPixel,
  pageLayout,
  scaleBar,
  SOURCES_FONT_SCALE,
  toPdfText,
  wrapText,
  type Box,
  type PageLayout,
  type Size,
} from '../analysis/exportLayout';
import type { ExportContent, LegendSwatch } from '../analysis/exportContent';
import type { MapRender } from '../stores/mapSnapshot';

interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  colour?: string;
}

/** The drawing operations a page needs, in the page's unit; text is placed by its top edge. */
export interface Painter {
  text(text: string, x: number, y: number, style: TextStyle): void;
  measure(text: string, style: TextStyle): number;
  rect(box: Box, fill: string | null, stroke?: string | null, lineWidth?: number): void;
  circle(cx: number, cy: number, radius: number, fill: string | null, stroke: string, lineWidth: number, dashed: boolean): void;
  polygon(points: Array<[number, number]>, fill: string | null, stroke: string, lineWidth: number): void;
  line(from: [number, number], to: [number, number], colour: string, width: number): void;
  image(canvas: HTMLCanvasElement, box: Box): void;
}

const INK = '#1a1a1a';
const MUTED = '#444444';

function drawSwatch(painter: Painter, swatch: LegendSwatch, box: Box): void {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const r = Math.min(box.width, box.height) / 2;
  switch (swatch.kind) {
    case 'fill':
      painter.rect(box, swatch.colour, '#555555', r * 0.08);
      return;
    case 'hatch': {
      painter.rect(box, '#d9d9d9', '#555555', r * 0.08);
      for (let offset = -box.height; offset < box.width; offset += box.width / 3) {
        const x1 = box.x + Math.max(0, offset);
        const y1 = box.y + box.height - Math.max(0, -offset);
        const length = Math.min(box.width - Math.max(0, offset), box.height - Math.max(0, -offset));
        painter.line([x1, y1], [x1 + length, y1 - length], '#7f7f7f', r * 0.08);
      }
      return;
    }
    case 'shape':
      if (swatch.shape === 'diamond') painter.polygon([[cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]], swatch.colour, '#ffffff', r * 0.15);
      else if (swatch.shape === 'circle') painter.circle(cx, cy, r * 0.85, swatch.colour, '#ffffff', r * 0.15, false);
      else painter.circle(cx, cy, r * 0.75, null, swatch.colour, r * 0.2, true);
      return;
    case 'letter': {
      painter.rect({ x: cx - r, y: cy - r, width: 2 * r, height: 2 * r }, swatch.colour, '#1b1b1b', r * 0.1);
      const style = { size: r * 1.4, bold: true, colour: swatch.textColour };
      painter.text(swatch.letter, cx - painter.measure(swatch.letter, style) / 2, cy - r * 0.7, style);
      return;
    }
    case 'line':
      painter.line([box.x, cy], [box.x + box.width, cy], swatch.colour, r * 0.3);
      return;
  }
}

function drawNorthArrow(painter: Painter, box: Box, label: string, fontSize: number): void {
  const cx = box.x + box.width / 2;
  const tip = box.y;
  const base = box.y + box.height * 0.62;
  painter.rect({ x: box.x - fontSize * 0.3, y: box.y - fontSize * 0.3, width: box.width + fontSize * 0.6, height: box.height + fontSize * 0.6 }, '#ffffff', INK, fontSize * 0.06);
  painter.polygon([[cx, tip], [box.x + box.width, base], [cx, base - box.height * 0.15]], INK, INK, fontSize * 0.05);
  painter.polygon([[cx, tip], [box.x, base], [cx, base - box.height * 0.15]], '#ffffff', INK, fontSize * 0.05);
  const style = { size: fontSize * 0.9, bold: true, colour: INK };
  painter.text(label, cx - painter.measure(label, style) / 2, base + fontSize * 0.1, style);
}

function drawScaleBar(painter: Painter, layout: PageLayout, metresPerUnit: number): void {
  const bar = scaleBar(metresPerUnit, layout.scaleBar.width);
  if (!bar) return;
  const { x, y } = layout.scaleBar;
  const fontSize = layout.fontSize;
  const height = fontSize * 0.45;
  const labelStyle = { size: fontSize * 0.9, colour: INK };
  const labelWidth = painter.measure(bar.label, labelStyle);
  painter.rect({ x: x - fontSize * 0.4, y: y - fontSize * 0.3, width: bar.length + labelWidth + fontSize * 1.4, height: fontSize * 1.5 }, '#ffffff', null);
  painter.rect({ x, y: y + fontSize * 0.2, width: bar.length / 2, height }, INK, INK, fontSize * 0.05);
  painter.rect({ x: x + bar.length / 2, y: y + fontSize * 0.2, width: bar.length / 2, height }, '#ffffff', INK, fontSize * 0.05);
  painter.text(bar.label, x + bar.length + fontSize * 0.4, y, labelStyle);
}

/** Wraps every source line to the page's width (in the sources' own, smaller size). */
function wrappedSources(painter: Painter, content: ExportContent, page: Size): string[] {
  const fontSize = baseFontSize(page) * SOURCES_FONT_SCALE;
  const width = page.width * 0.95;
  return content.sources.flatMap((line) => wrapText(line, width, (text) => painter.measure(text, { size: fontSize })));
}

export interface PlacedMap {
  render: MapRender;
  /** The CSS width the map was rendered at (its scale bar is worked out from it). */
  cssWidth: number;
}

export interface PagePlan {
  layout: PageLayout;
  /** The source lines wrapped to the page's width. */
  sources: string[];
}

/** Where everything goes on the page (the map box is known before the map is rendered into it). */
export function planPage(painter: Painter, page: Size, content: ExportContent): PagePlan {
  const sources = wrappedSources(painter, content, page);
  return { layout: pageLayout(page, sources.length), sources };
}

/** Draws the whole page: title, subtitle, map with north arrow and scale bar, legend, sources. */
export function drawPage(painter: Painter, plan: PagePlan, content: ExportContent, map: PlacedMap): void {
  const { layout, sources } = plan;
  const page = layout.page;
  const { fontSize } = layout;
  painter.rect({ x: 0, y: 0, width: page.width, height: page.height }, '#ffffff');
  painter.text(content.title, layout.title.x, layout.title.y, { size: fontSize * 1.8, bold: true, colour: INK });
  painter.text(content.subtitle, layout.title.x, layout.title.y + fontSize * 2.3, { size: fontSize, colour: MUTED });

  painter.image(map.render.canvas, layout.map);
  painter.rect(layout.map, null, INK, fontSize * 0.06);
  drawNorthArrow(painter, layout.northArrow, content.northLabel, fontSize);
  const metresPerUnit = (metresPerPixel(map.render.zoom, map.render.latitude) * map.cssWidth) / layout.map.width;
  drawScaleBar(painter, layout, metresPerUnit);

  // Legend column: each section's title, its entries with swatches, its note; cut off at the column's end.
  const { legend } = layout;
  const lineHeight = fontSize * LINE_HEIGHT;
  const swatchSize = fontSize * 1.1;
  let y = legend.y;
  const bottom = legend.y + legend.height;
  const fits = (height: number) => y + height <= bottom;
  for (const section of content.legend) {
    const titleStyle = { size: fontSize, bold: true, colour: INK };
    for (const line of wrapText(section.title, legend.width, (text) => painter.measure(text, titleStyle))) {
      if (!fits(lineHeight)) break;
      painter.text(line, legend.x, y, titleStyle);
      y += lineHeight;
    }
    const entryStyle = { size: fontSize * 0.9, colour: INK };
    const textX = legend.x + swatchSize + fontSize * 0.5;
    for (const entry of section.entries) {
      const lines = wrapText(entry.label, legend.x + legend.width - textX, (text) => painter.measure(text, entryStyle));
      if (!fits(Math.max(swatchSize, lines.length * lineHeight * 0.9))) break;
      if (entry.swatch) drawSwatch(painter, entry.swatch, { x: legend.x, y: y + fontSize * 0.05, width: swatchSize, height: swatchSize * 0.8 });
      for (const [index, line] of lines.entries()) painter.text(line, textX, y + index * lineHeight * 0.9, entryStyle);
      y += Math.max(swatchSize + fontSize * 0.25, lines.length * lineHeight * 0.9);
    }
    if (section.note) {
      const noteStyle = { size: fontSize * 0.75, italic: true, colour: MUTED };
      for (const line of wrapText(section.note, legend.width, (text) => painter.measure(text, noteStyle))) {
        if (!fits(lineHeight * 0.8)) break;
        painter.text(line, legend.x, y, noteStyle);
        y += lineHeight * 0.8;
      }
    }
    y += lineHeight * 0.6;
  }

  const sourceStyle = { size: fontSize * SOURCES_FONT_SCALE, colour: INK };
  painter.text(content.sourcesTitle, layout.sources.x, layout.sources.y, { size: fontSize * 0.9, bold: true, colour: INK });
  sources.forEach((line, index) => painter.text(line, layout.sources.x, layout.sources.y + lineHeight * (1.1 + index * SOURCES_FONT_SCALE), sourceStyle));
}

// --- PNG -----------------------------------------------------------------------------------------

function cssFont(style: TextStyle): string {
  return `${style.italic ? 'italic ' : ''}${style.bold ? 'bold ' : ''}${style.size}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
}

export function canvasPainter(context: CanvasRenderingContext2D): Painter {
  const stroke = (colour: string, width: number) => {
    context.strokeStyle = colour;
    context.lineWidth = width;
  };
  return {
    text(text, x, y, style) {
      context.font = cssFont(style);
      context.fillStyle = style.colour ?? INK;
      context.textBaseline = 'top';
      context.fillText(text, x, y);
    },
    measure(text, style) {
      context.font = cssFont(style);
      return context.measureText(text).width;
    },
    rect(box, fill, strokeColour, lineWidth = 1) {
      if (fill) {
        context.fillStyle = fill;
        context.fillRect(box.x, box.y, box.width, box.height);
      }
      if (strokeColour) {
        stroke(strokeColour, lineWidth);
        context.strokeRect(box.x, box.y, box.width, box.height);
      }
    },
    circle(cx, cy, radius, fill, strokeColour, lineWidth, dashed) {
      context.beginPath();
      context.arc(cx, cy, radius, 0, Math.PI * 2);
      if (fill) {
        context.fillStyle = fill;
        context.fill();
      }
      stroke(strokeColour, lineWidth);
      context.setLineDash(dashed ? [radius * 0.5, radius * 0.35] : []);
      context.stroke();
      context.setLineDash([]);
    },
    polygon(points, fill, strokeColour, lineWidth) {
      context.beginPath();
      points.forEach(([x, y], index) => (index === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
      context.closePath();
      if (fill) {
        context.fillStyle = fill;
        context.fill();
      }
      stroke(strokeColour, lineWidth);
      context.stroke();
    },
    line(from, to, colour, width) {
      context.beginPath();
      context.moveTo(...from);
      context.lineTo(...to);
      stroke(colour, width);
      context.stroke();
    },
    image(canvas, box) {
      context.drawImage(canvas, box.x, box.y, box.width, box.height);
    },
  };
}

export function canvasToBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))), type, quality));
}

// --- PDF -----------------------------------------------------------------------------------------

const POINTS_PER_MM = 72 / 25.4;

/** jsPDF's text sizes are in points; this painter works in millimetres like the page. */
export function pdfPainter(doc: JsPdf): Painter {
  const font = (style: TextStyle) => {
    doc.setFont('helvetica', style.bold && style.italic ? 'bolditalic' : style.bold ? 'bold' : style.italic ? 'italic' : 'normal');
    doc.setFontSize(style.size * POINTS_PER_MM);
  };
  const stroke = (colour: string, width: number) => {
    doc.setDrawColor(colour);
    doc.setLineWidth(width);
  };
  return {
    text(text, x, y, style) {
      font(style);
      doc.setTextColor(style.colour ?? INK);
      doc.text(toPdfText(text), x, y, { baseline: 'top' });
    },
    measure(text, style) {
      font(style);
      return doc.getTextWidth(toPdfText(text));
    },
    rect(box, fill, strokeColour, lineWidth = 0.2) {
      if (fill) doc.setFillColor(fill);
      if (strokeColour) stroke(strokeColour, lineWidth);
      const mode = fill && strokeColour ? 'FD' : fill ? 'F' : 'S';
      doc.rect(box.x, box.y, box.width, box.height, mode);
    },
    circle(cx, cy, radius, fill, strokeColour, lineWidth, dashed) {
      if (fill) doc.setFillColor(fill);
      stroke(strokeColour, lineWidth);
      if (dashed) doc.setLineDashPattern([radius * 0.5, radius * 0.35], 0);
      doc.circle(cx, cy, radius, fill ? 'FD' : 'S');
      if (dashed) doc.setLineDashPattern([], 0);
    },
    polygon(points, fill, strokeColour, lineWidth) {
      if (fill) doc.setFillColor(fill);
      stroke(strokeColour, lineWidth);
      const [first, ...rest] = points;
      if (!first) return;
      const deltas = rest.map(([x, y], index) => {
        const previous = points[index]!;
        return [x - previous[0], y - previous[1]];
      });
      doc.lines(deltas, first[0], first[1], [1, 1], fill ? 'FD' : 'S', true);
    },
    line(from, to, colour, width) {
      stroke(colour, width);
      doc.line(from[0], from[1], to[0], to[1]);
    },
    image(canvas, box) {
      // JPEG keeps a 200 dpi map small and quick to write; the text stays real PDF text.
      doc.addImage(canvas.toDataURL('image/jpeg', 0.92), 'JPEG', box.x, box.y, box.width, box.height, undefined, 'FAST');
    },
  };
}

/** A new landscape PDF document of the given paper size, with its title in the document properties. */
export async function newPdf(paper: 'a4' | 'a3', title: string, language: string): Promise<JsPdf> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: paper, compress: true });
  doc.setProperties({ title: toPdfText(title), creator: 'Woonzorgkaart Overijssel' });
  doc.setLanguage(language === 'en' ? 'en-GB' : 'nl');
  return doc;
}
