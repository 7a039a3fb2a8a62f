import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './run';

/**
 * The area page with its said-and-seen table (issue 12): the time from navigation
 * start until the table has its rows, on a first visit and on a return visit (the app
 * and data from the service worker, the database already filled), and the size of the
 * code the page loads on demand (none of it is initial JavaScript).
 */
export default async function area({ root, baseURL, browser, report }: BenchContext): Promise<void> {
  const assets = join(root, 'dist', 'assets');
  const gz = (file: string) => gzipSync(readFileSync(join(assets, file))).length / 1024;
  for (const prefix of ['AreaView-', 'SaidSeenTable-']) {
    const file = readdirSync(assets).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (file) report(`${prefix.slice(0, -1)} chunk, loaded with the page (gzip)`, gz(file), 'KB');
  }

  const context = await browser.newContext();
  // Playwright's own waiting polls too coarsely to time this: the page notes the moment.
  // The profile's table is timed too: what the page showed before said and seen, for scale on a busy machine.
  await context.addInitScript(`new MutationObserver((_, observer) => {
    if (!window.__profile && document.querySelector('#profile-table tbody tr')) window.__profile = performance.now();
    if (!window.__saidSeen && document.querySelector('table.said-seen-table tbody tr')) window.__saidSeen = performance.now();
    if (window.__profile && window.__saidSeen) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });`);
  const page = await context.newPage();
  for (const visit of ['first visit', 'return visit (service worker)']) {
    await page.goto(`${baseURL}/#/area/E10000034`);
    await page.locator('table.said-seen-table tbody tr').first().waitFor({ timeout: 120_000 });
    await page.locator('#profile-table tbody tr').first().waitFor({ timeout: 120_000 });
    report(`Worcestershire area page, profile table drawn, ${visit} (from navigation start)`, (await page.evaluate('window.__profile')) as number, 'ms');
    report(`Worcestershire area page, said and seen drawn, ${visit} (from navigation start)`, (await page.evaluate('window.__saidSeen')) as number, 'ms');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto('about:blank');
  }
  await context.close();
}
