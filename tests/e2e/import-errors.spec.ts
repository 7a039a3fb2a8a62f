import { type Page } from '@playwright/test';
import { duringWork, expect, settled, test } from './fixtures';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeCounts } from './helpers';

// Each test writes its files (up to 200 MB) to a folder of its own, removed after it.
let dir = '';
const EES_HEADER = 'time_period,time_identifier,geographic_level,country_code,region_code,new_la_code,la_name,Referrals_rate\n';
const eesRow = (year: number, code: string, name: string, value: string) => `${year},Reporting year,Local authority,E92000001,E12000005,${code},${name},${value}\n`;

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function importAndExpectAlert(page: Page, path: string, ...texts: (string | RegExp)[]) {
  const before = await storeCounts(page);
  await page.getByLabel('Import data').setInputFiles(path);
  const alert = page.getByRole('alert').first();
  for (const t of texts) await expect(alert).toContainText(t, { timeout: 60_000 });
  await expect(alert).toContainText('Nothing was stored');
  expect(await storeCounts(page)).toEqual(before);
  // The app keeps working: the alert can be dismissed and the input is still there.
  await alert.getByRole('button', { name: /Dismiss/ }).click();
  await expect(page.getByLabel('Import data')).toBeEnabled();
}

test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lens-bad-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test.beforeEach(async ({ page }) => {
  await page.goto('/#/data');
  await expect(page.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
});

test('an empty file', async ({ page }) => {
  await importAndExpectAlert(page, file('empty.csv', ''), 'empty.csv', 'the file is empty');
});

test('binary garbage', async ({ page }) => {
  const bytes = new Uint8Array(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  await importAndExpectAlert(page, file('garbage.csv', bytes), 'garbage.csv', 'not text');
});

test('broken quotes, with the row', async ({ page }) => {
  const text = EES_HEADER + eesRow(2024, 'E10000034', 'Worcestershire', '399.9') + eesRow(2024, 'E08000030', '"Walsall', '500.1') + eesRow(2023, 'E10000034', 'Worcestershire', '448.3');
  await importAndExpectAlert(page, file('broken-quotes.csv', text), 'broken-quotes.csv, row 3', 'never closed');
});

test('truncated JSON', async ({ page }) => {
  const json = JSON.stringify({ format: 'safeguarding-lens/data', version: 1, observations: [{ indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: 43.5 }] });
  await importAndExpectAlert(page, file('cut-short.json', json.slice(0, json.length - 20)), 'cut-short.json', 'stops before it is complete');
});

test('a value that is neither a number nor a DfE symbol, with row and column', async ({ page }) => {
  const text = EES_HEADER + eesRow(2024, 'E10000034', 'Worcestershire', '399.9') + eesRow(2024, 'E08000030', 'Walsall', 'c') + eesRow(2023, 'E10000034', 'Worcestershire', 'n/a');
  await importAndExpectAlert(page, file('bad-value.csv', text), 'bad-value.csv, row 4, column “Referrals_rate”', '“n/a” is not a number or a DfE symbol');
});

test('an unrelated CSV gets a message in the mapping step, and cancel stores nothing', async ({ page }) => {
  const before = await storeCounts(page);
  await page.getByLabel('Import data').setInputFiles(file('books.csv', 'title,author,price\nDune,Frank Herbert,9.99\nEmma,Jane Austen,4.50\n'));
  await expect(page.getByRole('alert')).toContainText('does not look like figures by area and year');
  await expect(page.getByRole('button', { name: 'Import books.csv' })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The import of books.csv was cancelled. Nothing was stored.' })).toBeVisible();
  expect(await storeCounts(page)).toEqual(before);
});

test('a 200 MB file is streamed, its last-row error reported, and the tab survives', async ({ page }) => {
  test.setTimeout(240_000);
  const path = join(dir, 'huge.csv');
  const out = createWriteStream(path);
  out.write(EES_HEADER);
  const line = eesRow(2024, 'E10000034', 'Worcestershire', '399.9');
  const rows = Math.ceil((200 * 1024 * 1024) / line.length);
  const block = line.repeat(10_000);
  for (let i = 0; i < rows; i += 10_000) if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
  out.write(eesRow(2024, 'E10000034', 'Worcestershire', 'oops'));
  await new Promise((r) => out.end(r));
  const lastRow = Math.ceil(rows / 10_000) * 10_000 + 2;

  const before = await storeCounts(page);
  await page.getByLabel('Import data').setInputFiles(path);
  await duringWork(page.getByRole('progressbar'));
  await expect(page.getByRole('progressbar')).toBeVisible();
  const alert = page.getByRole('alert').first();
  await expect(alert).toContainText(`huge.csv, row ${lastRow.toLocaleString('en-GB')}, column “Referrals_rate”`, { timeout: 200_000 });
  expect(await storeCounts(page)).toEqual(before);
  // Still responsive: another view renders.
  await page.getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { name: 'Compare partnerships' })).toBeVisible();
});

test('Cancel while a big file is read stops it and stores nothing', async ({ page }) => {
  const path = join(dir, 'big-valid.csv');
  const line = eesRow(2024, 'E10000034', 'Worcestershire', '399.9');
  writeFileSync(path, EES_HEADER + line.repeat(Math.ceil((120 * 1024 * 1024) / line.length)));
  const before = await storeCounts(page);
  await page.getByLabel('Import data').setInputFiles(path);
  await duringWork(page.getByText(/[\d,]+ rows read \(\d+%\)/));
  await expect(page.getByRole('progressbar', { name: 'Reading big-valid.csv' })).toBeVisible();
  await expect(page.getByText(/[\d,]+ rows read \(\d+%\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The import of big-valid.csv was cancelled. Nothing was stored.' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  expect(await storeCounts(page)).toEqual(before);
  // The next file imports normally.
  await page.getByLabel('Import data').setInputFiles(file('after-cancel.csv', EES_HEADER + eesRow(2024, 'E10000034', 'Worcestershire', '1.5')));
  await expect(page.getByRole('status').filter({ hasText: 'Imported after-cancel.csv' })).toBeVisible();
});

test('minutes and reports are sent to the minutes import, and the other files still import', async ({ page }) => {
  const before = await storeCounts(page);
  await page.getByLabel('Import data').setInputFiles([file('minutes.txt', 'Worcestershire Safeguarding Children Partnership Annual report 2020/21'), file('ok.csv', EES_HEADER + eesRow(2024, 'E10000034', 'Worcestershire', '2.5'))]);
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'minutes.txt is minutes or a report: check its area and year under “Minutes and reports”' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Imported ok.csv: 1 figure, 1 indicator (0 new)' })).toBeVisible();
  // The minutes wait for the user to confirm their area and year; nothing of theirs is stored yet.
  await expect(page.getByLabel('Area', { exact: true })).toHaveValue('Worcestershire');
  expect((await storeCounts(page)).imports).toBe(before.imports + 1);
});
