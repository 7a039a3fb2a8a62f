import { expect, settled, test } from './fixtures';

/**
 * Ready for the committee room (issue 13): what a councillor sees on a laptop, a phone,
 * in presentation mode and on paper keeps the figures' meaning in sight.
 */

test('every panel that opens shows a disclosure marker, turned when open', async ({ page }) => {
  await page.goto('/#/compare?map=1');
  const summaries = page.locator('summary');
  await expect(summaries.filter({ hasText: 'Statistical neighbours of Worcestershire' })).toBeVisible();
  await expect(summaries.filter({ hasText: /^All \d+ local authorities$/ })).toBeVisible();
  const markers = await summaries.evaluateAll((els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      const before = getComputedStyle(el, '::before').content;
      return { text: el.textContent?.trim(), marked: style.display === 'list-item' || (before !== 'none' && before !== 'normal' && before !== '""') };
    }),
  );
  expect(markers.length).toBeGreaterThanOrEqual(4);
  expect(markers.filter((m) => !m.marked)).toEqual([]);
});

test('a first-time hint says own files can be imported, until the first import', async ({ page }) => {
  await page.goto('/#/compare');
  const hint = page.getByRole('banner').getByText('Add your own figures or minutes on the Data page.');
  await expect(hint).toBeVisible();
  await expect(hint.getByRole('link', { name: 'Data' })).toHaveAttribute('href', '#/data');

  await page.goto('/#/data');
  await expect(hint).toBeHidden();
  // Two rows of DfE's c1 file (Worcestershire and England, 2024), as a user would import them.
  const csv = [
    'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,Referrals_rate',
    '2024,Reporting year,National,E92000001,England,,,,,,Referrals and Re-referrals,518.3',
    '2024,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,885,E10000034,Worcestershire,Referrals and Re-referrals,400.0',
  ].join('\n');
  await page.getByLabel('Import data').setInputFiles({ name: 'referrals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported referrals.csv' })).toBeVisible();

  await page.goto('/#/compare');
  await expect(page.getByRole('heading', { name: 'Compare partnerships' })).toBeVisible();
  await expect(hint).toBeHidden();
});
