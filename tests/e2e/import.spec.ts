import { expect, settled, test } from './fixtures';
import { join } from 'node:path';
import { storeCounts } from './helpers';

const SOURCE = join(import.meta.dirname, '..', '..', 'data', 'source');

test('an EES tidy CSV imported through the labelled input shows its figures in the Compare table', async ({ page }) => {
  await page.goto('/#/data');
  await expect(page.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
  const before = await storeCounts(page);

  await page.getByLabel('Import data').setInputFiles(join(SOURCE, 'c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv'));
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv' })).toBeVisible();
  const after = await storeCounts(page);
  expect(after.imports).toBe(before.imports + 1);
  // Six of its twelve figure columns are bundled indicators (referrals, re-referrals, no further action and not in need); the other six are new.
  expect(after.indicators).toBe(before.indicators + 6);

  // An unknown numeric column, kept as a new indicator with its column name as label; Herefordshire's 2024 figure is "u".
  await page.goto('/#/compare?areas=E10000034,E06000019&indicator=re_referrals_child_percent&from=2013&to=2024');
  const table = page.getByRole('table', { name: /^Re_referrals_child_percent.*, \d{4}-\d{2} to \d{4}-\d{2}$/ });
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell');
  await expect(row('Worcestershire')).toHaveText(['14.3%', '13.3%', '13.0%', '17.5%', '19.7%', '23.6%', '15.9%', '23.1%', '21.1%', '20.2%', '19.0%', '19.9%']);
  await expect(row('Herefordshire').last()).toHaveText('u');
  // The picker keeps the file's own indicators apart from the published figures. (Playwright's
  // role queries name an optgroup without its label, so the groups are found by their label.)
  const picker = page.getByRole('combobox', { name: 'Indicator' });
  await expect(picker).toHaveValue('re_referrals_child_percent');
  await expect(picker.locator('optgroup[label="From c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv"]').getByRole('option', { name: 'Re_referrals_child_percent' })).toBeAttached();
  await expect(picker.locator('optgroup[label="Published figures"]').getByRole('option', { name: 'Children on a child protection plan at 31 March, rate per 10,000 children' })).toBeAttached();

  // A known column (Referrals_rate) lands on referral_rate, adding the years before LAIT's 2016.
  await page.goto('/#/compare?areas=E10000034&indicator=referral_rate&from=2013&to=2015');
  await expect(page.getByRole('table', { name: /^Referrals to children’s social care.*, \d{4}-\d{2} to \d{4}-\d{2}$/ }).getByRole('row').filter({ hasText: 'Worcestershire' }).getByRole('cell')).toHaveText([
    '275.7',
    '299.7',
    '354.5',
  ]);
});

test('the LAIT extract imports (measure codes mapped, new measures labelled from "Data item")', async ({ page }) => {
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles(join(SOURCE, 'dfe_lait_bds_long_csc_subset_2016_2025.csv'));
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported dfe_lait_bds_long_csc_subset_2016_2025.csv' })).toBeVisible({ timeout: 60_000 });

  await page.goto('/#/compare?areas=E10000034&indicator=cpp_abuse_rate');
  const table = page.getByRole('table', { name: /^Rate per 10K - Children becoming subject of a CPP.*, \d{4}-\d{2} to \d{4}-\d{2}$/ });
  await expect(table.getByRole('row').filter({ hasText: 'Worcestershire' }).getByRole('cell')).toHaveText(['55.1', '58.3', '58.4', '49.6', '64.3', '56.9', '53.5', '65.1', '62.9', '59.2']);
});
