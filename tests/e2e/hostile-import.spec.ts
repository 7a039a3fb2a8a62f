import { expect, settled, test } from './fixtures';
import { storeCounts } from './helpers';

/**
 * The hostile-input review's wide file (issue 14, item 4): a valid EES CSV with 10,000
 * rate columns and two rows (167 KB) used to import and then hang the area page. It is
 * refused before anything is stored, with the limit named, and the area page answers.
 */
function wideEes(n: number): string {
  const cols = Array.from({ length: n }, (_, i) => `Rate_${i}`);
  const head = ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'new_la_code', 'la_name', ...cols].join(',');
  const row = (code: string, name: string) => ['202425', 'Reporting year', 'Local authority', 'E92000001', code, name, ...cols.map((_, i) => (i % 90) + 1)].join(',');
  return [head, row('E10000034', 'Worcestershire'), row('E08000030', 'Walsall')].join('\n');
}

test('a file of 10,000 columns is refused naming the limit, nothing is stored, and the area page answers', async ({ page }) => {
  await page.goto('/#/data');
  await expect(page.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
  const before = await storeCounts(page);
  await page.getByLabel('Import data').setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(wideEes(10_000)) });
  await settled(page);
  const alert = page.getByRole('alert').filter({ hasText: 'wide.csv' });
  await expect(alert).toContainText('it has 10,006 columns, more than the 1,000 columns an import may have, so it was not read. Nothing was stored.');
  expect(await storeCounts(page)).toEqual(before);

  await page.goto('/#/area/E10000034');
  await expect(page.getByRole('heading', { level: 2, name: /Worcestershire/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Worcestershire/ }).first()).toBeVisible();
});
