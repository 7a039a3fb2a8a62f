import { type Page, type Route } from '@playwright/test';
import { expect, settled, test } from './fixtures';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeXlsx } from '../fixtures/xlsx';
import { storeCounts } from './helpers';

// Each test writes its files (up to 200 MB) to a folder of its own, removed after it.
let dir = '';

/** Windows-1252 bytes for a string of Latin-1 text plus the curly quotes and dashes Excel writes. */
function cp1252(s: string): Uint8Array {
  const extra: Record<string, number> = { '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '€': 0x80 };
  return Uint8Array.from([...s].map((ch) => extra[ch] ?? ch.charCodeAt(0)));
}

/**
 * Laid out like a DfE main table saved as CSV from Excel (Windows-1252): title and
 * notes above the header, an unheaded code column, footnote digits glued to names,
 * regions as subtotal rows, footnotes below. Figures made up for the test, except
 * that the layout is DfE's.
 */
const MAIN_TABLE = [
  '"Table C1: Referrals – ‘main’ table, 2020 to 2024",,,,,,',
  'Years ending 31 March,,,,,,',
  ',,,,,,',
  ',,2020,2021,2022,2023,2024',
  ',England1,"642,980","597,760","650,270","621,880","621,880"',
  ',West Midlands,"68,100","64,300","70,010","67,500","66,900"',
  '885,Worcestershire,"2,401","2,532","2,480","2,610",c',
  '335,Walsall,"3,120","2,990",[x],"3,050","3,100"',
  ',Barsetshire2,10,11,12,13,14',
  ',,,,,,',
  'Source: children in need census,,,,,,',
  '1. Includes estimates.,,,,,,',
  '2. Not a real authority.,,,,,,',
].join('\r\n');

async function importFile(page: Page, path: string) {
  await page.getByLabel('Import data').setInputFiles(path);
  await settled(page);
}

test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lens-map-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test.beforeEach(async ({ page }) => {
  await page.goto('/#/data');
  await expect(page.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
});

test('a DfE main table from Excel: header row found, columns guessed, unknown area kept as a custom area', async ({ page }) => {
  const path = join(dir, 'main-table.csv');
  writeFileSync(path, cp1252(MAIN_TABLE));
  await importFile(page, path);

  await expect(page.getByRole('heading', { name: 'Check how main-table.csv is read' })).toBeVisible();
  await expect(page.getByText('Windows-1252')).toBeVisible();
  await expect(page.getByLabel('Header row')).toHaveValue('4');
  await expect(page.getByLabel('Area name')).toHaveValue('1');
  await expect(page.getByLabel('DfE LA number')).toHaveValue('0');
  await expect(page.getByLabel('Name of the new indicator')).toHaveValue('Table C1: Referrals – ‘main’ table, 2020 to 2024');
  // Choosing a wrong header row re-guesses; choosing the right one again restores the guess.
  await page.getByLabel('Header row').selectOption('1');
  await expect(page.getByText('Choose the column that gives the year, or give the year of the whole table.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import main-table.csv' })).toBeDisabled();
  await page.getByLabel('Header row').selectOption('4');
  await page.getByLabel('Name of the new indicator').fill('Referrals (main table)');
  await page.getByRole('button', { name: 'Import main-table.csv' }).click();

  await expect(page.getByRole('heading', { name: '1 area in main-table.csv is not known to the app' })).toBeVisible();
  await expect(page.getByText('Barsetshire2: 1 row, first in row 9')).toBeVisible();
  await page.getByLabel('Keep them as custom areas').check();
  await page.getByRole('button', { name: 'Import main-table.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported main-table.csv' })).toContainText('1 new area');

  await page.goto('/#/compare?areas=E10000034,E08000030&indicator=referrals_main_table');
  const table = page.getByRole('table', { name: /^Referrals \(main table\).*, \d{4}-\d{2} to \d{4}-\d{2}$/ });
  const cells = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell');
  await expect(cells('Worcestershire')).toHaveText(['2,401', '2,532', '2,480', '2,610', 'c']);
  await expect(cells('Walsall')).toHaveText(['3,120', '2,990', 'x', '3,050', '3,100']);
  // A count: England's total is not drawn or listed beside authorities' counts (issue 13, item 2).
  await expect(table.getByRole('rowheader', { name: 'England (benchmark)', exact: true })).toHaveCount(0);
  // The custom area can be found and compared like any other.
  await page.getByRole('combobox', { name: 'Add an area' }).fill('Barset');
  await page.getByRole('option', { name: /Barsetshire/ }).click();
  await expect(page).toHaveURL(/areas=E10000034,E08000030,X\d{8}/);
  await expect(cells('Barsetshire2')).toHaveText(['10', '11', '12', '13', '14']);
});

