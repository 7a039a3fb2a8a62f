/**
 * EES filters as breakdowns, through the Data page (issue 16, item 9): the mapping step
 * lists a filter's values, says how many series they make, imports the values chosen
 * and leaves the others out; Compare and the area page list the measure once, with a
 * breakdown control beside it, and links name the measure and the value.
 *
 * The file is cut from DfE's `cla_number_and_rate_per_10k_children_2021_to_2025.csv`
 * (data/source, see its PROVENANCE.md), line for line: England, the West Midlands,
 * Worcestershire and Walsall in 2024 and 2025, with the `population_type` filter whose
 * three values have no total.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, Route } from '@playwright/test';
import { expect, settled, test } from './fixtures';

const SOURCE = join(import.meta.dirname, '..', '..', 'data', 'source', 'cla_number_and_rate_per_10k_children_2021_to_2025.csv');
const LAS = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'data', 'bundle.json'), 'utf8')) as { areas: { code: string; name: string; level: string }[] }).areas.filter(
  (a) => a.level === 'local_authority',
);

/**
 * The benchmark file's layout in small: a "Total" row for every authority and year, more
 * rows than the mapping step's first look (1,000), then the `groups`, one row each, for
 * Worcestershire in 2025. Every group is first met past the first 1,000 rows.
 */
function sortedByCharacteristic(groups: readonly string[]): Buffer {
  const lines = ['time_period,time_identifier,geographic_level,new_la_code,la_name,characteristic,Referrals_rate'];
  for (let y = 2019; y <= 2025; y++) for (const la of LAS) lines.push(`${y},Reporting year,Local authority,${la.code},"${la.name}",Total,${(y - 2000) * 10}.5`);
  if (lines.length <= 1001) throw new Error('the Total rows must outnumber the first look');
  groups.forEach((g, i) => lines.push(`2025,Reporting year,Local authority,E10000034,Worcestershire,${g},${100 + i}.0`));
  return Buffer.from(`${lines.join('\n')}\n`);
}

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
  // The first look read the whole file, so nothing is listed further down: the listing's
  // status stays empty and takes no room above the breakdowns.
  const outcome = page.getByRole('region', { name: 'Check how cla-west-midlands.csv is read' }).getByRole('status').filter({ hasText: /^$/ });
  await expect(outcome).toHaveCount(1);
  await expect(outcome).toHaveCSS('margin-top', '0px');
  await expect(outcome).toHaveCSS('margin-bottom', '0px');
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

  // Compare lists the measure once, its values in the breakdown control beside it. Children looked after
  // on 31 March are the published looked-after rate (known-columns.ts), so only the starting value is a breakdown here.
  await page.goto('/#/compare?areas=E10000034&from=2024&to=2025');
  const picker = page.getByRole('combobox', { name: 'Indicator', exact: true });
  await expect(picker.getByRole('option', { name: 'rate_per_10000', exact: true })).toHaveCount(1);
  await expect(picker.getByRole('option', { name: /Children starting/ })).toHaveCount(0);
  const breakdown = page.getByRole('combobox', { name: 'Breakdown: population_type' });
  await expect(breakdown).toHaveCount(0);
  await picker.selectOption({ label: 'rate_per_10000' });
  await settled(page);
  await expect(breakdown.getByRole('option')).toHaveText(['Children starting to be looked after each year']);
  // Worcestershire, children starting to be looked after: 26 and 24 per 10,000 in 2023-24 and 2024-25 (the file's rate_per_10000).
  await expect(worcestershire(page, 'Children starting to be looked after each year')).toHaveText(['26.0', '24.0']);

  // A link made before breakdowns had a parameter, naming the value's own indicator id, opens on the same figures, unremarked.
  await page.goto('/#/compare?areas=E10000034&indicator=rate_per_10000__children_starting_to_be_looked_after_each_year&from=2024&to=2025');
  await expect(worcestershire(page, 'Children starting to be looked after each year')).toHaveText(['26.0', '24.0']);
  await expect(picker).toHaveValue('rate_per_10000');
  await expect(breakdown).toHaveValue('children_starting_to_be_looked_after_each_year');
  await expect(page.getByText('Some of this link could not be used.')).toHaveCount(0);

  // A value the measure does not have (the one left out at import): its first value, with a message.
  await page.goto('/#/compare?areas=E10000034&indicator=rate_per_10000&breakdown=children_ceasing_to_be_looked_after_each_year&from=2024&to=2025');
  await expect(page.getByRole('status').filter({ hasText: 'Some of this link could not be used.' })).toContainText(
    '“children_ceasing_to_be_looked_after_each_year” is not a breakdown of “rate_per_10000”, so “Children starting to be looked after each year” is shown.',
  );
  await expect(worcestershire(page, 'Children starting to be looked after each year')).toHaveText(['26.0', '24.0']);
});

