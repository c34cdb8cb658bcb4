import { preview } from 'vite';
import { launchChromium } from '../e2e/chromium';
const server = await preview({ build: { outDir: '/tmp/dist-exp' }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const address = server.httpServer.address() as { port: number };
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
const page = await context.newPage();
await page.addInitScript(() => { Object.defineProperty(window, '__map', { set(m) { (window as any).__m = m; }, get() { return (window as any).__m; } }); });
await page.goto(`http://127.0.0.1:${address.port}/`);
await page.waitForFunction(() => Number(document.getElementById('map')?.dataset['mapIdle'] ?? 0) >= Number(document.body.dataset['dataLoadedAt'] ?? Infinity), null, { timeout: 120000 });
const labels = () => page.evaluate(() => { const m = (window as any).__m; return { zoom: m.getZoom(), labels: [...new Set(m.querySourceFeatures('municipality-labels').map((f: any) => f.properties.name))].filter((n) => !new Set(m.queryRenderedFeatures({ layers: ['municipality-labels'] }).map((f: any) => f.properties.name)).has(n)) }; });
console.log('now', await labels());
const variants: Array<[string, string, unknown]> = JSON.parse(process.argv[2] ?? '[]');
for (const [kind, prop, value] of variants) {
  await page.evaluate(([kind, prop, value]) => new Promise((r) => { const m = (window as any).__m; if (kind === 'layout') m.setLayoutProperty('municipality-labels', prop, value); else m.setPaintProperty('municipality-labels', prop, value); m.once('idle', r); }), [kind, prop, value] as const);
  console.log(prop, JSON.stringify(value), await labels());
}
await page.screenshot({ path: '/tmp/exp/labels.png' });
await browser.close(); await server.close();
