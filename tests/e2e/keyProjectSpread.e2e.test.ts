// Key projects that share an approximate position: clicking the stack spreads it so each project is visible
// and clickable; the panel names the others; the key-project list reaches every one by keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';

interface ScreenPoint {
  x: number;
  y: number;
}
type Stack = ScreenPoint & { ids: string[] };
type Spread = ScreenPoint & { id: string };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function readJson<T>(page: Page, attribute: 'keyProjectStacks' | 'keyProjectSpread'): Promise<T> {
  return JSON.parse((await page.locator('#map').evaluate((map, key) => (map as HTMLElement).dataset[key] ?? '[]', attribute)) || '[]') as T;
}

async function stackHolding(page: Page, id: string): Promise<Stack> {
  const stack = (await readJson<Stack[]>(page, 'keyProjectStacks')).find((candidate) => candidate.ids.includes(id));
  if (!stack) throw new Error(`no stack holds ${id}`);
  return stack;
}

/** Zooms in with the mouse wheel around the stack that holds `id`, and waits until the map has settled. */
async function zoomOnStack(page: Page, id: string, wheelSteps: number): Promise<Stack> {
  const box = (await page.locator('#map').boundingBox())!;
  for (let step = 0; step < wheelSteps; step += 1) {
    const stack = await stackHolding(page, id);
    await page.mouse.move(box.x + stack.x, box.y + stack.y);
    const before = Number(await page.locator('#map').getAttribute('data-map-idle'));
    await page.mouse.wheel(0, -600);
    await expect.poll(async () => Number(await page.locator('#map').getAttribute('data-map-idle')), { timeout: 15_000 }).toBeGreaterThan(before);
  }
  return stackHolding(page, id);
}

const ZWOLLE_PAIR = ['zwolle-nieuwe-veemarkt-meeuwenlaan', 'zwolle-zwartewateralle-zone'];

describe('key projects at the same approximate position', () => {
  it('clicking the Zwolle stack spreads it; each spread project opens its panel, which names the other', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    // Spoorzone (station) and Stadshart (Binnenstad) have their own position now; two Zwolle projects still share the town point.
    const zwolleStacks = (await readJson<Stack[]>(page, 'keyProjectStacks')).filter((stack) => stack.ids.some((id) => id.startsWith('zwolle-')));
    expect(zwolleStacks.map((stack) => stack.ids)).toEqual([ZWOLLE_PAIR]);

    const stack = await zoomOnStack(page, ZWOLLE_PAIR[0]!, 6);
    await app.screenshot('20-zwolle-stack-before-spread');
    const box = (await page.locator('#map').boundingBox())!;
    const beforeClick = Number(await page.locator('#map').getAttribute('data-map-idle'));
    await page.mouse.click(box.x + stack.x, box.y + stack.y);
    await expect.poll(async () => (await readJson<Spread[]>(page, 'keyProjectSpread')).map((entry) => entry.id), { timeout: 15_000 }).toEqual(ZWOLLE_PAIR);
    // The spread symbols are drawn once the map is idle again.
    await expect.poll(async () => Number(await page.locator('#map').getAttribute('data-map-idle')), { timeout: 15_000 }).toBeGreaterThan(beforeClick);
    expect(await page.getByTestId('key-project-panel').count()).toBe(0);
    const spread = await readJson<Spread[]>(page, 'keyProjectSpread');
    const [first, second] = spread as [Spread, Spread];
    expect(Math.hypot(first.x - second.x, first.y - second.y)).toBeGreaterThanOrEqual(40);
    for (const entry of spread) expect(Math.hypot(entry.x - stack.x, entry.y - stack.y)).toBeGreaterThanOrEqual(30);
    await app.screenshot('21-zwolle-stack-spread');

    // Clicking a spread symbol selects that project (no panel was open before: the click on the stack only spread it).
    await page.mouse.click(box.x + second.x, box.y + second.y);
    const panel = page.getByTestId('key-project-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toContain('Zwartewateralle');
    const sameLocation = panel.getByTestId('same-location');
    await expect.poll(() => sameLocation.textContent(), { timeout: 15_000 }).toContain('Zelfde benaderde locatie als');
    expect(await sameLocation.getByRole('button').allTextContents()).toEqual(['Zwolle Nieuwe Veemarkt/Meeuwenlaan']);
    // The stack stays spread while its project is selected, with a ring around the chosen one.
    expect((await readJson<Spread[]>(page, 'keyProjectSpread')).map((entry) => entry.id)).toEqual(ZWOLLE_PAIR);
    await app.screenshot('22-zwolle-spread-selected');

    // The other spread symbol is clickable too.
    await page.mouse.click(box.x + first.x, box.y + first.y);
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toContain('Nieuwe Veemarkt');

    // Choosing something else (here the municipality, from the panel) closes the spread again.
    await panel.getByRole('button', { name: 'Naar gemeente Zwolle' }).click();
    await expect.poll(async () => (await readJson<Spread[]>(page, 'keyProjectSpread')).length, { timeout: 15_000 }).toBe(0);
    expect(app.pageErrors).toEqual([]);
  }, 180_000);

  it('by keyboard: a stacked project chosen in the list is spread, and the panel buttons reach the others', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    await page.locator('#key-project-search').focus();
    await page.keyboard.type('Olst scholen');
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('key-project-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toContain('Olst scholenlocatie');
    // Olst has four projects on its town point: all four are spread.
    await expect.poll(async () => (await readJson<Spread[]>(page, 'keyProjectSpread')).length, { timeout: 15_000 }).toBe(4);
    const others = panel.getByTestId('same-location').getByRole('button');
    expect(await others.allTextContents()).toEqual(['Olst Aberson terrein', 'Olst Olstergaard', 'Olst-Zuid Project']);
    await others.nth(1).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toContain('Olst Olstergaard');
    expect(await panel.getByTestId('same-location').getByRole('button').allTextContents()).toContain('Olst scholenlocatie');
  }, 120_000);

  it('a station area says it is placed at the station; a centre that the data lacks says it stays on the town', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    await page.locator('#key-project-search').fill('Spoorzone');
    await page.locator('#key-project-list button').first().click();
    const panel = page.getByTestId('key-project-panel');
    await expect.poll(() => panel.getByTestId('location-precision').textContent(), { timeout: 15_000 }).toContain('station Zwolle');
    expect(await panel.getByTestId('location-precision').textContent()).toContain('precisie: bij station');
    expect(await panel.getByTestId('same-location').count()).toBe(0);

    await page.locator('#key-project-search').fill('Dedemsvaart centrum');
    await page.locator('#key-project-list button').first().click();
    await expect.poll(() => panel.getByTestId('placement-fallback').textContent(), { timeout: 15_000 }).toContain('geen wijk of buurt "Centrum" of "Binnenstad"');
    await app.screenshot('23-dedemsvaart-centre-fallback');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('#key-project-search').fill('Stadshart');
    await page.locator('#key-project-list button').first().click();
    await expect.poll(() => panel.getByTestId('location-precision').textContent(), { timeout: 15_000 }).toContain('precision: town centre');
    expect(await panel.getByTestId('location-precision').textContent()).toContain('wijk Binnenstad in kern Zwolle');
    await app.screenshot('24-stadshart-english');
  }, 120_000);
});
