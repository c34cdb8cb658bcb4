// Steps shared by the browser tests that export from the export dialog (maps, PDFs, municipality reports).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export async function openExportDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Exporteren|Export)$/ }).click();
  await page.locator('.export-dialog[open]').waitFor();
}

/** Chooses a format, exports, and returns the downloaded file's name and bytes. */
export async function exportAs(page: Page, formatLabel: RegExp | null, button: RegExp = /^(Exporteren|Export)$/): Promise<{ name: string; bytes: Buffer }> {
  if (formatLabel) await page.locator('.export-dialog').getByLabel(formatLabel).check();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.locator('.export-dialog').getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Exports the PDF report of one municipality (chosen by its Dutch name in the dialog). */
export async function exportMunicipalityReport(page: Page, municipality: string): Promise<{ name: string; bytes: Buffer }> {
  await openExportDialog(page);
  await page.locator('.export-dialog').getByLabel('Gemeente', { exact: true }).selectOption({ label: municipality });
  return exportAs(page, null, /Rapport maken/);
}
