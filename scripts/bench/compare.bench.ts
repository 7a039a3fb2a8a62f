import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BenchContext } from './run';

const LINK = '#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025';

/**
 * Timed in the page: from a click on `selector` (or a change of the select) to the next
 * frame after `drawn` matches, so Playwright's polling adds nothing.
 */
async function clickToDrawn(page: Page, act: { click: string } | { select: string; value: string }, drawn: string): Promise<number> {
  return page.evaluate(
    ({ act, drawn }) =>
      new Promise<number>((resolve) => {
        let t0 = 0;
        const observer = new MutationObserver(() => {
          if (!document.querySelector(drawn)) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        t0 = performance.now();
        if ('click' in act) (document.querySelector(act.click) as HTMLElement).click();
        else {
          const select = document.querySelector(act.select) as HTMLSelectElement;
          select.value = act.value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
      }),
    { act, drawn },
  );
}

/** The app's ready signal: nothing of its own loading or running. */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'idle', undefined, { timeout: 120_000 });
}

/** The ranking, the funnel plot, the map and the area profile: how long each takes to draw, and what the map and the funnel cost. */
export default async function compare({ root, baseURL, browser, report }: BenchContext): Promise<void> {
  const assets = readdirSync(join(root, 'dist', 'assets'));
  const map = assets.find((f) => f.startsWith('england-utla-map-') && f.endsWith('.json'));
  if (map) report('map boundaries, fetched only when a map is shown (gzip)', gzipSync(readFileSync(join(root, 'dist', 'assets', map))).length / 1024, 'KB');
  const mapJs = assets.filter((f) => f.startsWith('CompareMap-') && f.endsWith('.js'));
  let mapJsGz = 0;
  for (const f of mapJs) mapJsGz += gzipSync(readFileSync(join(root, 'dist', 'assets', f))).length;
  report('map code, loaded only when a map is shown (gzip)', mapJsGz / 1024, 'KB');
  let funnelJsGz = 0;
  for (const f of assets.filter((f) => f.startsWith('CompareFunnel-') && f.endsWith('.js'))) funnelJsGz += gzipSync(readFileSync(join(root, 'dist', 'assets', f))).length;
  report('funnel plot code, loaded only when a funnel is shown (gzip)', funnelJsGz / 1024, 'KB');

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseURL}/${LINK}`);
  // Ready first: the whole bundle in IndexedDB (a first visit draws before it is, db/first-look.svelte.ts).
  await idle(page);
  // Warm: measure a fresh load of the view.
  let t0 = Date.now();
  await page.goto('about:blank');
  await page.goto(`${baseURL}/${LINK}`);
  await page.locator('[data-testid="ranked-svg"] rect.bar').first().waitFor();
  report('ranked chart of every authority drawn (return visit)', Date.now() - t0, 'ms');
  await idle(page);

  // Issue 11: the funnel plot drawn within 300 ms of the click (151 authorities, limits, overdispersion estimated).
  report('funnel plot drawn after the click (first time: its code fetched)', await clickToDrawn(page, { click: 'input[type="radio"][value="funnel"]' }, '[data-testid="funnel-svg"] path.limit'), 'ms');
  report(
    'funnel plot redrawn with the additive overdispersion adjustment',
    await clickToDrawn(page, { select: '#overdispersion-select', value: 'additive' }, '[data-testid="funnel-svg"] [data-overdispersion="additive"]'),
    'ms',
  );
  await page.getByRole('radio', { name: 'Ranked' }).check();
  await page.locator('[data-testid="ranked-svg"] rect.bar').first().waitFor();

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
