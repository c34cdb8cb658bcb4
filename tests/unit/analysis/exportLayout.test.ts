import { describe, expect, it } from 'vitest';
import { exportFileName, mapRenderSize, metresPerPixel, pageLayout, pngSize, scaleBar, toPdfText, wrapText } from '../../../src/analysis/exportLayout';

describe('export sizes', () => {
  it('gives the screen size, twice it, and A4 landscape at 300 dpi', () => {
    expect(pngSize('screen', { width: 600.4, height: 664 })).toEqual({ width: 600, height: 664 });
    expect(pngSize('double', { width: 600, height: 664 })).toEqual({ width: 1200, height: 1328 });
    expect(pngSize('a4Print', { width: 600, height: 664 })).toEqual({ width: 3508, height: 2480 });
  });

  it('renders the map at the screen scale or finer, filling the box', () => {
    expect(mapRenderSize({ width: 2400, height: 1600 }, { width: 600, height: 800 })).toEqual({ cssWidth: 1200, cssHeight: 800, pixelRatio: 2 });
    // A box smaller than the screen: never below one pixel per CSS pixel.
    expect(mapRenderSize({ width: 300, height: 200 }, { width: 600, height: 800 })).toEqual({ cssWidth: 300, cssHeight: 200, pixelRatio: 1 });
  });
});

describe('page layout', () => {
  it('keeps title, map, legend and sources apart and inside the page', () => {
    const page = { width: 3508, height: 2480 };
    const layout = pageLayout(page, 6);
    const boxes = [layout.title, layout.map, layout.legend, layout.sources];
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(page.width);
      expect(box.y + box.height).toBeLessThanOrEqual(page.height);
    }
    expect(layout.title.y + layout.title.height).toBeLessThanOrEqual(layout.map.y);
    expect(layout.map.x + layout.map.width).toBeLessThanOrEqual(layout.legend.x);
    expect(layout.map.y + layout.map.height).toBeLessThanOrEqual(layout.sources.y);
    // More source lines take more room from the map.
    expect(pageLayout(page, 12).map.height).toBeLessThan(layout.map.height);
  });
});

describe('scale bar', () => {
  it('picks the longest 1-2-5 length that fits', () => {
    expect(scaleBar(100, 300)).toEqual({ metres: 20_000, length: 200, label: '20 km' });
    expect(scaleBar(2, 300)).toEqual({ metres: 500, length: 250, label: '500 m' });
    expect(scaleBar(0, 300)).toBeNull();
  });

  it('uses 512-pixel tiles like MapLibre: about 78 km per pixel at zoom 0 on the equator', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(1, 60)).toBeCloseTo(78_271.5 / 4, 0);
  });
});

describe('file names and text', () => {
  it('names files by app, subject and local date', () => {
    const date = new Date(2026, 11, 1, 23, 30);
    expect(exportFileName(null, date, 'png')).toBe('woonzorgkaart-2026-12-01.png');
    expect(exportFileName('rapport Hengelo (O.)', date, 'pdf')).toBe('woonzorgkaart-rapport-hengelo-o-2026-12-01.pdf');
    expect(exportFileName('Zwolle – Spoorzone café', date, 'pdf')).toBe('woonzorgkaart-zwolle-spoorzone-cafe-2026-12-01.pdf');
  });

  it('wraps at word boundaries within the width', () => {
    const measure = (text: string) => text.length;
    expect(wrapText('een twee drie vier', 9, measure)).toEqual(['een twee', 'drie vier']);
    expect(wrapText('onuitsprekelijk kort', 5, measure)).toEqual(['onuitsprekelijk', 'kort']);
  });

  it('keeps Windows-1252 text for the PDF fonts and spells the rest out', () => {
    expect(toPdfText('© OpenStreetMap-bijdragers – 2024–2030 € ë')).toBe('© OpenStreetMap-bijdragers – 2024–2030 € ë');
    expect(toPdfText('≤ 500 m → ≈ 6 min')).toBe('<= 500 m -> ~ 6 min');
    expect(toPdfText('東')).toBe('?');
  });
});
