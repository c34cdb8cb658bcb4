// Facilities: embedded railway stations, empty categories that explain themselves, and the OpenStreetMap
// fetch against a local stub (recorded Overpass-shaped answers built here; no network).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/**
 * An Overpass answer holding the same 36 railway stations as the shipped DOVA file, as OpenStreetMap
 * maps them: same names, positions a few tens of metres away (built here from the shipped file).
 */
function overpassStationsAnswer() {
  const shipped = JSON.parse(readFileSync('geo/facilities/overijssel-treinstations-chb-2026.geojson', 'utf8')) as {
    features: Array<{ properties: { naam: string }; geometry: { coordinates: [number, number] } }>;
  };
  return {
    version: 0.6,
    generator: 'test stub',
    osm3s: { timestamp_osm_base: '2026-11-01T00:00:00Z', copyright: 'test data' },
    elements: shipped.features.map((feature, index) => ({
      type: 'node',
      id: 9000 + index,
      lon: feature.geometry.coordinates[0] + 0.0004, // ≈ 27 m east
      lat: feature.geometry.coordinates[1] + 0.0003, // ≈ 33 m north
      tags: { railway: 'station', public_transport: 'station', train: 'yes', name: feature.properties.naam },
    })),
  };
}

/** The rendered single facilities the map element describes (data-facility-points: "name@x,y|…"). */
async function renderedFacilityPoints(page: Page): Promise<Array<{ name: string; x: number; y: number }>> {
  const text = (await page.locator('#map').getAttribute('data-facility-points')) ?? '';
  return text === ''
    ? []
    : text.split('|').map((entry) => {
        const [name, position] = entry.split('@') as [string, string];
        const [x, y] = position.split(',').map(Number) as [number, number];
        return { name, x, y };
      });
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
    const verdict = (category: string) =>
      app.page.locator(`[data-testid="reach-categories"] tr[data-category="${category}"] [data-verdict]`).getAttribute('data-verdict');
    // in Kampen the nearest known supermarket is in Zwolle: "at most" that far, and no verdict
    for (const [project, expected, expectedVerdict] of [['Zwolle Spoorzone', /^\d[\d.]* m$/, /^(met|notMet)$/], ['Kampen Reevedelta', /^hoogstens [\d.]+ m$/, /^noData$/]] as const) {
      await app.page.locator('#key-project-search').fill(project);
      await app.page.locator('#key-project-search').press('Enter');
      await app.page.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).click();
      await expect.poll(() => app.page.getByTestId('reachability-panel').locator('h2').textContent(), { timeout: 15_000 }).toContain(project);
      await expect.poll(() => distance('supermarkt'), { timeout: 20_000 }).toMatch(expected);
      await expect.poll(() => verdict('supermarkt')).toMatch(expectedVerdict);
    }
    // On the suitability map the 24 municipalities outside Zwolle are hatched: the data is not complete there.
    await app.page.getByLabel('Aantal voldane normen (woningtype)').check();
    await expect.poll(() => app.page.locator('#map').getAttribute('data-reach-grid-masked'), { timeout: 30_000 }).toBe('24');
    await expect.poll(() => app.page.getByTestId('reach-grid-outside-coverage').isVisible(), { timeout: 15_000 }).toBe(true);
    await waitForMapIdle(app.page);
    await app.screenshot('facilities-04-partial-coverage-kampen');
  });

  it('lists every skipped element with its reason, and asks before an empty answer replaces the earlier download', async () => {
    const withBadElements = () => {
      const answer = overpassAnswer();
      answer.elements.push(
        { type: 'way', id: 10, tags: { shop: 'supermarket', name: 'Testweg zonder middelpunt' } } as never,
        { type: 'node', id: 11, lon: 6.09, lat: 95, tags: { shop: 'supermarket' } },
        { type: 'node', id: 12, lon: 7.0708, lat: 52.4336, tags: { shop: 'supermarket', name: 'Testsupermarkt Nordhorn' } },
      );
      return answer;
    };
    const { context } = await contextWithOverpass((call) => ({ status: 200, body: JSON.stringify(call === 1 ? withBadElements() : { version: 0.6, elements: [] }) }));
    const app = await openApp(browser, { context, stubbedUrls: [OVERPASS_URL] });
    await waitForMapIdle(app.page);
    const fetchButton = app.page.getByRole('button', { name: 'Voorzieningen ophalen' });
    await fetchButton.click();
    const done = app.page.getByTestId('osm-done');
    await expect.poll(() => done.textContent(), { timeout: 15_000 }).toContain('4 voorzieningen opgehaald voor Heel Overijssel.');
    expect(await done.textContent()).toContain('3 objecten overgeslagen');
    expect(await done.textContent()).toContain('1 ander object is geen voorziening');
    const skipped = app.page.getByTestId('osm-skipped');
    await skipped.locator('summary').click();
    const reasons = (await skipped.locator('li').allTextContents()).join('\n');
    expect(reasons).toContain('way/10: weg of relatie zonder middelpunt');
    expect(reasons).toContain('node/11: ongeldige coördinaat');
    expect(reasons).toContain('node/12: "Testsupermarkt Nordhorn" ligt buiten de provinciegrens');
    await app.screenshot('facilities-05-osm-skipped');

    // Overpass answers {"elements":[]}: the planner is asked, keeping is the default (focused, Enter)
    await fetchButton.click();
    const question = app.page.getByTestId('osm-confirm-replace');
    await expect.poll(() => question.textContent(), { timeout: 15_000 }).toContain('bevat 0 voorzieningen');
    expect(await question.textContent()).toContain('bevat er 4');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('osm-keep');
    await app.screenshot('facilities-06-osm-confirm-replace');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.getByTestId('osm-kept').textContent()).toContain('is behouden');
    await expect.poll(() => app.page.locator('.category-list li[data-category="supermarkt"]').textContent()).toContain(': 1');
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    await expect.poll(() => app.page.getByTestId('municipality-facilities').locator('tr[data-category="supermarkt"] td').textContent(), { timeout: 15_000 }).toBe('1');
    // the reload keeps the earlier download too
    await app.page.reload();
    await waitForMapIdle(app.page);
    await expect.poll(() => app.page.locator('.category-list li[data-category="supermarkt"]').textContent(), { timeout: 15_000 }).toContain(': 1');
  });

  it('allows images only from its own origin and the background map (not from Overpass), and fetches only from its own origin and the optional online services', async () => {
    const app = await openApp(browser);
    const policy = (await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    const directive = (name: string) => policy.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `)) ?? '';
    expect(directive('img-src')).toBe("img-src 'self' data: blob: https://service.pdok.nl");
    // no blob: (nothing hands MapLibre's worker a Blob URL any more) and no other host
    expect(directive('connect-src')).toBe("connect-src 'self' https://service.pdok.nl https://api.pdok.nl https://overpass-api.de");
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

  it('the same stations from OpenStreetMap are counted once, listed with both sources, and never a "2" cluster', async () => {
    const { context } = await contextWithOverpass(() => ({ status: 200, body: JSON.stringify(overpassStationsAnswer()) }));
    const app = await openApp(browser, { context, stubbedUrls: [OVERPASS_URL] });
    await waitForMapIdle(app.page);
    const ovRow = app.page.locator('.category-list li[data-category="ovHalte"]');
    // Before: the shipped stations, with what is missing said in words, the same in sidebar and municipality panel.
    await expect.poll(() => ovRow.getByTestId('category-completeness').textContent(), { timeout: 15_000 }).toBe('36 treinstations; bus- en tramhaltes ontbreken');
    await expect.poll(() => app.page.getByTestId('reach-stations-only').textContent(), { timeout: 15_000 }).toContain('36 treinstations; bus- en tramhaltes ontbreken');
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    const ovCell = app.page.getByTestId('municipality-facilities').locator('tr[data-category="ovHalte"] td');
    await expect.poll(() => ovCell.textContent(), { timeout: 15_000 }).toBe('2 treinstations; bus- en tramhaltes ontbreken');
    await ovCell.scrollIntoViewIfNeeded();
    await ovRow.scrollIntoViewIfNeeded();
    await app.screenshot('facilities-05a-stations-only-counts');

    await app.page.getByRole('button', { name: 'Voorzieningen ophalen' }).click();
    await expect.poll(() => app.page.getByTestId('osm-done').textContent(), { timeout: 15_000 }).toContain('36 voorzieningen opgehaald');
    await expect.poll(() => app.page.locator('.dataset-row').filter({ hasText: 'OpenStreetMap' }).count(), { timeout: 15_000 }).toBe(1);
    // 36, not 72: each station counted once, everywhere.
    await expect.poll(() => ovRow.locator('label').textContent(), { timeout: 15_000 }).toMatch(/OV-halte.*: 36$/);
    await expect.poll(() => ovRow.getByTestId('category-completeness').textContent(), { timeout: 15_000 }).toBe('volledig voor heel Overijssel');
    // A category a dataset declares complete never also says "no data loaded yet", even at 0.
    const supermarketRow = (await app.page.locator('.category-list li[data-category="supermarkt"]').textContent()) ?? '';
    expect(supermarketRow.includes('volledig') && supermarketRow.includes('Nog geen gegevens')).toBe(false);
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    await expect.poll(() => ovCell.textContent(), { timeout: 15_000 }).toBe('2');
    await ovCell.scrollIntoViewIfNeeded();
    await ovRow.scrollIntoViewIfNeeded();
    await app.screenshot('facilities-05b-after-fetch-counts');

    // Zoomed in on Zwolle (the reachability view of a Zwolle key project): one station point, no "2" cluster.
    await app.page.getByRole('checkbox', { name: 'Sleutelprojecten', exact: true }).uncheck();
    await app.page.locator('#key-project-search').fill('Zwolle Spoorzone');
    await app.page.locator('#key-project-search').press('Enter');
    await app.page.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).click();
    await expect.poll(async () => (await renderedFacilityPoints(app.page)).filter((point) => point.name === 'Zwolle').length, { timeout: 20_000 }).toBe(1);
    expect(await app.page.locator('#map').getAttribute('data-facility-clusters')).toBe('');
    await waitForMapIdle(app.page);
    const station = (await renderedFacilityPoints(app.page)).find((point) => point.name === 'Zwolle')!;
    await app.page.locator('#map canvas').click({ position: { x: station.x, y: station.y } });
    const panel = app.page.getByTestId('facility-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toContain('Zwolle');
    const sources = panel.getByTestId('facility-sources').locator('li');
    await expect.poll(() => sources.count(), { timeout: 15_000 }).toBe(2);
    expect(await sources.nth(0).textContent()).toContain('Centraal Halte Bestand');
    expect(await sources.nth(1).textContent()).toContain('OpenStreetMap');
    expect(await sources.nth(1).textContent()).toContain('ODbL');
    await app.screenshot('facilities-05-station-merged');
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await app.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => panel.getByTestId('facility-sources').locator('li').first().textContent(), { timeout: 15_000 }).toContain('Dataset');
    await expect.poll(() => ovRow.getByTestId('category-completeness').textContent(), { timeout: 15_000 }).toBe('complete for all of Overijssel');
    await app.screenshot('facilities-06-station-merged-en-1280');
    expect(app.pageErrors).toEqual([]);
  }, 150_000);
});
