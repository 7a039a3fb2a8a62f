import { expect, test } from '@playwright/test';

test('the area profile compares every indicator with England, the region and the neighbours', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  const table = page.getByRole('table', { name: 'Worcestershire: indicators against England' });
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const cells = async (name: string) => (await row(name).getByRole('cell').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());
  await expect(row('CP plan rate')).toBeVisible();
  // 2024-25, published: LAIT CPP_rate; England 40.6, West Midlands 40.3; the 2025-model neighbours average 35.04.
  expect(await cells('CP plan rate')).toEqual(['2024-25', '43.5', '39.8 to 47.4', '● Similar to England', '=62 of 151 (1 = highest)', '40.3', '35.0', '40.6', '13.8', '99.1']);
  // Second or later plans: 31.4% of plans started, a percentage with counts (EES d3), so a Wilson interval; lower is better.
  expect((await cells('Second or later CP plans %'))[3]).toBe('▲ Significantly higher than England (worse)');
  await expect(page.getByTestId('profile-svg').locator('g.spine-row')).toHaveCount(11);
});

test('the spine chart is driven by keyboard and its rows open the trend', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  const chart = page.getByRole('application', { name: /Worcestershire: every indicator against England/ });
  await chart.focus();
  const readout = page.locator('#profile-title').locator('xpath=ancestor::figure').locator('.chart-readout');
  await expect(readout).toContainText('Children in need rate, 2024-25: Worcestershire 302.9 per 10,000 children');
  await page.keyboard.press('ArrowDown');
  await expect(readout).toHaveText(
    'CP plan rate, 2024-25: Worcestershire 43.5 per 10,000 children; similar to England; England 40.6; West Midlands 40.3; neighbours’ average 35.0; authorities range from 13.8 to 99.1',
  );
  await page.getByRole('link', { name: 'Section 47 rate' }).click();
  await expect(page).toHaveURL(/#\/area\/E10000034\?indicator=s47_rate/);
  await expect(page.getByRole('heading', { name: /Section 47 enquiries started in the year/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Section 47 enquiries.*Worcestershire/ }).getByRole('rowheader', { name: /Neighbours’ average/ })).toBeVisible();
});
