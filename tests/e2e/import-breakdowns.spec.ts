/**
 * EES filters as breakdowns, through the Data page (issue 16, item 9): the mapping step
 * lists a filter's values, says how many series they make, imports the values chosen
 * and leaves the others out.
 *
 * The file is cut from DfE's `cla_number_and_rate_per_10k_children_2021_to_2025.csv`
 * (data/source, see its PROVENANCE.md), line for line: England, the West Midlands,
 * Worcestershire and Walsall in 2024 and 2025, with the `population_type` filter whose
 * three values have no total.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, settled, test } from './fixtures';

const SOURCE = join(import.meta.dirname, '..', '..', 'data', 'source', 'cla_number_and_rate_per_10k_children_2021_to_2025.csv');

function westMidlandsCut(): Buffer {
  const lines = readFileSync(SOURCE, 'utf8').split(/\r?\n/);
  const kept = lines.filter((l, i) => i === 0 || (/^202[45],/.test(l) && (/,National,/.test(l) || /,Regional,E92000001,England,E12000005,/.test(l) || /,(E10000034|E08000030),/.test(l))));
  return Buffer.from(`${kept.join('\n')}\n`);
}

test('an EES file with a filter: the values to import are chosen in the mapping step, each a breakdown', async ({ page }) => {
  await page.goto('/#/data');
  await expect(page.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
  await page.getByLabel('Import data').setInputFiles({ name: 'cla-west-midlands.csv', mimeType: 'text/csv', buffer: westMidlandsCut() });
  await settled(page);

  const values = page.getByRole('group', { name: /^Breakdowns by population_type: values to import/ });
  await expect(values).toBeVisible();
  // No total among the three: all are chosen. Three figure columns (population_estimate, children_count, rate_per_10000) × 3.
  const ceasing = values.getByRole('checkbox', { name: 'Children ceasing to be looked after each year' });
  await expect(ceasing).toBeChecked();
  const count = page.getByRole('status').filter({ hasText: /series: 3 columns of figures/ });
  await expect(count).toHaveText(/^9 series/);
  await ceasing.uncheck();
  await expect(count).toHaveText(/^6 series/);

  await page.getByRole('button', { name: 'Import cla-west-midlands.csv' }).click();
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported cla-west-midlands.csv' })).toContainText('8 rows of 1 population_type value not chosen were left out (“Children ceasing to be looked after each year”)');

  // The breakdowns the file brought, each saying what it breaks down by; the one left out is not among them.
  const imported = page.getByRole('table', { name: 'Imported indicators' });
  await expect(imported.getByText('Breakdown by population_type: Children starting to be looked after each year').first()).toBeVisible();
  await expect(imported.getByText(/Children ceasing/)).toHaveCount(0);

  // Worcestershire, children starting to be looked after in 2024-25: rate 24 per 10,000 (the file's rate_per_10000).
  await page.goto('/#/compare?areas=E10000034&indicator=rate_per_10000__children_starting_to_be_looked_after_each_year&from=2024&to=2025');
  const table = page.getByRole('table', { name: /^rate_per_10000 \(Children starting to be looked after each year\).*, 2023-24 to 2024-25$/ });
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Worcestershire', exact: true }) }).getByRole('cell')).toHaveText(['26.0', '24.0']);
  // The picker lists the breakdowns in a group of their own, named for the column they break down
  // (the file has no total of it). Playwright's role queries name an optgroup without its label.
  const picker = page.getByRole('combobox', { name: 'Indicator' });
  await expect(picker).toHaveValue('rate_per_10000__children_starting_to_be_looked_after_each_year');
  await expect(picker.locator('optgroup[label="Breakdowns of rate_per_10000 by population_type"]').getByRole('option', { name: 'rate_per_10000 (Children starting to be looked after each year)' })).toBeAttached();
});
