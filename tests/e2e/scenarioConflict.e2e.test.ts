// Two tabs on one persistent profile edit the same draft. Tab A edits and saves; tab B never heard
// of it (it runs without BroadcastChannel, like a tab that missed the message) and edits the same
// draft from its stale copy. B's save is refused: B keeps its version on screen, says so, and can
// keep it as a copy; A's version is stored untouched. Nothing of either tab is lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchPersistent } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { createScenarioWithSite, openScenarioIfClosed } from './scenarioSteps';

const profile = mkdtempSync(join(tmpdir(), 'woonzorgkaart-conflict-'));
afterAll(() => rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 300 }));

const STALE_FLAG = 'test-next-tab-without-broadcast';

async function expectSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('scenario-storage-status').getAttribute('data-save'), { timeout: 15_000 }).toBe('saved');
}

async function renameSite(page: Page, name: string): Promise<void> {
  const panel = page.getByTestId('site-panel');
  await panel.locator('#site-name').fill(name);
  await panel.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect.poll(() => page.getByTestId('site-list').textContent()).toContain(name);
}

function scenarioNames(page: Page): Promise<string[]> {
  return page.getByTestId('scenario-list').locator('.scenario-name strong').allTextContents();
}

describe('a stale tab editing the same draft', () => {
  it('keeps its own version, says so, saves it as a copy, and loses nothing of the other tab', { timeout: 240_000 }, async () => {
    const context = await launchPersistent(profile);
    // The next page opened after the flag is set runs without BroadcastChannel (only that one load).
    await context.addInitScript((flag) => {
      if (localStorage.getItem(flag) !== '1') return;
      localStorage.removeItem(flag);
      delete (window as unknown as { BroadcastChannel?: unknown }).BroadcastChannel;
    }, STALE_FLAG);
    const a = await openApp(null, { context });
    await createScenarioWithSite(a.page);
    await expectSaved(a.page);

    await a.page.evaluate((flag) => localStorage.setItem(flag, '1'), STALE_FLAG);
    const b = await openApp(null, { context });
    await waitForMapIdle(b.page);
    expect(await b.page.evaluate(() => typeof BroadcastChannel)).toBe('undefined');
    await openScenarioIfClosed(b.page, 'Scenario 1');
    await b.page.getByTestId('site-list').getByRole('button', { name: 'Nieuwe locatie 1' }).click();

    // Tab A edits and saves first.
    await renameSite(a.page, 'Versie van tabblad A');
    await expectSaved(a.page);

    // Stale tab B edits the same site: its save is refused, its version stays on screen.
    await renameSite(b.page, 'Versie van tabblad B');
    await expect.poll(() => b.page.getByTestId('storage-problem').textContent(), { timeout: 15_000 }).toContain('Scenario "Scenario 1" is intussen in een ander tabblad gewijzigd of verwijderd');
    expect(await b.page.getByTestId('site-list').textContent()).toContain('Versie van tabblad B');
    await expect.poll(() => b.page.getByTestId('scenario-conflicts').textContent()).toContain('Scenario 1');
    await b.screenshot('scenario-conflict-01-stale-tab');

    // B keeps its version as a copy.
    await b.page.getByTestId('scenario-conflicts').getByRole('button', { name: 'Mijn versie als kopie bewaren' }).click();
    await expect.poll(() => scenarioNames(b.page)).toEqual(expect.arrayContaining(['Scenario 1', 'Scenario 1 (mijn versie)']));
    await expectSaved(b.page);
    await expect.poll(() => b.page.getByTestId('scenario-conflicts').count()).toBe(0);

    // After a reload, A finds its own version of Scenario 1 and B's as the copy.
    await a.page.reload();
    await waitForMapIdle(a.page);
    await expect.poll(() => scenarioNames(a.page)).toEqual(expect.arrayContaining(['Scenario 1', 'Scenario 1 (mijn versie)']));
    expect((await scenarioNames(a.page)).length).toBe(2);
    await openScenarioIfClosed(a.page, 'Scenario 1');
    await expect.poll(() => a.page.getByTestId('site-list').textContent()).toContain('Versie van tabblad A');
    await a.page.getByRole('button', { name: 'Scenario Scenario 1 (mijn versie) openen' }).click();
    await expect.poll(() => a.page.getByTestId('site-list').textContent()).toContain('Versie van tabblad B');
    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await context.close();
  });
});
