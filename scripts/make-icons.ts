// Renders the app icons (web app manifest) from public/favicon.svg in Chromium: 192 and 512 px, and a
// 512 px maskable icon (the house inside the safe zone on a full-bleed background). Run after changing
// the favicon: `npm run icons`; the PNGs in public/icons/ are committed.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/chromium';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'public/favicon.svg'), 'utf8');
const background = /<rect[^>]*fill="([^"]+)"/.exec(svg)?.[1] ?? '#ffffff';
const svgDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/** A page showing the icon at `size` px; maskable: on a square background, scaled into the central 60 %. */
function iconPage(size: number, maskable: boolean): string {
  const inner = maskable ? Math.round(size * 0.6) : size;
  return `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? background : 'transparent'}">
<img src="${svgDataUrl}" width="${inner}" height="${inner}" alt=""></body></html>`;
}

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await launchChromium();
mkdirSync(resolve(root, 'public/icons'), { recursive: true });
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  await page.setContent(iconPage(icon.size, icon.maskable));
  await page.waitForFunction(() => document.images[0]?.complete);
  await page.screenshot({ path: resolve(root, 'public/icons', icon.file), omitBackground: !icon.maskable });
  await page.close();
}
await browser.close();
console.log(`Wrote ${icons.map(({ file }) => file).join(', ')} to public/icons/`);
