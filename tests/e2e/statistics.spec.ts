import { type Locator, type Page } from '@playwright/test';
import { expect, settled, test } from './fixtures';

/**
 * Is the difference real? (issue 11): the recent trend of each chosen area, the level
 * of the comparison with England, and the verdict in words, on Compare and the area page.
 *
 * The trends are worked out from the bundled CP plan figures (data/bundle.json, series
 * cpp_rate: LAIT CPP_rate, 8 April 2026 release, with the children on plans at 31 March
 * from EES d5_cpps_at31march_by_duration_2013_to_2025.csv over ONS mid-year 0–17
 * populations), 2020-21 to 2024-25, by Fingertips' method: Byar 95% intervals, SE =
 * width / 3.92, inverse-variance weighted slope, significant when χ² > 9.5495 and every
 * leave-one-out refit keeps the sign.
 *
 * - Worcestershire 38.4 (451 of 117,526), 38.2 (450 / 117,810), 47.8 (569 / 118,963),
 *   49.8 (596 / 119,662), 43.5 (522 / 120,119): slope +2.17 a year, SE 0.598, χ² 13.2;
 *   leave-one-out slopes 1.90, 1.76, 2.13, 1.62, 4.36, all positive → increasing.
 * - Walsall 29.6, 29.0, 24.1, 28.2, 31.6 (203, 198, 167, 199, 227): χ² 0.21 → no significant change.
 * - Solihull 31.8, 40.9, 38.2, 39.4, 36.0: χ² 0.85, and leaving out 2020-21 turns the slope → no significant change.
 * - Herefordshire 31.6, 84.7, 65.6, 59.3, 40.4: χ² 2.23 → no significant change.
 * - England 42.4, 43.3, 42.7, 41.4, 40.6 (50,010 of 11,787,794 … 49,420 of 12,183,016):
 *   slope −0.555, SE 0.059, χ² 88 → decreasing.
 * CP plan rate has no polarity (neither higher nor lower is better), so no "getting better / worse".
 */
const LINK = '/#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025';
const TRENDS: Record<string, string> = {
  Worcestershire: '↑ increasing',
  Walsall: '→ no significant change',
  Solihull: '→ no significant change',
  Herefordshire: '→ no significant change',
  'England (benchmark)': '↓ decreasing',
};

function summaryTable(page: Page): Locator {
  return page.getByRole('table', { name: /CP plan rate, 2024-25: chosen areas and benchmarks/ });
}

/** The text of one row's cell under the column named `header` (cells after the row header). */
async function cellUnder(table: Locator, row: string, header: string | RegExp): Promise<string> {
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/\s+/g, ' ').trim());
  const col = headers.findIndex((h) => (typeof header === 'string' ? h === header : header.test(h)));
  expect(col, `a column “${header}” among ${headers.join(' | ')}`).toBeGreaterThan(0);
  const tr = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: row, exact: true }) });
  const text = await tr.getByRole('cell').nth(col - 1).textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

test('Compare’s summary table gives each area’s recent trend, read after its comparison with England', async ({ page }) => {
  await page.goto(LINK);
  const table = summaryTable(page);
  await expect(table).toBeVisible();
  for (const [area, words] of Object.entries(TRENDS)) expect(await cellUnder(table, area, 'Recent trend'), area).toBe(words);
  // The neighbours' average has no interval, so no trend.
  expect(await cellUnder(table, 'Neighbours’ average (neighbours benchmark)', 'Recent trend')).toBe('–');

  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  expect(headers.slice(0, 5)).toEqual(['Area', 'Value', 'Compared with England (95%)', 'Recent trend', '95% confidence interval']);
});

