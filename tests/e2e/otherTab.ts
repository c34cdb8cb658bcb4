// A second tab of the app's origin that does NOT run the app: the tests use it to play an older or
// newer version of the app (its own IndexedDB connection, with a version of its choosing) or another
// tab keeping the database busy. It speaks only the plain IndexedDB API, never the app's code.
import { inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';

const BLANK_PATH = '__test-other-tab.html';

/** Opens a blank page on the app's origin (answered by the test itself, so no app script runs). */
export async function openOtherTab(context: BrowserContext): Promise<Page> {
  const url = inject('baseUrl') + BLANK_PATH;
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="nl"><title>ander tabblad (test)</title></html>' }));
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Starts a read-write transaction on `stores` of database `name` in the other tab and keeps it
 * running (one small read after another) until releaseBusyTransaction: every write of the app to
 * those stores waits behind it, as behind a slow save in another tab.
 */
export async function holdBusyTransaction(page: Page, name: string, stores: string[]): Promise<void> {
  await page.evaluate(
    async ({ name, stores }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const transaction = database.transaction(stores, 'readwrite');
      const state = window as unknown as { releaseBusy?: boolean; busyDone?: Promise<void> };
      state.releaseBusy = false;
      state.busyDone = new Promise<void>((resolve) => {
        transaction.oncomplete = () => {
          database.close();
          resolve();
        };
      });
      const store = transaction.objectStore(stores[0]!);
      const next = () => {
        if (state.releaseBusy) return;
        store.count().onsuccess = next;
      };
      next();
    },
    { name, stores },
  );
}

export async function releaseBusyTransaction(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const state = window as unknown as { releaseBusy?: boolean; busyDone?: Promise<void> };
    state.releaseBusy = true;
    await state.busyDone;
  });
}
