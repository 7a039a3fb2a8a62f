import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './run';

const LINK = '#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025';

/** Initial JavaScript (gzip) and time to the first drawn chart, first visit and return visit. */
export default async function startup({ root, baseURL, browser, report }: BenchContext): Promise<void> {
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/?([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+)"/g)].map((m) => m[1]!);
  let gz = 0;
  for (const s of new Set(scripts)) gz += gzipSync(readFileSync(join(root, 'dist', s))).length;
  report('initial JavaScript (gzip)', gz / 1024, 'KB');
  const data = readdirSync(join(root, 'dist', 'assets')).find((f) => f.startsWith('bundle-') && f.endsWith('.json'));
  if (data) report('bundled data (gzip)', gzipSync(readFileSync(join(root, 'dist', 'assets', data))).length / 1024, 'KB');

  const context = await browser.newContext();
  const page = await context.newPage();
  for (const visit of ['first visit', 'return visit']) {
    const t0 = Date.now();
    await page.goto(`${baseURL}/${LINK}`);
    await page.locator('[data-testid="trend-svg"] g.series path').first().waitFor();
    report(`first chart drawn, ${visit}`, Date.now() - t0, 'ms');
    await page.goto('about:blank');
  }
  await context.close();
}
