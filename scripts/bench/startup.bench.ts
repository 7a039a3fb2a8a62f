import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './run';

/**
 * Initial JavaScript (gzip) and the time until the first chart of a shared link is
 * drawn, on a first visit and on a return visit (served by the service worker).
 *
 * "Initial JavaScript" counts the scripts index.html loads and modulepreloads: what the
 * first view waits for. Chunks loaded later are reported apart: the service worker's
 * registration (virtual:pwa-register and workbox-window) loads once the first view has
 * its data, and the service worker precaches the app and data after that.
 */
export default async function startup({ root, baseURL, browser, report }: BenchContext): Promise<void> {
  const dist = join(root, 'dist');
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<script[^>]+src="(?:\.?\/)?([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="(?:\.?\/)?([^"]+)"/g)].map((m) => m[1]!),
  );
  report('initial JavaScript (gzip)', [...initial].reduce((n, f) => n + gz(f), 0) / 1024, 'KB');
  const assets = readdirSync(join(dist, 'assets'));
  const later = assets.filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`));
  report('JavaScript loaded after the first view (gzip)', later.reduce((n, f) => n + gz(join('assets', f)), 0) / 1024, `KB (${later.length} chunks)`);
  const data = assets.find((f) => f.startsWith('bundle-') && f.endsWith('.json'));
  if (data) report('bundled data (gzip)', gz(join('assets', data)) / 1024, 'KB');
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  report('precached by the service worker (gzip)', precached.reduce((n, f) => n + gz(f), 0) / 1024, `KB (${precached.length} files)`);

  // A link as the Share control writes it.
  const vintage = (JSON.parse(readFileSync(join(root, 'data', 'bundle-meta.json'), 'utf8')) as { hash: string }).hash.slice(0, 8);
  const link = `#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025&v=1&data=${vintage}`;

  const context = await browser.newContext();
  // The moment the first line of the trend chart is in the page, from the start of the
  // navigation: Playwright's own waiting polls at up to 500 ms steps, too coarse to time it.
  await context.addInitScript(`new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="trend-svg"] g.series path')) {
      window.__firstChart = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });`);
  const page = await context.newPage();
  for (const visit of ['first visit', 'return visit (service worker)']) {
    await page.goto(`${baseURL}/${link}`);
    await page.locator('[data-testid="trend-svg"] g.series path').first().waitFor();
    report(`first chart drawn, ${visit} (from navigation start)`, (await page.evaluate('window.__firstChart')) as number, 'ms');
    // Let the service worker install and precache before the return visit.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto('about:blank');
  }
  await context.close();
}
