import type { Download } from '@playwright/test';
import { expect, settled, test } from './fixtures';
import Papa from 'papaparse';

/**
 * Imported text that a spreadsheet would run as a formula leaves the app defused, on
 * every path (issue 14, item 1): the Data page's CSV export, a table's "Download CSV"
 * and "Copy table". Each file is read back with a CSV parser, as a spreadsheet would.
 */
const HOSTILE = ['=HYPERLINK("http://evil.example/a","click")', "+1+cmd|' /C calc'!A0", '-1+HYPERLINK("http://evil.example/b")', '@SUM(1+1)*cmd|\' /C calc\'!A0'];
const CODES = HOSTILE.map((_, i) => `X0000000${i + 1}`);

const DATA_FILE = JSON.stringify({
  format: 'safeguarding-lens/data',
  version: 1,
  description: 'Hostile area names, made up for this test',
  areas: HOSTILE.map((name, i) => ({ code: CODES[i], name, level: 'local_authority', aliases: [name] })),
  indicators: [{ id: 'local_hostile', label: 'Local figures', shortLabel: 'Local figures', unit: 'count', polarity: 'neither', definition: '', source: 'test', decimals: 0 }],
  observations: CODES.flatMap((areaCode, i) => [
    { indicatorId: 'local_hostile', areaCode, period: 2024, value: 10 + i },
    { indicatorId: 'local_hostile', areaCode, period: 2025, value: -3 - i },
  ]),
});

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function downloadText(download: Download): Promise<string> {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks as Buffer[]).toString('utf8').replace(/^\uFEFF/, '');
}

test('hostile area names are exported as text beginning with an apostrophe; numbers stay numbers', async ({ page }) => {
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(DATA_FILE) });
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported hostile.json' })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CSV' }).click()]);
  const rows = Papa.parse<Record<string, string>>(await downloadText(download), { header: true, skipEmptyLines: true }).data.filter((r) => r['indicator'] === 'local_hostile');
  expect(rows).toHaveLength(8);
  for (const [i, name] of HOSTILE.entries()) {
    const mine = rows.filter((r) => r['area_code'] === CODES[i]);
    expect(mine.map((r) => r['area_name'])).toEqual([`'${name}`, `'${name}`]);
    expect(mine.map((r) => Number(r['value']))).toEqual([10 + i, -3 - i]);
  }

  await page.goto(`/#/compare?areas=${CODES.join(',')}&indicator=local_hostile&from=2024&to=2025`);
  const caption = /^Local figures, 2023-24 to 2024-25$/;
  await expect(page.getByRole('table', { name: caption })).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV: Local figures, 2023-24 to 2024-25/ }).click()]);
  const text = await downloadText(csv);
  const table = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  for (const [i, name] of HOSTILE.entries()) expect(table.find((r) => r[0] === `'${name}`)).toEqual([`'${name}`, String(10 + i), String(-3 - i)]);

  await page.getByRole('button', { name: /^Copy table: Local figures, 2023-24 to 2024-25/ }).click();
  await expect(page.getByText(/^Copied \d+ rows\./)).toBeVisible();
  const pasted = Papa.parse<string[]>(await page.evaluate(() => navigator.clipboard.readText()), { delimiter: '\t', skipEmptyLines: true }).data;
  for (const [i, name] of HOSTILE.entries()) expect(pasted.find((r) => r[0] === `'${name}`)).toEqual([`'${name}`, String(10 + i), String(-3 - i)]);
});
