// Fitting an extent clear of the panels lying over the map: the presentation's caption bar on top,
// its norm panel bottom-left and the legend bottom-right (boxes measured at 1280×720 in Chromium).
import { describe, expect, it } from 'vitest';
import { boundsAspect, FIT_MARGIN, overlayPadding } from '../../../src/map/overlayPadding';

const WIDTH = 1280;
const HEIGHT = 720;
const captionBar = { left: 0, top: 0, right: 1280, bottom: 103 };
const normPanel = { left: 10, top: 372, right: 530, bottom: 673 };
const legend = { left: 930, top: 290, right: 1270, bottom: 686 };

describe('overlay padding', () => {
  it('without overlays leaves the margin on every side', () => {
    expect(overlayPadding(WIDTH, HEIGHT, [])).toEqual({ top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN });
  });

  it('keeps a legend on the right clear by padding the right side', () => {
    const padding = overlayPadding(800, 600, [{ left: 600, top: 10, right: 790, bottom: 400 }]);
    expect(padding).toEqual({ top: FIT_MARGIN, right: 200 + FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN });
  });

  it('fits a wide extent (the province) above the presentation panels and left of the legend', () => {
    const aspect = boundsAspect([5.68, 52.06, 7.09, 52.86]);
    expect(aspect).toBeCloseTo(1.075, 2);
    const padding = overlayPadding(WIDTH, HEIGHT, [captionBar, normPanel, legend], aspect);
    expect(padding.top).toBe(103 + FIT_MARGIN);
    // every panel is clear of the fitted area
    const free = { left: padding.left, top: padding.top, right: WIDTH - padding.right, bottom: HEIGHT - padding.bottom };
    for (const box of [captionBar, normPanel, legend]) {
      const overlaps = box.left < free.right && free.left < box.right && box.top < free.bottom && free.top < box.bottom;
      expect(overlaps).toBe(false);
    }
    // and of the ways to do so, the one where the province is drawn largest: between the two panels
    // (336 px high there; above both panels it would be 229 px)
    expect(padding.left).toBe(530 + FIT_MARGIN);
    expect(padding.right).toBe(WIDTH - 930 + FIT_MARGIN);
    expect(padding.bottom).toBe(FIT_MARGIN);
  });

  it('puts a very wide extent above the norm panel, a tall one beside it', () => {
    const wide = overlayPadding(WIDTH, HEIGHT, [captionBar, normPanel], 5);
    expect(wide.bottom).toBe(HEIGHT - 372 + FIT_MARGIN);
    expect(wide.left).toBe(FIT_MARGIN);
    const tall = overlayPadding(WIDTH, HEIGHT, [captionBar, normPanel], 0.5);
    expect(tall.left).toBe(530 + FIT_MARGIN);
    expect(tall.bottom).toBe(FIT_MARGIN);
  });

  it('ignores a sheet covering more than half the map, and hidden panels', () => {
    const sheet = { left: 0, top: 100, right: 1280, bottom: 720 };
    const hidden = { left: 0, top: 0, right: 0, bottom: 0 };
    expect(overlayPadding(WIDTH, HEIGHT, [sheet, hidden])).toEqual({ top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN });
  });
});
