// Draft scenarios kept in the browser, in real Chromium with a real profile on disk: a draft with a
// site survives a reload and a browser restart; a second tab learns of it; export → import gives a copy
// next to the original; a broken file and a file from a newer version are refused with a message and
// change nothing; the status line says whether the browser keeps the drafts for good.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchPersistent } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { createScenarioWithSite, openScenarioIfClosed } from './scenarioSteps';

const profiles: string[] = [];
afterAll(() => {
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
});

function newProfileDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'woonzorgkaart-scenarios-'));
  profiles.push(directory);
  return directory;
}

/** Creates "Scenario 1", adds a site by clicking the map and renames the site. */
async function createDraftWithSite(page: Page, siteName: string): Promise<void> {
  await createScenarioWithSite(page);
  const panel = page.getByTestId('site-panel');
  await panel.locator('#site-name').fill(siteName);
  await panel.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect.poll(() => page.getByTestId('site-list').textContent()).toContain(siteName);
}

async function expectSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('scenario-storage-status').getAttribute('data-save'), { timeout: 15_000 }).toBe('saved');
}

function scenarioNames(page: Page): Promise<string[]> {
  return page.getByTestId('scenario-list').locator('.scenario-name strong').allTextContents();
}

async function importScenarioFile(page: Page, name: string, text: string): Promise<void> {
  await page.locator('#scenario-import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

describe('draft scenarios kept in the browser', () => {
  it('a draft with a site survives a reload and a browser restart, and another tab learns of it', { timeout: 180_000 }, async () => {
    const profile = newProfileDirectory();
    const first = await launchPersistent(profile);
    const app = await openApp(null, { context: first });
    await createDraftWithSite(app.page, 'Hofje Assendorp');
    await expectSaved(app.page);
    // The answer of navigator.storage.persist() is shown in words (either answer is a real browser answer).
    expect(await app.page.getByTestId('scenario-storage-status').getAttribute('data-persistence')).toMatch(/^(persistent|bestEffort|unsupported)$/);
    await app.screenshot('scenario-storage-01-saved');

    // A second tab of the same profile shows the draft without a reload.
    const other = await openApp(null, { context: first });
    await waitForMapIdle(other.page);
    await expect.poll(() => scenarioNames(other.page)).toEqual(['Scenario 1']);

    await app.page.reload();
    await waitForMapIdle(app.page);
    await expect.poll(() => scenarioNames(app.page)).toEqual(['Scenario 1']);
    await openScenarioIfClosed(app.page, 'Scenario 1');
    await expect.poll(() => app.page.getByTestId('site-list').textContent()).toContain('Hofje Assendorp');
    await first.close();

    const second = await launchPersistent(profile);
    const again = await openApp(null, { context: second });
    await waitForMapIdle(again.page);
    await expect.poll(() => scenarioNames(again.page)).toEqual(['Scenario 1']);
    await openScenarioIfClosed(again.page, 'Scenario 1');
    await expect.poll(() => again.page.getByTestId('site-list').textContent()).toContain('Hofje Assendorp');
    expect(await again.page.getByTestId('edit-history').locator('li').count()).toBeGreaterThanOrEqual(2);
    expect(again.pageErrors).toEqual([]);
    await second.close();
  });

  it('export then import gives a copy beside the original; a broken or newer file changes nothing', { timeout: 180_000 }, async () => {
    const context = await launchPersistent(newProfileDirectory());
    const app = await openApp(null, { context });
    const { page } = app;
    await createDraftWithSite(page, 'Hofje Assendorp');
    await expectSaved(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scenario Scenario 1 exporteren als bestand' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(exported) as { type: string; schemaVersion: number; scenarios: { name: string }[] };
    expect(file.type).toBe('woonzorgkaart-scenario');
    expect(file.scenarios.map((scenario) => scenario.name)).toEqual(['Scenario 1']);
    await expect.poll(() => page.getByTestId('scenario-last-exported').first().textContent()).toMatch(/^Laatst geëxporteerd: /);

    // Broken JSON: a message naming the file, nothing changed.
    await importScenarioFile(page, 'kapot.json', exported.slice(0, exported.length / 2));
    await expect.poll(() => page.getByTestId('scenario-import-error').textContent()).toContain('kapot.json is geen leesbaar JSON-bestand');
    expect(await scenarioNames(page)).toEqual(['Scenario 1']);
    await page.getByTestId('scenario-import-error').getByRole('button').click();

    // A file from a newer app version: refused, nothing changed.
    await importScenarioFile(page, 'nieuwer.json', JSON.stringify({ ...file, schemaVersion: file.schemaVersion + 1 }));
    await expect.poll(() => page.getByTestId('scenario-import-error').textContent()).toContain('nieuwer.json is gemaakt met een nieuwere versie van de app');
    expect(await scenarioNames(page)).toEqual(['Scenario 1']);
    await page.getByTestId('scenario-import-error').getByRole('button').click();

    // The exported file again: same id, so a preview announces a copy, and the original stays.
    await importScenarioFile(page, 'scenario.json', exported);
    await expect.poll(() => page.getByTestId('scenario-import-preview').textContent()).toContain('Scenario 1 (geïmporteerd)');
    await app.screenshot('scenario-storage-02-import-preview');
    await page.getByTestId('scenario-import-preview').getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => scenarioNames(page)).toEqual(['Scenario 1', 'Scenario 1 (geïmporteerd)']);
    await page.getByRole('button', { name: 'Scenario 1 (geïmporteerd) openen' }).click();
    await expect.poll(() => page.getByTestId('site-list').textContent()).toContain('Hofje Assendorp');
    expect(app.pageErrors).toEqual([]);
    await context.close();
  });

  it('when the browser will not keep the data for good, the panel says it may be cleared and advises export', { timeout: 120_000 }, async () => {
    const context = await launchPersistent(newProfileDirectory());
    // The browser's answer to navigator.storage.persist(): no (as Chromium answers for a site without engagement).
    await context.addInitScript(() => {
      const storage = navigator.storage as StorageManager & { persist: () => Promise<boolean>; persisted: () => Promise<boolean> };
      storage.persist = () => Promise.resolve(false);
      storage.persisted = () => Promise.resolve(false);
    });
    const app = await openApp(null, { context });
    await createDraftWithSite(app.page, 'Hofje Assendorp');
    await expectSaved(app.page);
    const status = app.page.getByTestId('scenario-storage-status');
    expect(await status.getAttribute('data-persistence')).toBe('bestEffort');
    expect(await status.textContent()).toContain('de browser kan dit wissen als er ruimte nodig is. Exporteer scenario');
    await context.close();
  });
});