test('the preview leaves out blank rows, as the import does: a blank line at the end of the file is no empty row', async ({ page }) => {
  const path = join(dir, 'trailing-blank.csv');
  writeFileSync(path, ['Area name,2023,2024', 'Walsall,1,2', 'Worcestershire,3,4', ',,', ''].join('\r\n'));
  await importFile(page, path);

  await expect(page.getByRole('heading', { name: 'Check how trailing-blank.csv is read' })).toBeVisible();
  const preview = page.getByRole('table', { name: 'The header row and the rows below it' });
  // The header and the two areas; the blank lines are counted as not imported, not shown.
  await expect(preview.getByRole('row')).toHaveCount(3);
  await expect(preview.getByRole('row').nth(2)).toHaveText(/Worcestershire/);
});

test('each Layout radio button sits beside its text, centred on it, at 1366 and 390 px', async ({ page }) => {
  const path = join(dir, 'layout.csv');
  writeFileSync(path, ['Area name,2023,2024', 'Walsall,1,2', 'Worcestershire,3,4'].join('\r\n'));
  await importFile(page, path);
  const layout = page.getByRole('group', { name: 'Layout' });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const name of ['One column per year', 'One row per area (and year)']) {
      // The radio's box and its label's words, measured where the browser lays them out.
      const { radio, text } = await layout.getByRole('radio', { name }).evaluate((el) => {
        const words = [...el.parentElement!.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '').at(-1)!;
        const range = document.createRange();
        range.selectNodeContents(words);
        const r = el.getBoundingClientRect();
        const t = range.getBoundingClientRect();
        return { radio: { right: r.right, middle: (r.top + r.bottom) / 2 }, text: { left: t.left, middle: (t.top + t.bottom) / 2 } };
      });
      expect(text.left, `${name} at ${width} px: the text follows the radio`).toBeGreaterThanOrEqual(radio.right);
      expect(Math.abs(text.middle - radio.middle), `${name} at ${width} px: on the radio's line`).toBeLessThanOrEqual(2);
    }
  }
});

