// Facilities: embedded railway stations, empty categories that explain themselves, and the OpenStreetMap
// fetch against a local stub (recorded Overpass-shaped answers built here; no network).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';

const OVERPASS_URL = 'https://overpass-api.de/api/interpreter';

/** A small Overpass JSON answer: four facilities in the centre of Zwolle (test data, positions near Zwolle's TOP10NL point). */
function overpassAnswer() {
  const node = (id: number, lon: number, lat: number, tags: Record<string, string>) => ({ type: 'node', id, lon, lat, tags });
  return {
    version: 0.6,
    generator: 'test stub',
    osm3s: { timestamp_osm_base: '2026-11-01T00:00:00Z', copyright: 'test data' },
    elements: [
      node(1, 6.0915, 52.5097, { amenity: 'nursing_home', name: 'Testverpleeghuis Zwolle' }),
      node(2, 6.0935, 52.5105, { amenity: 'doctors', 'healthcare:speciality': 'general', name: 'Testhuisarts Zwolle' }),
      node(3, 6.0895, 52.5085, { shop: 'supermarket', name: 'Testsupermarkt Zwolle' }),
      node(4, 6.0925, 52.5092, { highway: 'bus_stop', name: 'Testhalte Zwolle' }),
      node(5, 6.0920, 52.5099, { amenity: 'bench' }),
    ],
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function contextWithOverpass(respond: (call: number) => { status: number; body: string }): Promise<{ context: BrowserContext; calls: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const calls: string[] = [];
  await context.route(OVERPASS_URL, (route) => {
    calls.push(route.request().postData() ?? '');
    const { status, body } = respond(calls.length);
    return route.fulfill({ status, contentType: 'application/json', body });
  });
  return { context, calls };
}

describe('facilities', () => {
  it('shows the 36 embedded railway stations and explains empty categories instead of showing zero as fact', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    const ovRow = app.page.locator('.category-list li[data-category="ovHalte"]');
    await expect.poll(() => ovRow.textContent(), { timeout: 15_000 }).toContain(': 36');
    const careRow = app.page.locator('.category-list li[data-category="zorg24uur"]');
    await expect.poll(() => careRow.locator('.category-empty').textContent(), { timeout: 15_000 }).toContain('betekent niet dat er geen zijn');
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    const table = app.page.getByTestId('municipality-facilities');
    await expect.poll(() => table.locator('tr[data-category="supermarkt"] td').textContent(), { timeout: 15_000 }).toBe('geen gegevens');
    await app.screenshot('facilities-01-empty-categories');
  });

  it('fetches facilities for Zwolle from OpenStreetMap (stubbed), keeps them after reload, and counts them per municipality', async () => {
    const { context, calls } = await contextWithOverpass(() => ({ status: 200, body: JSON.stringify(overpassAnswer()) }));
    const app = await openApp(browser, { context, stubbedUrls: [OVERPASS_URL] });
    await waitForMapIdle(app.page);
    await app.page.locator('#osm-area').selectOption({ label: 'Zwolle' });
    await app.page.getByRole('button', { name: 'Voorzieningen ophalen' }).click();
    await expect.poll(() => app.page.getByTestId('osm-done').textContent(), { timeout: 15_000 }).toContain('4 voorzieningen opgehaald voor Zwolle');
    expect(calls).toHaveLength(1);
    expect(decodeURIComponent(calls[0]!)).toContain('ref:gemeentecode');
    await expect.poll(() => app.page.locator('.category-list li[data-category="zorg24uur"]').textContent(), { timeout: 15_000 }).toContain(': 1');
    await expect.poll(() => app.page.getByTestId('facility-legend').textContent(), { timeout: 15_000 }).toContain('© OpenStreetMap-bijdragers');
    // The map outlines the covered area, and the legend names it.
    await expect.poll(() => app.page.locator('#map').getAttribute('data-facility-coverage'), { timeout: 15_000 }).toBe('GM0193');
    await expect.poll(() => app.page.getByTestId('legend-coverage').textContent(), { timeout: 15_000 }).toContain('Zwolle');
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    const table = app.page.getByTestId('municipality-facilities');
    await expect.poll(() => table.locator('tr[data-category="supermarkt"] td').textContent(), { timeout: 15_000 }).toBe('1');
    await waitForMapIdle(app.page);
    await app.screenshot('facilities-02-osm-fetched');

    await app.page.reload();
    await waitForMapIdle(app.page);
    await expect.poll(() => app.page.locator('.category-list li[data-category="huisarts"]').textContent(), { timeout: 15_000 }).toContain(': 1');
    await expect.poll(() => app.page.locator('.dataset-row').filter({ hasText: 'OpenStreetMap – Zwolle' }).count(), { timeout: 15_000 }).toBe(1);
    expect(calls).toHaveLength(1); // no second download: the saved copy is used offline
    expect(app.blockedRequests).toEqual([]);
  });

  it('data fetched for Zwolle only gives "geen gegevens", not "niet voldaan", for a project in Kampen', async () => {
    const { context } = await contextWithOverpass(() => ({ status: 200, body: JSON.stringify(overpassAnswer()) }));
    const app = await openApp(browser, { context, stubbedUrls: [OVERPASS_URL] });
    await waitForMapIdle(app.page);
    await app.page.locator('#osm-area').selectOption({ label: 'Zwolle' });
    await app.page.getByRole('button', { name: 'Voorzieningen ophalen' }).click();
    await expect.poll(() => app.page.getByTestId('osm-done').textContent(), { timeout: 15_000 }).toContain('Zwolle');
    const distance = (category: string) =>
      app.page.locator(`[data-testid="reach-categories"] tr[data-category="${category}"]`).getByTestId('reach-distance').textContent();
    for (const [project, expected] of [['Zwolle Spoorzone', /m$/], ['Kampen Reevedelta', /^geen gegevens$/]] as const) {
      await app.page.locator('#key-project-search').fill(project);
      await app.page.locator('#key-project-search').press('Enter');
      await app.page.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).click();
      await expect.poll(() => app.page.getByTestId('reachability-panel').locator('h2').textContent(), { timeout: 15_000 }).toContain(project);
      await expect.poll(() => distance('supermarkt'), { timeout: 20_000 }).toMatch(expected);
    }
    // On the suitability map everything outside Zwolle is hatched as outside the data.
    await app.page.getByLabel('Aantal voldane normen (woningtype)').check();
    await expect.poll(() => app.page.locator('#map').getAttribute('data-reach-grid-masked'), { timeout: 30_000 }).toBe('1');
    await expect.poll(() => app.page.getByTestId('reach-grid-outside-coverage').isVisible(), { timeout: 15_000 }).toBe(true);
    await waitForMapIdle(app.page);
    await app.screenshot('facilities-04-partial-coverage-kampen');
  });

  it('on a server error (504) says so, offers a retry, and leaves the loaded data untouched', async () => {
    const { context, calls } = await contextWithOverpass((call) =>
      call === 1 ? { status: 504, body: 'Gateway Timeout' } : { status: 200, body: JSON.stringify(overpassAnswer()) },
    );
    const app = await openApp(browser, { context, stubbedUrls: [OVERPASS_URL] });
    await waitForMapIdle(app.page);
    await app.page.getByRole('button', { name: 'Voorzieningen ophalen' }).click();
    const failure = app.page.getByTestId('osm-failed');
    await expect.poll(() => failure.textContent(), { timeout: 15_000 }).toContain('overbelast');
    await expect.poll(() => app.page.locator('.category-list li[data-category="ovHalte"]').textContent(), { timeout: 15_000 }).toContain(': 36');
    await app.screenshot('facilities-03-osm-504');
    await failure.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect.poll(() => app.page.getByTestId('osm-done').textContent(), { timeout: 15_000 }).toContain('Heel Overijssel');
    expect(calls).toHaveLength(2);
  });
});
