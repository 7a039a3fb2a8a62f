import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, settled, test, waitsForApp } from './fixtures';

/**
 * A first visit draws a shared Compare link from the core of the bundled data
 * (src/lib/model/bundle-parts.ts), held in memory while the library is created and
 * filled (src/lib/db/first-look.svelte.ts, core-view.ts), and reads as ready only once all of it is
 * stored; then the view reads the library. The rest is held back here until the test
 * lets it go, so the order is certain on any machine; no time is measured.
 */
const LINK = '/#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025';

test('a shared Compare link is drawn from the core while the rest of the bundle loads, and nothing is drawn twice', async ({ context }) => {
  // A page of its own: the fixture's page would wait on goto for the whole bundle.
  const page = await context.newPage();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/assets/bundle-rest-*.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(LINK);

  const table = page.getByRole('table', { name: /Children on a child protection plan/ });
  // No ready signal to wait on while the rest is held: the wait is bounded by the test's own timeout.
  await expect(table).toBeVisible({ timeout: 0 });
  const walsall = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Walsall', exact: true }) });
  await expect(walsall).toContainText('31.6');
  await expect(page.getByRole('figure', { name: /every local authority ranked/ })).toBeVisible({ timeout: 0 });
  // The header is whole already: nothing in it appears when the rest arrives.
  const hint = page.getByRole('banner').getByText('Add your own figures or minutes on the Data page.');
  await expect(hint).toBeVisible({ timeout: 0 });
  // Not ready: the rest of the bundled data is not in yet.
  expect(await page.evaluate(() => document.documentElement.dataset.app)).toBe('loading');

  // Another view needs the rest, and says it is loading rather than drawing part of it.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Themes' }).click();
  await expect(page.getByText('Loading the bundled figures…')).toBeVisible({ timeout: 0 });
  await page.goBack();
  await expect(table).toBeVisible({ timeout: 0 });
  // The chart's nodes, marked, must be the same nodes once the rest is in (no second layout).
  await page.getByTestId('trend-svg').evaluate((svg) => svg.setAttribute('data-first', 'yes'));

  release();
  await page.waitForFunction(() => document.documentElement.dataset.app === 'idle', undefined, { timeout: 0 });
  await expect(page.getByTestId('trend-svg')).toHaveAttribute('data-first', 'yes');
  await expect(hint).toBeVisible();
  await expect(walsall).toContainText('31.6');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Themes' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Themes/ })).toBeVisible({ timeout: 0 });
});

test('a first visit does not create the library until the first view is drawn, and fills it after', async ({ context }) => {
  const page = await context.newPage();
  // Every request to open a database, with whether the chart was on the page then.
  await page.addInitScript(() => {
    const opens: { name: string; chartDrawn: boolean }[] = [];
    (window as unknown as { opens: typeof opens }).opens = opens;
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      opens.push({ name, chartDrawn: document.querySelector('[data-testid="trend-svg"] g.series path[d]') !== null });
      return version === undefined ? open.call(this, name) : open.call(this, name, version);
    };
  });
  await page.goto(LINK);
  await settled(page);
  const opens = await page.evaluate(() => (window as unknown as { opens: { name: string; chartDrawn: boolean }[] }).opens);
  expect(opens.filter((o) => o.name === 'safeguarding-lens').length).toBeGreaterThan(0);
  expect(opens.filter((o) => o.name === 'safeguarding-lens' && !o.chartDrawn)).toEqual([]);
  // The library holds the whole bundle all the same, and the view reads it.
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toContain('safeguarding-lens');
  const table = page.getByRole('table', { name: /Children on a child protection plan/ });
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Walsall', exact: true }) })).toContainText('31.6');
});

test('after the first look the view follows the library: figures imported in another tab show in it', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(LINK);
  await settled(page);
  // The first view was drawn from the core held in memory (first-look.svelte.ts), not from the library,
  // and the core answered every read it made: none waited for the library (core-view.ts).
  expect(await page.evaluate(() => performance.getEntriesByName('bundle: hold core in memory').length)).toBe(1);
  expect(await page.evaluate(() => performance.getEntriesByName('first look: left to the library').length)).toBe(0);
  const table = page.getByRole('table', { name: /Children on a child protection plan/ });
  const walsall = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Walsall', exact: true }) });
  await expect(walsall).toContainText('31.6');
  await page.getByTestId('trend-svg').evaluate((svg) => svg.setAttribute('data-first', 'yes'));

  // Another tab imports figures for Walsall over the bundled ones, made up for the test: 31.9 in 2024-25 (LAIT's is 31.6).
  const dir = mkdtempSync(join(tmpdir(), 'lens-first-look-'));
  try {
    const file = join(dir, 'walsall-2025.csv');
    writeFileSync(file, ['Area,2023-24,2024-25', 'Walsall,50.1,31.9'].join('\n'));
    const other = waitsForApp(await context.newPage());
    await other.goto('/#/data');
    await other.getByLabel('Import data').setInputFiles(file);
    await settled(other);
    await other.getByLabel('The figures are').selectOption({ label: 'Children on a child protection plan at 31 March, rate per 10,000 children' });
    await other.getByRole('button', { name: 'Import walsall-2025.csv' }).click();
    await settled(other);
    await expect(other.getByRole('status').filter({ hasText: 'Imported walsall-2025.csv' })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The first tab, still on the view it first drew, shows the import: it reads the library now.
  await expect(walsall).toContainText('31.9');
  await expect(page.getByTestId('trend-svg')).toHaveAttribute('data-first', 'yes');
});

test('a first visit to a view the core cannot draw (an area page) has no first look: it waits for the library, as it would anyway', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  await expect(page.getByRole('heading', { level: 2, name: /Worcestershire/ })).toBeVisible();
  expect(await page.evaluate(() => performance.getEntriesByName('bundle: hold core in memory').length)).toBe(0);
});
