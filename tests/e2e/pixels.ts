// Reads pixels of a screenshot inside the page (the browser decodes the PNG, so no image library is needed).
import type { Page } from 'playwright-core';

export interface PixelSample {
  width: number;
  height: number;
  /** Fraction of pixels that differ from the given background colour by more than the tolerance. */
  nonBackgroundShare: number;
  /** RGB at the requested relative positions. */
  samples: Array<[number, number, number]>;
}

export async function samplePixels(
  page: Page,
  png: Buffer,
  background: [number, number, number],
  positions: Array<[number, number]>,
): Promise<PixelSample> {
  return page.evaluate(
    async ({ base64, background, positions }) => {
      // An <img> (img-src allows data:) rather than fetch, which the app's CSP limits to its own origin.
      const bitmap = new Image();
      bitmap.src = `data:image/png;base64,${base64}`;
      await bitmap.decode();
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let different = 0;
      for (let index = 0; index < data.length; index += 4) {
        const distance =
          Math.abs(data[index]! - background[0]) + Math.abs(data[index + 1]! - background[1]) + Math.abs(data[index + 2]! - background[2]);
        if (distance > 24) different++;
      }
      const samples = positions.map(([x, y]) => {
        const offset = (Math.floor(y * (bitmap.height - 1)) * bitmap.width + Math.floor(x * (bitmap.width - 1))) * 4;
        return [data[offset]!, data[offset + 1]!, data[offset + 2]!] as [number, number, number];
      });
      return { width: bitmap.width, height: bitmap.height, nonBackgroundShare: different / (data.length / 4), samples };
    },
    { base64: png.toString('base64'), background, positions },
  );
}

/** Share of a screenshot's pixels within a small distance of a colour (e.g. a layer's own colour). */
export async function shareNearColour(page: Page, png: Buffer, colour: [number, number, number]): Promise<number> {
  return page.evaluate(
    async ({ base64, colour }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let near = 0;
      for (let index = 0; index < data.length; index += 4) {
        if (Math.abs(data[index]! - colour[0]) + Math.abs(data[index + 1]! - colour[1]) + Math.abs(data[index + 2]! - colour[2]) < 60) near += 1;
      }
      return near / (data.length / 4);
    },
    { base64: png.toString('base64'), colour },
  );
}
