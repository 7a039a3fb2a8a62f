/**
 * The browser tests' `test` and `expect`: Playwright's, with pages that wait for the
 * app's ready signal after opening it. The app sets `<html data-app="idle">` once the
 * bundled data is in and no query, worker job or view chunk is unfinished
 * (src/App.svelte); a test waits for that instead of hoping 5 s is enough on a busy
 * machine. The wait is bounded only by the test's own timeout.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

/** Waits until the app says it is idle (or that it failed to load, which the test then sees). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => ['idle', 'failed'].includes(document.documentElement.dataset.app ?? ''), undefined, { timeout: 0 });
}

/**
 * For a state the app passes through on its own (a progress bar while a file is read):
 * waits until `locator` is visible or the app has finished its work, whichever comes
 * first; the test's `expect` then decides. No timer: a slow machine only takes longer.
 */
export async function duringWork(locator: Locator): Promise<void> {
  const visible = locator.waitFor({ state: 'visible', timeout: 0 }).catch(() => undefined);
  await Promise.race([visible, settled(locator.page())]);
}

/** Whether a URL opens the app (rather than about:blank or a file such as /favicon.svg). */
function opensApp(url: string): boolean {
  return url !== 'about:blank' && !/\.(svg|png|json|js|webmanifest|txt)(\?.*)?$/.test(url.split('#')[0]!);
}

/**
 * Makes `page.goto` and `page.reload` wait for the ready signal. Pages the default
 * fixture gives are wrapped already; wrap pages a test makes itself with this. Not for
 * a page the test expects never to be ready (an upgrade held up by another tab).
 */
export function waitsForApp(page: Page): Page {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (opensApp(url)) await settled(page);
    return response;
  };
  page.reload = async (options) => {
    const response = await reload(options);
    if (opensApp(page.url())) await settled(page);
    return response;
  };
  return page;
}

export const test = base.extend({
  page: async ({ page }, use) => {
    await use(waitsForApp(page));
  },
});
