import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LINK = '/#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025';

/**
 * Published DfE CPP_rate (children on a CP plan at 31 March per 10,000), LAIT
 * extract of 8 April 2026 (data/source/dfe_lait_bds_long_csc_subset_2016_2025.csv),
 * 2016 to 2025, as read from the file for this test.
 */
const PUBLISHED: Record<string, number[]> = {
  Worcestershire: [41.0, 44.5, 36.3, 34.9, 44.5, 38.4, 38.2, 47.8, 49.8, 43.5],
  Walsall: [57.7, 50.4, 60.9, 57.3, 35.0, 29.6, 29.0, 24.1, 28.2, 31.6],
  Solihull: [44.5, 39.7, 44.2, 43.9, 33.0, 31.8, 40.9, 38.2, 39.4, 36.0],
  Herefordshire: [64.6, 32.9, 56.9, 32.1, 31.5, 31.6, 84.7, 65.6, 59.3, 40.4],
};
const YEARS = ['2015-16', '2016-17', '2017-18', '2018-19', '2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25'];

async function tableCells(page: Page, rowName: string): Promise<string[]> {
  const table = page.getByRole('table', { name: /Children on a child protection plan/ });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: rowName, exact: true }) });
  return row.getByRole('cell').allTextContents();
}

test('a shared Compare link shows the published CP plan rates for four partnerships', async ({ page }) => {
  await page.goto(LINK);
  const table = page.getByRole('table', { name: /Children on a child protection plan/ });
  await expect(table).toBeVisible();
  const headers = await table.getByRole('columnheader').allTextContents();
  expect(headers.slice(1)).toEqual(YEARS);

  for (const [area, values] of Object.entries(PUBLISHED)) {
    const cells = await tableCells(page, area);
    expect(cells.map((c) => c.trim()), area).toEqual(values.map((v) => v.toFixed(1)));
  }
});

test('England and the West Midlands are drawn as reference lines', async ({ page }) => {
  await page.goto(LINK);
  const svg = page.getByTestId('trend-svg');
  await expect(svg).toBeVisible();
  const england = svg.locator('g.series[data-role="england"] path');
  await expect(england).toHaveCount(1);
  // A drawn line has a path with one point per year: M plus nine L segments.
  // The path is there before the figures arrive, so wait for it to be drawn through.
  await expect.poll(async () => (await england.getAttribute('d'))?.match(/L/g)?.length).toBe(9);
  await expect(svg.locator('g.series[data-role="region"][data-area="E12000005"] path')).toHaveCount(1);
  expect(await tableCells(page, 'England (benchmark)')).toContain('40.6');
  await expect(page.getByRole('figure', { name: /Children on a child protection plan/ })).toContainText('England 40.6');
});

test('changing the indicator updates the URL and a reload restores the view', async ({ page }) => {
  await page.goto(LINK);
  await page.getByLabel('Indicator').selectOption({ label: 'Re-referrals within 12 months of a previous referral, % of referrals' });
  await expect(page).toHaveURL(/indicator=rereferral_pct/);
  await page.reload();
  await expect(page.getByLabel('Indicator')).toHaveValue('rereferral_pct');
  await expect(page.getByRole('table', { name: /Re-referrals within 12 months/ })).toBeVisible();
});

test('areas are added by typing and removed with their chip button', async ({ page }) => {
  await page.goto(LINK);
  const input = page.getByRole('combobox', { name: 'Add an area' });
  await input.fill('dudl');
  await page.getByRole('option', { name: /Dudley/ }).click();
  await expect(page).toHaveURL(/areas=E10000034,E08000030,E08000029,E06000019,E08000027/);
  await expect(page.getByRole('table', { name: /Children on a child protection plan/ }).getByRole('rowheader', { name: 'Dudley', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Walsall' }).click();
  await expect(page.getByRole('rowheader', { name: 'Walsall', exact: true })).toHaveCount(0);
  await expect(page).not.toHaveURL(/E08000030/);
});

test('a garbled link shows a message and a sensible view, not a blank page', async ({ page }) => {
  await page.goto('/#/compare?areas=E10000034,<script>,E99999999&indicator=nonsense&from=abc&to=1999');
  await expect(page.getByRole('status')).toContainText('is not an area code');
  await expect(page.getByRole('status')).toContainText('There is no indicator “nonsense”');
  await expect(page.getByRole('table', { name: /Children on a child protection plan/ }).getByRole('rowheader', { name: 'Worcestershire', exact: true })).toBeVisible();
  await page.goto('/#/nowhere');
  await expect(page.getByRole('status')).toContainText('There is no “nowhere” page');
  await expect(page.getByRole('heading', { name: 'Compare partnerships' })).toBeVisible();
});

test('the trend chart is one tab stop that reads values out with the arrow keys', async ({ page }) => {
  await page.goto(LINK);
  const chart = page.getByRole('application', { name: /Children on a child protection plan/ });
  await chart.focus();
  await expect(page.getByRole('figure', { name: /Children on a child protection plan/ }).locator('.chart-readout')).toHaveText('Worcestershire, 2024-25: 43.5 per 10,000 children');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('figure', { name: /Children on a child protection plan/ }).locator('.chart-readout')).toHaveText('Walsall, 2023-24: 28.2 per 10,000 children');
});

test('the trend chart is drawn before what is below it (its table, the theme picker, the ranking), which follows once the trend is painted', async ({ context }) => {
  // A page of its own: the fixture's page would wait on goto for everything, ranking included.
  const page = await context.newPage();
  // What the page holds the moment the trend's first line is drawn.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="trend-svg"] g.series path[d]')) return;
      observer.disconnect();
      (window as unknown as { withTrend: Record<string, boolean> }).withTrend = {
        ranking: [...document.querySelectorAll('legend')].some((l) => l.textContent?.includes('Every authority as')),
        table: document.getElementById('trend-table') !== null,
        themePicker: document.getElementById('compare-theme') !== null,
      };
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(LINK);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'idle');
  await expect(page.getByRole('group', { name: 'Every authority as' })).toBeVisible();
  await expect(page.getByRole('figure', { name: /every local authority ranked/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Children on a child protection plan/ })).toBeVisible();
  await expect(page.getByLabel('Mark the years a partnership named this theme as a priority')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { withTrend?: Record<string, boolean> }).withTrend)).toEqual({ ranking: false, table: false, themePicker: false });
});
