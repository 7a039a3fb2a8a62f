/**
 * Spreadsheets as government publishes them, imported through the Data page as a user
 * would (issue 16): a DfE main table with the year only in its title and footnotes
 * below, the same table next year, Ofsted's inspection outcomes as published (.ods),
 * and an EES data set zip with its .meta.csv.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mainTableRows, makeEesZip, toCsv } from '../fixtures/published';
import { makeXlsx } from '../fixtures/xlsx';
import { expect, settled, test } from './fixtures';

let dir = '';
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lens-published-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test.beforeEach(async ({ page }) => {
  await page.goto('/#/data');
  await expect(page.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
});

async function importFile(page: Page, path: string) {
  await page.getByLabel('Import data').setInputFiles(path);
  await settled(page);
}

const RATE_AT_31_MARCH = 'Column J';

test('a main table with the year only in its title: proposed, footnotes left out, one column chosen and renamed; a bad figure keeps the choices; next year’s edition is read the same way', async ({ page }) => {
  const bad = mainTableRows();
  bad[10]![9] = 'abc';
  const path = join(dir, 'd1_2018.csv');
  writeFileSync(path, toCsv(bad));
  await importFile(page, path);

  await expect(page.getByRole('heading', { name: 'Check how d1_2018.csv is read' })).toBeVisible();
  await expect(page.getByLabel('Year column')).toHaveValue('');
  await expect(page.getByLabel('Year of every figure')).toHaveValue('2017-18');
  await expect(page.getByText(/title row 2 \(“Year: 2017-18”\): 2017-18/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Column [C-J]$/ })).toHaveCount(8);
  await expect(page.getByText('8 rows of data; not imported: 4 notes rows, 1 subtotal row, 4 blank rows.')).toBeVisible();
  for (const c of 'CDEFGHI') await page.getByRole('checkbox', { name: `Column ${c}`, exact: true }).uncheck();
  await expect(page.getByLabel('Name of column J')).toHaveValue('Children who were the subject of a plan at 31 March: rate per 10,000 children');
  await expect(page.getByLabel('Unit of column J')).toHaveValue('rate_per_10000');
  await page.getByLabel('Name of column J').fill('CP plan rate (main tables)');
  await page.getByLabel('Polarity of column J').selectOption('lower_is_better');
  await page.getByRole('button', { name: 'Import d1_2018.csv' }).click();

  // The bad figure is named by row and column; nothing is stored; the choices are still there.
  await expect(page.getByRole('alert').filter({ hasText: 'The last try did not import' })).toContainText('d1_2018.csv, row 11, column “Rate per 10,000 children2”: “abc” is not a number');
  await expect(page.getByLabel('Name of column J')).toHaveValue('CP plan rate (main tables)');
  await expect(page.getByLabel('Polarity of column J')).toHaveValue('lower_is_better');
  await expect(page.getByRole('checkbox', { name: 'Column C', exact: true })).not.toBeChecked();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The corrected file: imported with the figures as published.
  const good = join(dir, 'd1_2018_fixed.csv');
  writeFileSync(good, toCsv(mainTableRows()));
  await importFile(page, good);
  await expect(page.getByText('This table has the layout of', { exact: false })).toHaveCount(0);
  for (const c of 'CDEFGHI') await page.getByRole('checkbox', { name: `Column ${c}`, exact: true }).uncheck();
  await page.getByLabel('Name of column J').fill('CP plan rate (main tables)');
  await page.getByRole('button', { name: 'Import d1_2018_fixed.csv' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Imported d1_2018_fixed.csv' });
  await expect(done).toContainText('8 figures');
  await expect(done).toContainText('Not imported: 4 notes rows, 1 subtotal row, 4 blank rows.');

  // Next year's edition: the layout is recognised and the mapping offered again, with the new year.
  const next = join(dir, 'd1_2019.csv');
  writeFileSync(next, toCsv(mainTableRows('2018-19', 2019)));
  await importFile(page, next);
  await expect(page.getByText('This table has the layout of d1_2018_fixed.csv')).toBeVisible();
  await expect(page.getByLabel('Year of every figure')).toHaveValue('2018-19');
  await expect(page.getByLabel('Name of column J')).toHaveValue('CP plan rate (main tables)');
  await expect(page.getByRole('checkbox', { name: 'Column C', exact: true })).not.toBeChecked();
  await page.getByRole('button', { name: 'Import d1_2019.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported d1_2019.csv' })).toContainText('1 indicator (0 new)');

  await page.goto('/#/compare?areas=E10000034,E08000030&indicator=cp_plan_rate_main_tables&from=2018&to=2019');
  const table = page.getByRole('table', { name: /^CP plan rate \(main tables\).*2017-18 to 2018-19$/ });
  const cells = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell');
  // tests/fixtures/published.ts D1_FIGURES: Worcestershire 37.5, Walsall 60.7, England 45.3 at 31 March.
  await expect(cells('Worcestershire')).toHaveText(['37.5', '37.5']);
  await expect(cells('Walsall')).toHaveText(['60.7', '60.7']);
  await expect(cells('England (benchmark)')).toHaveText(['45.3', '45.3']);
});

test('two sheets of a workbook in one import: the second, laid out as the first, is offered the same mapping with its own year', async ({ page }) => {
  const path = join(dir, 'main_tables.xlsx');
  writeFileSync(
    path,
    makeXlsx([
      { name: 'Contents', rows: [['Table D1 …'], ['Table D1b …']] },
      { name: 'D1', rows: mainTableRows() },
      { name: 'D1b', rows: mainTableRows('2018-19', 2019) },
    ]),
  );
  await importFile(page, path);
  await expect(page.getByLabel('Sheet', { exact: true })).toHaveValue('D1');
  await expect(page.getByRole('option', { name: 'Contents (notes)' })).toHaveCount(1);
  for (const c of 'CDEFGHI') await page.getByRole('checkbox', { name: `Column ${c}`, exact: true }).uncheck();
  await page.getByLabel('Name of column J').fill('CP plan rate (main tables)');
  await expect(page.getByLabel('and also sheet')).toHaveValue('D1b');
  await page.getByRole('button', { name: 'Add this sheet and map another' }).click();
  await settled(page);

  await expect(page.getByLabel('Sheet', { exact: true })).toHaveValue('D1b');
  await expect(page.getByText('This table has the layout of sheet “D1”')).toBeVisible();
  await expect(page.getByLabel('Year of every figure')).toHaveValue('2018-19');
  await expect(page.getByLabel('Name of column J')).toHaveValue('CP plan rate (main tables)');
  await expect(page.getByRole('checkbox', { name: 'Column C', exact: true })).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Leave out sheet D1' })).toBeVisible();
  await page.getByRole('button', { name: 'Import main_tables.xlsx (2 sheets)' }).click();
  // 8 rows of data in each sheet, one column chosen (tests/fixtures/published.ts).
  await expect(page.getByRole('status').filter({ hasText: 'Imported main_tables.xlsx' })).toContainText('16 figures, 1 indicator (1 new)');

  // Renamed after import, with which way is better; the views follow.
  await page.getByLabel('New name for CP plan rate (main tables)').fill('Child protection plan rate, main tables');
  await page.getByLabel('Which way is better for CP plan rate (main tables)').selectOption('lower_is_better');
  await page.getByRole('button', { name: 'Save CP plan rate (main tables)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Child protection plan rate, main tables”.' })).toBeVisible();
  await page.goto('/#/compare?areas=E10000034&indicator=cp_plan_rate_main_tables&from=2018&to=2019');
  await expect(page.getByRole('table', { name: /^Child protection plan rate, main tables.*2017-18 to 2018-19$/ })).toBeVisible();
});

test('Ofsted’s inspection outcomes (.ods as published) import as the ordinal judgements', async ({ page }) => {
  // data/source/ holds a byte copy of the file in ../shared/data.
  await importFile(page, 'data/source/LA_Inspection_Outcomes_as_at_31_March_2025.ods');
  await expect(page.getByRole('heading', { name: 'Check how LA_Inspection_Outcomes_as_at_31_March_2025.ods is read' })).toBeVisible();
  await expect(page.getByText(/OpenDocument spreadsheet, sheet “Inspections_as_at_31_March”/)).toBeVisible();
  await expect(page.getByLabel('Sheet', { exact: true })).toHaveValue('Inspections_as_at_31_March');
  await expect(page.getByLabel('Year of every figure')).toHaveValue('2024-25');
  await expect(page.getByRole('checkbox', { name: 'Column G (Ofsted judgements, an ordered scale)' })).toBeChecked();
  await expect(page.getByLabel('Add to (column G)')).toHaveValue('ilacs_overall');
  await page.getByRole('button', { name: 'Import LA_Inspection_Outcomes_as_at_31_March_2025.ods' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Imported LA_Inspection_Outcomes_as_at_31_March_2025.ods' });
  await expect(done).toContainText('5 indicators (0 new)');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // No view draws judgements yet (the area page's inspection row is issue 12's); the held-data table shows them stored,
  // and tests/unit/import/published.test.ts checks Worcestershire Good and Herefordshire Inadequate against the file.
  const row = page.getByRole('table', { name: 'Data held in this browser' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /LA_Inspection_Outcomes/ }) });
  // Sheet Inspections_as_at_31_March: 153 authorities × 5 judgements, none refused.
  await expect(row.getByRole('cell').nth(1)).toHaveText('765');
});

test('an EES data set zip as downloaded: its .meta.csv names the indicators', async ({ page }) => {
  const path = join(dir, 'awaiting-assessment.zip');
  writeFileSync(path, makeEesZip());
  await importFile(page, path);
  // Its `characteristic` filter, named by the .meta.csv, is a breakdown: the total alone by default.
  const values = page.getByRole('group', { name: /^Breakdowns by Age of child \(characteristic\): values to import/ });
  await expect(values.getByRole('checkbox', { name: 'Total (the total)' })).toBeChecked();
  await expect(values.getByRole('checkbox', { name: 'Under 1' })).not.toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: /series: 2 columns of figures/ })).toHaveText(/^2 series/);
  await page.getByRole('button', { name: 'Import awaiting-assessment.zip' }).click();
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported awaiting-assessment.zip' })).toBeVisible();
  await page.goto('/#/compare?areas=E10000034&indicator=awaiting_assessment_percent');
  await expect(page.getByRole('table', { name: /^Share of referrals awaiting an assessment/ }).first()).toBeVisible();
});