test('an .xlsx workbook: the user picks the sheet', async ({ page }) => {
  const path = join(dir, 'local-figures.xlsx');
  writeFileSync(
    path,
    makeXlsx([
      { name: 'Notes', rows: [['Local figures, made up for this test'], ['Contact: performance team']] },
      {
        name: 'Data',
        rows: [
          ['Local authority', 'Year', 'Value'],
          ['Worcestershire', '2023-24', 12.5],
          ['Worcestershire', '2024-25', 13.25],
          ['Herefordshire, County of', '2024-25', 'low'],
        ],
      },
    ]),
  );
  await importFile(page, path);
  // The notes sheet is listed, but the step starts on the sheet with the table.
  await expect(page.getByLabel('Sheet', { exact: true })).toHaveValue('Data');
  await expect(page.getByRole('option', { name: 'Notes (notes)' })).toHaveCount(1);
  await expect(page.getByLabel('Area name')).toHaveValue('0');
  await expect(page.getByLabel('Year column')).toHaveValue('1');
  await expect(page.getByRole('checkbox', { name: 'Column C' })).toBeChecked();
  await page.getByLabel('Name of column C').fill('Local measure');
  await page.getByRole('button', { name: 'Import local-figures.xlsx' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported local-figures.xlsx' })).toBeVisible();

  await page.goto('/#/compare?areas=E10000034,E06000019&indicator=local_measure');
  const table = page.getByRole('table', { name: /^Local measure.*, \d{4}-\d{2} to \d{4}-\d{2}$/ });
  await expect(table.getByRole('row').filter({ hasText: 'Worcestershire' }).getByRole('cell')).toHaveText(['12.50', '13.25']);
  await expect(table.getByRole('row').filter({ hasText: 'Herefordshire' }).getByRole('cell').last()).toHaveText('low');
});

test('the mapping step and the reading do not wait for the file’s hash; storing does, then finishes', async ({ page }) => {
  // The hash worker's script is held back, so the hash stays unknown until the test lets it load.
  const held: Route[] = [];
  await page.route(/hash\.worker-[\w-]+\.js$/, (route) => void held.push(route));
  const path = join(dir, 'contacts.csv');
  writeFileSync(path, 'area_code,year,indicator,value\nE10000034,2024-25,Local contacts,120\nE08000029,2024-25,Local contacts,95.5\n');
  await page.getByLabel('Import data').setInputFiles(path);

  await expect(page.getByRole('heading', { name: 'Check how contacts.csv is read' })).toBeVisible();
  await expect.poll(() => held.length).toBe(1);
  await page.getByRole('button', { name: 'Import contacts.csv' }).click();
  // Read; nothing is stored until the hash says whether the file was imported already.
  await expect(page.getByText('Storing contacts.csv…')).toBeVisible();
  const before = await storeCounts(page);

  for (const route of held) await route.continue();
  await expect(page.getByRole('status').filter({ hasText: 'Imported contacts.csv' })).toBeVisible();
  expect((await storeCounts(page)).imports).toBe(before.imports + 1);
});

test('a file of 60 indicators lists 50 of them to rename; search finds the others', async ({ page }) => {
  const rows = Array.from({ length: 60 }, (_, n) => `E10000034,2024-25,Local measure ${n + 1},${n + 1}`);
  const path = join(dir, 'sixty.csv');
  writeFileSync(path, ['area_code,year,indicator,value', ...rows].join('\n'));
  await importFile(page, path);
  await page.getByRole('button', { name: 'Import sixty.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported sixty.csv' })).toContainText('60 indicators');

  const table = page.getByRole('table', { name: 'Imported indicators' });
  await expect(table.getByRole('row')).toHaveCount(51);
  await expect(page.getByText('Showing 50 of 60 imported indicators: search to find the others.')).toBeVisible();
  await expect(page.getByLabel('New name for Local measure 57')).toHaveCount(0);

  await page.getByLabel('Find an imported indicator').fill('measure 57');
  await expect(page.getByText('Showing 1 of 60 imported indicators matching “measure 57”.')).toBeVisible();
  await page.getByLabel('New name for Local measure 57').fill('Measure fifty-seven');
  await page.getByRole('button', { name: 'Save Local measure 57' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Measure fifty-seven”.' })).toBeVisible();
});

test('an import is given its edition, which About this indicator then names', async ({ page }) => {
  const path = join(dir, 'contacts.csv');
  writeFileSync(path, 'area_code,year,indicator,value\nE10000034,2024-25,Local contacts,120\nE08000029,2024-25,Local contacts,95.5\n');
  await importFile(page, path);
  await page.getByRole('button', { name: 'Import contacts.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported contacts.csv' })).toBeVisible();

  const imports = page.getByRole('table', { name: 'Data held in this browser' });
  const edition = imports.getByRole('row').filter({ hasText: 'contacts.csv' }).locator('summary', { hasText: 'Edition' });
  await edition.click();
  await page.getByLabel('Which edition of its publication contacts.csv is').fill('contacts return, first release, 2025');
  await page.getByRole('button', { name: 'Save edition of contacts.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'contacts.csv is now described as “contacts return, first release, 2025”' })).toBeVisible();
  // Saved, the form folds away and the keyboard is back on “Edition”.
  await expect(page.getByLabel('Which edition of its publication contacts.csv is')).toBeHidden();
  await expect(edition).toBeFocused();
  await expect(imports.getByRole('rowheader', { name: /contacts\.csv/ })).toContainText('contacts return, first release, 2025');

  await page.goto('/#/compare?areas=E10000034,E08000029&indicator=local_contacts&from=2025&to=2025');
  const trend = page.getByRole('figure', { name: 'Local contacts', exact: true });
  await trend.getByText('About this indicator').click();
  await expect(trend.getByRole('definition').filter({ hasText: 'contacts return, first release, 2025' })).toBeVisible();
});

test('the same file again is recognised; export then import loses nothing; undo removes exactly one import', async ({ page }) => {
  const csv = 'area_code,year,indicator,value\nE10000034,2024-25,Local contacts,120\nE08000030,2024-25,Local contacts,x\nE08000029,2024-25,Local contacts,95.5\n';
  const first = join(dir, 'contacts.csv');
  writeFileSync(first, csv);
  const initial = await storeCounts(page);

  await importFile(page, first);
  await page.getByRole('button', { name: 'Import contacts.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported contacts.csv' })).toBeVisible();
  const afterOne = await storeCounts(page);
  expect(afterOne.imports).toBe(initial.imports + 1);

  // The same bytes under another name.
  const copy = join(dir, 'contacts (1).csv');
  writeFileSync(copy, csv);
  await importFile(page, copy);
  await expect(page.getByRole('status').filter({ hasText: 'contacts (1).csv was imported already (as contacts.csv)' })).toBeVisible();
  expect(await storeCounts(page)).toEqual(afterOne);

  // Export as JSON, then import the export.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as JSON data file' }).click();
  const saved = join(dir, 'export.json');
  await (await download).saveAs(saved);
  const exported = JSON.parse(readFileSync(saved, 'utf8')) as { format: string; observations: { indicatorId: string; areaCode: string; value: number | null; status?: string }[] };
  expect(exported.format).toBe('safeguarding-lens/data');
  expect(exported.observations.filter((o) => o.indicatorId === 'local_contacts')).toEqual([
    { indicatorId: 'local_contacts', areaCode: 'E08000029', period: 2025, value: 95.5 },
    { indicatorId: 'local_contacts', areaCode: 'E08000030', period: 2025, value: null, status: 'x' },
    { indicatorId: 'local_contacts', areaCode: 'E10000034', period: 2025, value: 120 },
  ]);
  await importFile(page, saved);
  await expect(page.getByRole('status').filter({ hasText: 'Imported export.json' })).toBeVisible();
  const afterExport = await storeCounts(page);
  expect(afterExport.observations).toBe(afterOne.observations * 2);

  await page.goto('/#/compare?areas=E10000034,E08000030,E08000029&indicator=local_contacts');
  const contacts = page.getByRole('table', { name: /^Local contacts.*, \d{4}-\d{2} to \d{4}-\d{2}$/ });
  for (const [area, text] of [['Worcestershire', '120.0'], ['Walsall', 'x'], ['Solihull', '95.5']]) {
    await expect(contacts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: area, exact: true }) }).getByRole('cell')).toHaveText([text!]);
  }

  // Undo the first import: the JSON import still holds the indicator, so the figures stay.
  await page.goto('/#/data');
  await page.getByRole('button', { name: 'Undo the import of contacts.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The import of contacts.csv was undone' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo the import of export.json' }).click();
  await expect(page.getByRole('rowheader', { name: 'export.json' })).toHaveCount(0);
  expect(await storeCounts(page)).toEqual(initial);
});