test('a breakdown chosen on Compare and on the area page: its figures, in the link, through a reload; the profile without breakdowns', async ({ page }) => {
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles({ name: 'cla-west-midlands.csv', mimeType: 'text/csv', buffer: westMidlandsCut() });
  await settled(page);
  await page.getByRole('button', { name: 'Import cla-west-midlands.csv' }).click();
  await settled(page);

  await page.goto('/#/compare?areas=E10000034&from=2024&to=2025');
  const picker = page.getByRole('combobox', { name: 'Indicator', exact: true });
  await picker.selectOption({ label: 'rate_per_10000' });
  await settled(page);
  const breakdown = page.getByRole('combobox', { name: 'Breakdown: population_type' });
  await expect(breakdown.getByRole('option')).toHaveText(['Children ceasing to be looked after each year', 'Children starting to be looked after each year']);
  // No total in the file: its first value is shown. Worcestershire, children ceasing to be looked after: 22 and 25 per 10,000.
  await expect(breakdown).toHaveValue('children_ceasing_to_be_looked_after_each_year');
  await expect(worcestershire(page, 'Children ceasing to be looked after each year')).toHaveText(['22.0', '25.0']);

  await breakdown.selectOption({ label: 'Children starting to be looked after each year' });
  await settled(page);
  await expect(worcestershire(page, 'Children starting to be looked after each year')).toHaveText(['26.0', '24.0']);
  await expect(page).toHaveURL(/[?&]indicator=rate_per_10000&breakdown=children_starting_to_be_looked_after_each_year(&|$)/);
  await page.reload();
  await expect(breakdown).toHaveValue('children_starting_to_be_looked_after_each_year');
  await expect(picker).toHaveValue('rate_per_10000');
  await expect(worcestershire(page, 'Children starting to be looked after each year')).toHaveText(['26.0', '24.0']);

  // The area page: the same breakdown's trend from the link, another chosen beside the trend's picker.
  await page.goto('/#/area/E10000034?indicator=rate_per_10000&breakdown=children_starting_to_be_looked_after_each_year');
  await expect(page.getByRole('combobox', { name: 'Trend of' })).toHaveValue('rate_per_10000');
  await expect(breakdown).toHaveValue('children_starting_to_be_looked_after_each_year');
  const areaTrend = (value: string) =>
    page
      .getByRole('table', { name: `rate_per_10000 (${value}), Worcestershire` })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Worcestershire', exact: true }) })
      .getByRole('cell');
  await expect(areaTrend('Children starting to be looked after each year')).toHaveText(['26.0', '24.0']);
  // Six breakdowns of rates and estimates imported, none of them a row of the profile (a 503-value characteristic would fill it).
  const profile = page.getByRole('table', { name: 'Worcestershire: indicators against England' });
  await expect(profile.getByRole('rowheader', { name: 'CP plan rate', exact: true })).toBeVisible();
  await expect(profile.getByRole('rowheader', { name: /Children (starting|ceasing)/ })).toHaveCount(0);

  await breakdown.selectOption({ label: 'Children ceasing to be looked after each year' });
  await settled(page);
  await expect(page).toHaveURL(/#\/area\/E10000034\?indicator=rate_per_10000&breakdown=children_ceasing_to_be_looked_after_each_year(&|$)/);
  await expect(areaTrend('Children ceasing to be looked after each year')).toHaveText(['22.0', '25.0']);
});

test('printed, the mapping step says in words which values are chosen, as its checkboxes are left off the page', async ({ page }) => {
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles({ name: 'cla-west-midlands.csv', mimeType: 'text/csv', buffer: westMidlandsCut() });
  await settled(page);
  const values = page.getByRole('group', { name: /^Breakdowns by population_type: values to import/ });
  await values.getByRole('checkbox', { name: 'Children ceasing to be looked after each year' }).uncheck();
  const value = (name: string) => values.getByRole('listitem').filter({ hasText: name });
  // On screen the checkbox shows its state, and names itself without the words.
  await expect(values.getByRole('checkbox', { name: 'Children ceasing to be looked after each year 8 rows', exact: true })).not.toBeChecked();
  await expect(value('Children ceasing').getByText('not chosen')).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  await expect(values.getByRole('checkbox').first()).toBeHidden();
  await expect(value('Children ceasing').getByText('not chosen', { exact: true })).toBeVisible();
  for (const chosen of ['Children starting', 'Children looked after']) {
    await expect(value(chosen).getByText('✓ chosen', { exact: true }), chosen).toBeVisible();
    await expect(value(chosen).getByText('not chosen'), chosen).toHaveCount(0);
  }
});

test('a value first met past the first 1,000 rows is listed with its rows counted, and can be chosen and imported', async ({ page }) => {
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles({ name: 'late-values.csv', mimeType: 'text/csv', buffer: sortedByCharacteristic(['Care leavers', 'Disabled children']) });
  await settled(page);

  const values = page.getByRole('group', { name: /^Breakdowns by characteristic: values to import \(1 of 3\)/ });
  await expect(values.getByRole('checkbox', { name: /^Total \(the total\)/ })).toBeChecked();
  const late = values.getByRole('checkbox', { name: /^Care leavers/ });
  await expect(late).not.toBeChecked();
  await expect(values.getByText('Care leavers')).toContainText('1 row');
  // Every value is listed, so nothing is left to offer from “further down the file”.
  await expect(values.getByRole('checkbox', { name: /further down the file/ })).toHaveCount(0);
  await late.check();
  await expect(page.getByRole('status').filter({ hasText: /series: 1 column of figures/ })).toHaveText(/^2 series/);

  await page.getByRole('button', { name: 'Import late-values.csv' }).click();
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported late-values.csv' })).toContainText('1 row of 1 characteristic value not chosen was left out (“Disabled children”)');
  const imported = page.getByRole('table', { name: 'Imported indicators' });
  await expect(imported.getByText('Breakdown by characteristic: Care leavers').first()).toBeVisible();
  await expect(imported.getByText(/Disabled children/)).toHaveCount(0);
});

test('the step shows before every value is listed: “every value” chosen meanwhile still means every value once the list comes', async ({ page }) => {
  // The listing worker's script is held back, so the step waits for it as on a large file.
  const held: Route[] = [];
  await page.route(/list\.worker-[\w-]+\.js$/, (route) => void held.push(route));
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles({ name: 'late-values.csv', mimeType: 'text/csv', buffer: sortedByCharacteristic(['Care leavers', 'Disabled children']) });

  await expect(page.getByText(/^Listing every value further down late-values\.csv/)).toBeVisible();
  // The status that will say the listing is done is there already, for a screen reader to
  // follow, but takes no room while it has nothing to say.
  const step = page.getByRole('region', { name: 'Check how late-values.csv is read' });
  const outcome = step.getByRole('status').filter({ hasText: /^$/ });
  await expect(outcome).toHaveCount(1);
  await expect(outcome).toHaveCSS('margin-top', '0px');
  await expect(outcome).toHaveCSS('margin-bottom', '0px');
  expect((await outcome.boundingBox())!.height).toBe(0);
  const values = page.getByRole('group', { name: /^Breakdowns by characteristic: values to import/ });
  await expect(values).toHaveAccessibleName(/\(1 of 1 seen in the first rows\)/);
  await values.getByRole('button', { name: 'Every value of characteristic' }).click();
  await expect(values.getByRole('checkbox', { name: /found further down the file/ })).toBeChecked();

  await expect.poll(() => held.length).toBe(1);
  await held[0]!.continue();
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Every value of each filter is listed' })).toHaveText(`Every value of each filter is listed, from all ${(LAS.length * 7 + 2).toLocaleString('en-GB')} rows of the file.`);
  // The values found further down join the choice: every value, as asked.
  await expect(values).toHaveAccessibleName(/\(3 of 3\)/);
  await expect(values.getByRole('checkbox', { name: /^Care leavers/ })).toBeChecked();
  await values.getByRole('checkbox', { name: /^Disabled children/ }).uncheck();

  await page.getByRole('button', { name: 'Import late-values.csv' }).click();
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported late-values.csv' })).toContainText('1 row of 1 characteristic value not chosen was left out (“Disabled children”)');
});

test('importing before every value is listed stops the listing and reads what was chosen', async ({ page }) => {
  await page.route(/list\.worker-[\w-]+\.js$/, () => undefined);
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles({ name: 'late-values.csv', mimeType: 'text/csv', buffer: sortedByCharacteristic(['Care leavers', 'Disabled children']) });
  const values = page.getByRole('group', { name: /^Breakdowns by characteristic: values to import/ });
  await values.getByRole('button', { name: 'Every value of characteristic' }).click();
  await page.getByRole('button', { name: 'Import late-values.csv' }).click();
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported late-values.csv' })).toContainText('3 indicators');
  await expect(page.getByText(/^Listing every value/)).toHaveCount(0);
});

test('a filter of 503 values: the step lists a few at a time, a value is found by typing, chosen and imported', async ({ page }) => {
  await page.goto('/#/data');
  const groups = Array.from({ length: 502 }, (_, i) => `Group ${i + 1}`);
  await page.getByLabel('Import data').setInputFiles({ name: 'many-values.csv', mimeType: 'text/csv', buffer: sortedByCharacteristic(groups) });
  await settled(page);

  const values = page.getByRole('group', { name: /^Breakdowns by characteristic: values to import/ });
  await expect(values).toHaveAccessibleName(/values to import \(1 of 503\)/);
  // A limited list, not 503 checkboxes: the total first, and a search box for the rest.
  const shown = values.getByRole('checkbox');
  await expect(shown.first()).toHaveAccessibleName(/^Total \(the total\)/);
  expect(await shown.count()).toBeLessThan(50);
  await expect(values.getByRole('status')).toHaveText(/of 503 values shown: type to find the others\./);
  await expect(values.getByRole('checkbox', { name: /^Group 417\b/ })).toHaveCount(0);

  await values.getByRole('searchbox', { name: 'Find a value of characteristic' }).fill('group 417');
  await expect(values.getByRole('status')).toHaveText('1 value shown containing “group 417”.');
  await values.getByRole('checkbox', { name: /^Group 417\b/ }).check();
  await expect(values).toHaveAccessibleName(/values to import \(2 of 503\)/);
  await values.getByRole('searchbox', { name: 'Find a value of characteristic' }).fill('no such group');
  await expect(values.getByRole('status')).toHaveText('No value of characteristic contains “no such group”.');
  await expect(page.getByRole('status').filter({ hasText: /series: 1 column of figures/ })).toHaveText(/^2 series/);

  await page.getByRole('button', { name: 'Import many-values.csv' }).click();
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported many-values.csv' })).toContainText('501 rows of 501 characteristic values not chosen were left out');
  const imported = page.getByRole('table', { name: 'Imported indicators' });
  await expect(imported.getByText('Breakdown by characteristic: Group 417', { exact: true })).toBeVisible();
  await expect(imported.getByText('Breakdown by characteristic: Group 416', { exact: true })).toHaveCount(0);
});

test('Share names a carried breakdown in its dashboard file: the measure, the filter and the value', async ({ page }) => {
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles({ name: 'cla-west-midlands.csv', mimeType: 'text/csv', buffer: westMidlandsCut() });
  await settled(page);
  await page.getByRole('button', { name: 'Import cla-west-midlands.csv' }).click();
  await settled(page);

  await page.goto('/#/compare?areas=E10000034&indicator=rate_per_10000&breakdown=children_starting_to_be_looked_after_each_year&from=2024&to=2025');
  await expect(worcestershire(page, 'Children starting to be looked after each year')).toHaveText(['26.0', '24.0']);
  await page.getByRole('button', { name: 'Share' }).click();
  const panel = page.getByRole('region', { name: 'Share this view' });
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download dashboard file' }).click()]);
  // The title, “compare rate_per_10000 — population_type: Children starting to be looked after each year”, cut between words to 100 characters.
  expect(download.suggestedFilename()).toBe('Safeguarding-Lens-compare-rate-per-10000-population-type-Children-starting-to-be-looked-after-each.sglens.json');
});

/** Worcestershire's row of Compare's trend table, 2023-24 to 2024-25, for a value of the rate's breakdown. */
function worcestershire(page: Page, value: string): Locator {
  return page
    .getByRole('table', { name: new RegExp(`^rate_per_10000 \\(${value}\\).*, 2023-24 to 2024-25$`) })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Worcestershire', exact: true }) })
    .getByRole('cell');
}
