// WCAG 2.1 A/AA checks with axe-core on the main screens, and keyboard-only operation of the explore flow.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe in the page (the test context bypasses the app's CSP only to inject axe itself). */
async function wcagViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.slice(0, 3).map(({ target }) => ({ target })) }));
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility', () => {
  it('the start screen, a municipality panel and the region panels have no WCAG 2.1 A/AA violations found by axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
    const app = await openApp(browser, { context });
    await waitForMapIdle(app.page);
    expect(await wcagViolations(app.page)).toEqual([]);
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    await app.page.getByTestId('municipality-panel').waitFor();
    expect(await wcagViolations(app.page)).toEqual([]);
    await app.page.locator('.region-choice[data-area="west-overijssel"]').click();
    await app.page.getByTestId('region-panel').waitFor();
    expect(await wcagViolations(app.page)).toEqual([]);
    await app.page.locator('.region-choice[data-area="overijssel"]').click();
    await app.page.getByTestId('region-panel').locator('[data-testid="area-regions"]').waitFor();
    expect(await wcagViolations(app.page)).toEqual([]);
  }, 120_000);

  it('the key-project panel, reachability panel, project table and import dialog have no axe violations either', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
    const app = await openApp(browser, { context });
    await waitForMapIdle(app.page);
    await app.page.locator('#key-project-search').fill('Stadshagen');
    await app.page.locator('#key-project-search').press('Enter');
    await app.page.getByTestId('key-project-panel').waitFor();
    expect(await wcagViolations(app.page)).toEqual([]);
    await app.page.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).click();
    await app.page.getByTestId('reachability-panel').locator('[data-testid="reach-categories"]').waitFor({ timeout: 20_000 });
    expect(await wcagViolations(app.page)).toEqual([]);
    await app.page.getByRole('button', { name: 'Bereikbaarheid sleutelprojecten' }).click();
    await app.page.getByTestId('reach-table-dialog').locator('[data-testid="reach-table"] tbody tr').first().waitFor({ timeout: 20_000 });
    expect(await wcagViolations(app.page)).toEqual([]);
    await app.page.keyboard.press('Escape');
    await app.page.locator('#import-open-button').click();
    await app.page.getByRole('dialog').first().waitFor();
    expect(await wcagViolations(app.page)).toEqual([]);
  });

  it('every interactive control is reachable by Tab and shows a visible focus indicator', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    const seen = new Set<string>();
    for (let step = 0; step < 40; step++) {
      await app.page.keyboard.press('Tab');
      const focus = await app.page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        return { id: element.id || element.textContent?.trim().slice(0, 30) || element.tagName, outline: style.outlineStyle, shadow: style.boxShadow };
      });
      expect(focus).not.toBeNull();
      expect(focus!.outline !== 'none' || focus!.shadow !== 'none', `focus visible on ${focus!.id}`).toBe(true);
      seen.add(focus!.id);
    }
    expect(seen.has('municipality-search')).toBe(true);
    expect(seen.has('key-project-search')).toBe(true);
  });
});
