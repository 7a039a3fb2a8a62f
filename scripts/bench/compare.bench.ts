import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './run';

const LINK = '#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025';

/** The ranking, the map and the area profile: how long each takes to draw, and what the map costs. */
export default async function compare({ root, baseURL, browser, report }: BenchContext): Promise<void> {
  const assets = readdirSync(join(root, 'dist', 'assets'));
  const map = assets.find((f) => f.startsWith('england-utla-map-') && f.endsWith('.json'));
  if (map) report('map boundaries, fetched only when a map is shown (gzip)', gzipSync(readFileSync(join(root, 'dist', 'assets', map))).length / 1024, 'KB');
  const mapJs = assets.filter((f) => f.startsWith('CompareMap-') && f.endsWith('.js'));
  let mapJsGz = 0;
  for (const f of mapJs) mapJsGz += gzipSync(readFileSync(join(root, 'dist', 'assets', f))).length;
  report('map code, loaded only when a map is shown (gzip)', mapJsGz / 1024, 'KB');

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseURL}/${LINK}`);
  await page.locator('[data-testid="ranked-svg"] rect.bar').first().waitFor();
  // Warm: the bundle is now in IndexedDB; measure a fresh load of the view.
  let t0 = Date.now();
  await page.goto('about:blank');
  await page.goto(`${baseURL}/${LINK}`);
  await page.locator('[data-testid="ranked-svg"] rect.bar').first().waitFor();
  report('ranked chart of every authority drawn (return visit)', Date.now() - t0, 'ms');

  t0 = Date.now();
  await page.getByLabel('Year for the ranking').selectOption('2019');
  await page.getByRole('table', { name: /2018-19: chosen areas/ }).waitFor();
  report('ranking redrawn for another year', Date.now() - t0, 'ms');

  t0 = Date.now();
  await page.getByRole('button', { name: 'Show on a map' }).click();
  await page.locator('[data-testid="map-svg"] g.areas path').first().waitFor();
  report('map shown after the click (first time: code and boundaries fetched)', Date.now() - t0, 'ms');

  t0 = Date.now();
  await page.goto('about:blank');
  await page.goto(`${baseURL}/#/area/E10000034`);
  await page.locator('[data-testid="profile-svg"] g.spine-row').first().waitFor();
  report('area profile (11 indicators ranked and tested) drawn', Date.now() - t0, 'ms');
  await context.close();
}