test('the level control names its level in every verdict, widens the intervals, and is kept in the link', async ({ page }) => {
  await page.goto(LINK);
  const table = summaryTable(page);
  const at95 = await cellUnder(table, 'Worcestershire', '95% confidence interval');
  await page.getByLabel('Compare with England at').selectOption('99.8');
  await settled(page);
  await expect(page).toHaveURL(/level=99\.8/);
  await expect(table.getByRole('columnheader', { name: 'Compared with England (99.8%)' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Compared with England (95%)' })).toHaveCount(0);
  // Worcestershire's 522 children: the 99.8% interval contains the 95% one.
  const [lo95, hi95] = at95.split(' to ').map(Number) as [number, number];
  const [lo, hi] = (await cellUnder(table, 'Worcestershire', '99.8% confidence interval')).split(' to ').map(Number) as [number, number];
  expect(lo).toBeLessThan(lo95);
  expect(hi).toBeGreaterThan(hi95);
  await expect(page.getByRole('region', { name: /In words/ }).getByRole('listitem').first()).toContainText('(99.8% level)');
  await page.locator('summary').filter({ hasText: /^All \d+ local authorities$/ }).click();
  await expect(page.getByRole('table', { name: /all \d+ local authorities in rank order/ }).getByRole('columnheader', { name: 'Compared with England (99.8%)' })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Compare with England at')).toHaveValue('99.8');
  await page.getByLabel('Compare with England at').selectOption('95');
  await settled(page);
  await expect(page).not.toHaveURL(/level=/);
});

test('In words: one sentence per chosen area, also the CSV’s last column', async ({ page }) => {
  await page.goto(LINK);
  const words = page.getByRole('region', { name: 'In words, 2024-25' });
  await expect(words.getByRole('listitem')).toHaveText([
    'Worcestershire’s CP plan rate (43.5 per 10,000 children) has been increasing over the five years to 2024-25 and is similar to England’s (40.6) in 2024-25 (95% level).',
    // Walsall 31.6 from 227 of 71,799: its interval (27.6 to 36.0) lies wholly below England's 40.6.
    'Walsall’s CP plan rate (31.6 per 10,000 children) has shown no significant change over the five years to 2024-25 and is significantly lower than England’s (40.6) in 2024-25 (95% level).',
    'Solihull’s CP plan rate (36.0 per 10,000 children) has shown no significant change over the five years to 2024-25 and is similar to England’s (40.6) in 2024-25 (95% level).',
    'Herefordshire’s CP plan rate (40.4 per 10,000 children) has shown no significant change over the five years to 2024-25 and is similar to England’s (40.6) in 2024-25 (95% level).',
  ]);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV: CP plan rate, 2024-25: chosen areas/ }).click()]);
  const stream = await csv.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const lines = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]!.split(',').at(-1)).toBe('In words');
  expect(lines[2]).toMatch(/,"Walsall’s CP plan rate \(31\.6 per 10,000 children\) has shown no significant change over the five years to 2024-25 and is significantly lower than England’s \(40\.6\) in 2024-25 \(95% level\)\."$/);
});

test('the neighbours’ average can be the median, and the link keeps it', async ({ page }) => {
  await page.goto(LINK);
  const table = summaryTable(page);
  const row = 'Neighbours’ average (neighbours benchmark)';
  // Worcestershire's ten 2025-model neighbours, LAIT CPP_rate 2024-25: mean 35.04 (ranking spec).
  expect(await cellUnder(table, row, 'Value')).toBe('35.0');
  await page.getByLabel('Neighbours’ average').selectOption('median');
  await settled(page);
  await expect(page).toHaveURL(/average=median/);
  expect(await cellUnder(table, row, /^Compared with England/)).toMatch(/^median of Worcestershire’s 10 neighbours/);
  expect(await cellUnder(table, row, 'Value')).not.toBe('35.0');
});

test('on a phone the verdict and trend of each area are read without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(LINK);
  const table = summaryTable(page);
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Herefordshire', exact: true }) });
  for (const text of ['Similar to England', 'no significant change']) {
    const box = (await row.getByText(text).boundingBox())!;
    expect(box.x + box.width, text).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('the area page gives each indicator’s recent trend, and its level is in the link', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  const table = page.getByRole('table', { name: 'Worcestershire: indicators against England' });
  await expect(table).toBeVisible();
  expect(await cellUnder(table, 'CP plan rate', 'Recent trend')).toBe(TRENDS.Worcestershire);
  // Every profile row says its trend or why it has none; social workers' caseload is an average, which has no interval.
  expect(await cellUnder(table, 'Social worker caseload', 'Recent trend')).toBe('– cannot be calculated (an average has no interval to weight by)');

  await page.getByLabel('Compare with England at').selectOption('99.8');
  await settled(page);
  await expect(page).toHaveURL(/#\/area\/E10000034\?.*level=99\.8/);
  await expect(table.getByRole('columnheader', { name: 'Compared with England (99.8%)' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '99.8% confidence interval' })).toBeVisible();
});

test('said and seen gives each linked measure’s recent trend', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  // Domestic abuse concerning the parent, Worcestershire (c3_factors_identified_at_end_of_assessment_2018_to_2025.csv):
  // 2020-21 to 2024-25, 2,032 of 5,176 (39.3%), 1,636 / 4,717 (34.7%), 1,904 / 5,002 (38.1%), 1,811 / 4,833 (37.5%),
  // 1,772 / 4,693 (37.8%). Wilson 95% intervals weight each year; slope −0.04 a year, SE 0.22, χ² 0.03 → no significant change.
  const da = page
    .getByRole('table', { name: 'Worcestershire: said and seen, by theme' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Domestic abuse', exact: true }) });
  await expect(da).toContainText('Factor: domestic abuse (parent) %: 37.8% in 2024-25');
  await expect(da).toContainText('recent trend → no significant change');
});
