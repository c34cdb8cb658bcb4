// Room to leave around an extent fitted to the map so that nothing the map shows ends up under a
// panel lying over it: the legend, and in presentation mode the caption bar and the norm panel.
// Elements that lie over the map carry `data-map-overlay`; each can be kept clear of by padding the
// side(s) it touches up to its far edge, and of all combinations the one that lets the extent be
// drawn largest wins (or, without an extent, the one that leaves the largest free area).

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

type Side = keyof Padding;

/** Room between a fitted extent and the map's edge or an overlay. */
export const FIT_MARGIN = 20;
/** An overlay this close to an edge touches it. */
const TOUCH_PIXELS = 60;
/** An overlay covering more than this share of the map is a sheet the user closes, not something to fit around. */
const SHEET_SHARE = 0.5;

/** The ways to keep one overlay clear: pad its nearest side, or another side it touches, up to its far edge. */
function clearances(overlay: Box, width: number, height: number): Array<[Side, number]> {
  const distance: Record<Side, number> = { left: overlay.left, right: width - overlay.right, top: overlay.top, bottom: height - overlay.bottom };
  const reach: Record<Side, number> = { left: overlay.right, right: width - overlay.left, top: overlay.bottom, bottom: height - overlay.top };
  const all = Object.keys(distance) as Side[];
  const nearest = all.reduce((best, side) => (distance[side] < distance[best] ? side : best));
  return all.filter((side) => side === nearest || distance[side] <= TOUCH_PIXELS).map((side) => [side, reach[side]]);
}

/**
 * Padding for a map of `width` × `height` CSS pixels with these overlays (boxes in the map's pixels).
 * `aspect` is the extent's width / height on screen (any zoom); without it the largest free area wins.
 */
export function overlayPadding(width: number, height: number, overlays: readonly Box[], aspect?: number): Padding {
  const relevant = overlays.filter((box) => {
    const w = Math.min(box.right, width) - Math.max(box.left, 0);
    const h = Math.min(box.bottom, height) - Math.max(box.top, 0);
    return w > 0 && h > 0 && w * h <= SHEET_SHARE * width * height;
  });
  const options = relevant.map((box) => clearances(box, width, height));
  let best: Padding = { top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN };
  let bestScore = -Infinity;
  const visit = (index: number, padding: Padding) => {
    if (index === options.length) {
      const freeWidth = width - padding.left - padding.right;
      const freeHeight = height - padding.top - padding.bottom;
      if (freeWidth <= 0 || freeHeight <= 0) return;
      const score = aspect && aspect > 0 ? Math.min(freeWidth / aspect, freeHeight) : freeWidth * freeHeight;
      if (score > bestScore) {
        bestScore = score;
        best = padding;
      }
      return;
    }
    for (const [side, reach] of options[index]!) visit(index + 1, { ...padding, [side]: Math.max(padding[side], reach + FIT_MARGIN) });
  };
  visit(0, { top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN });
  return best;
}

/** The boxes of the elements lying over this map (`data-map-overlay`), in the map's pixels. */
export function overlayBoxes(container: HTMLElement): Box[] {
  const origin = container.getBoundingClientRect();
  const root = container.parentElement ?? container;
  return [...root.querySelectorAll<HTMLElement>('[data-map-overlay]')].map((element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left - origin.left, top: rect.top - origin.top, right: rect.right - origin.left, bottom: rect.bottom - origin.top };
  });
}

/** Padding for fitting an extent of this on-screen aspect into the map element, clear of its overlays. */
export function mapFitPadding(container: HTMLElement, aspect?: number): Padding {
  return overlayPadding(container.clientWidth, container.clientHeight, overlayBoxes(container), aspect);
}

/** For browser tests: the room a fitted or centred view left for the panels, "top,right,bottom,left" in px. */
export function describeFitPadding(container: HTMLElement, padding: Padding): void {
  container.dataset['fitPadding'] = [padding.top, padding.right, padding.bottom, padding.left].map(Math.round).join(',');
}

/** Width / height on screen of a [west, south, east, north] extent in Web Mercator (the same at every zoom). */
export function boundsAspect([west, south, east, north]: readonly [number, number, number, number]): number {
  const mercatorY = (latitude: number) => Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360));
  const height = mercatorY(north) - mercatorY(south);
  return height > 0 ? ((east - west) * Math.PI) / 180 / height : 1;
}
