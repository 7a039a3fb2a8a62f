import { expect, settled, test } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A user's table of CP plan rates added to the bundled measure. 2017-18: the first-release
 * figures issue 13 quotes (England 45.3, Walsall 60.7), where the bundle has LAIT's revised
 * ones (data/source/dfe_lait_bds_long_csc_subset_2016_2025.csv, CPP_rate: 45.9, 60.9).
 * 2024-25: England as LAIT has it (40.6, so no conflict), Walsall made up for the test (31.9
 * against LAIT's 31.6) so that the area profile, which shows the latest year, has one.
 */
const TABLE = ['Area,2017-18,2024-25', 'England,45.3,40.6', 'Walsall,60.7,31.9'].join('\n');
const FILE = 'cp-plans-first-release.csv';
const SOURCE = /your import cp-plans-first-release\.csv, \d{1,2} \w{3} \d{4}/;
const LAIT = 'LAIT, revised populations, April 2026 release';

let dir = '';
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lens-sources-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Imports the table as figures of the bundled CP-plan rate, where some differ from the bundled ones. */
async function importOverBundled(page: Page): Promise<void> {
  const path = join(dir, FILE);
  writeFileSync(path, TABLE);
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles(path);
  await settled(page);
  await page.getByLabel('The figures are').selectOption({ label: 'Children on a child protection plan at 31 March, rate per 10,000 children' });
  await page.getByRole('button', { name: `Import ${FILE}` }).click();
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: `Imported ${FILE}` })).toBeVisible();
}

test('an import that differs from the bundled figures: the tables show both with their sources and say which is drawn', async ({ page }) => {
  await importOverBundled(page);

  // Compare, 2017-18: Walsall's and England's value cells give both figures, the drawn one first.
  await page.goto('/#/compare?areas=E08000030&indicator=cpp_rate&from=2016&to=2025&year=2018');
  const table = page.getByRole('table', { name: 'CP plan rate, 2017-18: chosen areas and benchmarks' });
  const valueOf = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) }).getByRole('cell').first();
  await expect(valueOf('Walsall')).toHaveText(new RegExp(`^60\\.7 \\(${SOURCE.source}\\); 60\\.9 \\(${LAIT}\\)$`));
  await expect(valueOf('England (benchmark)')).toHaveText(new RegExp(`^45\\.3 \\(${SOURCE.source}\\); 45\\.9 \\(${LAIT}\\)$`));
  // Walsall's drawn figure came without its count, so it has no interval and is not compared, and the table says why
  // (LAIT's count is another edition's, not borrowed for it); England is the benchmark, not compared with itself.
  const walsallCells = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Walsall' }) }).getByRole('cell');
  await expect(walsallCells.nth(1)).toHaveText('○ Not compared (no count in the import)');
  await expect(walsallCells.nth(3)).toHaveText('– (no count in the import)');
  await expect(page.getByText('A figure from an import that brings no count has no interval and is not compared')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Walsall’s CP plan rate .* is not tested against England’s \(45\.3\) in 2017-18 \(no count in the import\)/ })).toHaveCount(1);
  // The region was not imported: one source, one figure.
  await expect(valueOf('West Midlands (region benchmark)')).toHaveText(/^\d+\.\d$/);
  const ranked = page.getByRole('figure', { name: /every local authority ranked/ });
  const note = ranked.getByRole('note', { name: 'Sources differ' });
  await expect(note).toContainText('the charts, rankings and comparisons use the first, from the latest import');
  await expect(note.getByRole('listitem')).toHaveText([
    new RegExp(`^Walsall, 2017-18: 60\\.7 from ${SOURCE.source} \\(drawn in the charts\\); 60\\.9 from ${LAIT}\\.$`),
    new RegExp(`^England, 2017-18: 45\\.3 from ${SOURCE.source} \\(drawn in the charts\\); 45\\.9 from ${LAIT}\\.$`),
  ]);

  // The CSV keeps one number in the value column and both sources in a column of their own.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV: CP plan rate, 2017-18: chosen areas and benchmarks' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/,Sources differ$/);
  const walsall = csv.find((l) => l.startsWith('Walsall,'))!;
  expect(walsall).toMatch(new RegExp(`^Walsall,60\\.7,.*,"?60\\.7 \\(${SOURCE.source}\\); 60\\.9 \\(${LAIT}\\)"?$`));

  // The trend table, 2015-16 to 2024-25: each cell where the sources differ gives both figures, in
  // 2017-18 (Walsall, England) and 2024-25 (Walsall); every other cell, one figure.
  const trend = page.getByRole('figure', { name: /^Children on a child protection plan/ });
  const trendTable = trend.getByRole('table', { name: /, 2015-16 to 2024-25$/ });
  const trendRow = (name: string) => trendTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell');
  await expect(trendRow('Walsall').nth(2)).toHaveText(new RegExp(`^60\\.7 \\(${SOURCE.source}\\); 60\\.9 \\(${LAIT}\\)$`));
  await expect(trendRow('Walsall').nth(9)).toHaveText(new RegExp(`^31\\.9 \\(${SOURCE.source}\\); 31\\.6 \\(${LAIT}\\)$`));
  await expect(trendRow('England (benchmark)').nth(2)).toHaveText(new RegExp(`^45\\.3 \\(${SOURCE.source}\\); 45\\.9 \\(${LAIT}\\)$`));
  await expect(trendRow('England (benchmark)').nth(9)).toHaveText('40.6');
  await expect(trendRow('Walsall').nth(1)).toHaveText(/^\d+\.\d$/);
  await expect(trendRow('West Midlands (region benchmark)').nth(2)).toHaveText(/^\d+\.\d$/);
  const trendNote = () => trend.getByRole('note', { name: 'Sources differ' }).getByRole('listitem');
  await expect(trendNote()).toHaveText([
    new RegExp(`^Walsall, 2017-18: 60\\.7 from ${SOURCE.source} \\(drawn in the charts\\); 60\\.9 from ${LAIT}\\.$`),
    new RegExp(`^Walsall, 2024-25: 31\\.9 from ${SOURCE.source} \\(drawn in the charts\\); 31\\.6 from ${LAIT}\\.$`),
    new RegExp(`^England, 2017-18: 45\\.3 from ${SOURCE.source} \\(drawn in the charts\\); 45\\.9 from ${LAIT}\\.$`),
  ]);

  // The trend table's CSV, like the ranked table's: one number a cell, and the line's differing years in a column of their own.
  const trendDownload = page.waitForEvent('download');
  await trend.getByRole('button', { name: /^Download CSV: .*, 2015-16 to 2024-25$/ }).click();
  const trendCsv = readFileSync(await (await trendDownload).path(), 'utf8').split('\r\n');
  expect(trendCsv[0]).toMatch(/^\uFEFF?Area,2015-16,.*,2024-25,Sources differ$/);
  expect(trendCsv.find((l) => l.startsWith('Walsall,'))).toMatch(
    new RegExp(`^Walsall,(?:[\\d.]*,){2}60\\.7,.*,31\\.9,"?2017-18: 60\\.7 \\(${SOURCE.source}\\); 60\\.9 \\(${LAIT}\\)\\. 2024-25: 31\\.9 \\(${SOURCE.source}\\); 31\\.6 \\(${LAIT}\\)"?$`),
  );
  expect(trendCsv.find((l) => l.startsWith('West Midlands'))).toMatch(/,$/);

  // 2024-25, where the import gives Walsall's figure (31.9) without its count: the recent trend, which needs counts, leaves
  // the year out and fits the five years to 2023-24, and both the sentence and the ranked table's trend cell say why.
  await page.goto('/#/compare?areas=E08000030&indicator=cpp_rate&from=2016&to=2025&year=2025');
  const inWords = page.getByRole('region', { name: 'In words, 2024-25' });
  await expect(inWords.getByRole('listitem').filter({ hasText: /^Walsall’s / })).toHaveText(
    /^Walsall’s CP plan rate \(31\.9 per 10,000 children\) .* over the five years to 2023-24 and is not tested against England’s \(40\.6\) in 2024-25 \(no count in the import\); 2024-25 is left out of the trend \(no count in the import\)\.$/,
  );
  const table2025 = page.getByRole('table', { name: 'CP plan rate, 2024-25: chosen areas and benchmarks' });
  const walsall2025 = table2025.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Walsall' }) }).getByRole('cell');
  await expect(walsall2025.nth(2)).toHaveText(/ \(2024-25 left out: no count in the import\)$/);
  // England's 2024-25 came in the import without its count too (the same 40.6 as LAIT's, but not LAIT's count); the region was not imported.
  const trend2025 = (name: string) => table2025.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) }).getByRole('cell').nth(2);
  await expect(trend2025('England (benchmark)')).toHaveText(/ \(2024-25 left out: no count in the import\)$/);
  await expect(trend2025('West Midlands (region benchmark)')).not.toContainText('left out');
  await expect(page.getByText('A year whose figure an import gave without its count has no interval, so the trend leaves it out and says so.')).toBeVisible();

  // A year where the sources agree (or only one has a figure): the ranked table has no note; the trend's years are the same, so its note stays.
  await page.goto('/#/compare?areas=E08000030&indicator=cpp_rate&from=2016&to=2025&year=2019');
  await expect(ranked.getByRole('table', { name: 'CP plan rate, 2018-19: chosen areas and benchmarks' })).toBeVisible();
  await expect(ranked.getByRole('note', { name: 'Sources differ' })).toHaveCount(0);
  await expect(trendNote()).toHaveCount(3);
  // A trend of years where the sources agree has no note.
  await page.goto('/#/compare?areas=E08000030&indicator=cpp_rate&from=2019&to=2024&year=2019');
  await expect(trend.getByRole('table', { name: /, 2018-19 to 2023-24$/ })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Sources differ' })).toHaveCount(0);

  // The area profile (each measure's latest year, 2024-25): Walsall's figure differs, England's is the same in both.
  await page.goto('/#/area/E08000030');
  const profile = page.getByRole('table', { name: 'Walsall: indicators against England' });
  const cpp = profile.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'CP plan rate', exact: true }) });
  await expect(cpp.getByRole('cell').nth(1)).toHaveText(new RegExp(`^31\\.9 \\(${SOURCE.source}\\); 31\\.6 \\(${LAIT}\\)$`));
  await expect(cpp.getByRole('cell').nth(8)).toHaveText('40.6');
  // Its drawn figure, the import's, came without a count: not compared, and the row and the profile's summary say why.
  await expect(page.getByText(/ not tested \(no counts published\) and 1 not tested \(no count in the import\)\.$/)).toBeVisible();
  await expect(cpp.getByRole('cell').nth(2)).toHaveText('○ Not compared (no count in the import)');
  await expect(cpp.getByRole('cell').nth(4)).toHaveText('– (no count in the import)');
  // Its recent trend leaves the year out, and the profile's trend cell says why.
  await expect(cpp.getByRole('cell').nth(3)).toHaveText(/ \(2024-25 left out: no count in the import\)$/);
  const areaTrend = page.getByRole('figure', { name: /^Children on a child protection plan/ });
  await expect(areaTrend.getByRole('table', { name: /, Walsall$/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Walsall', exact: true }) }).getByRole('cell').last()).toHaveText(
    new RegExp(`^31\\.9 \\(${SOURCE.source}\\); 31\\.6 \\(${LAIT}\\)$`),
  );
  await expect(areaTrend.getByRole('note', { name: 'Sources differ' }).getByRole('listitem')).toHaveText([
    new RegExp(`^Walsall, 2017-18: 60\\.7 from ${SOURCE.source} \\(drawn in the charts\\); 60\\.9 from ${LAIT}\\.$`),
    new RegExp(`^Walsall, 2024-25: 31\\.9 from ${SOURCE.source} \\(drawn in the charts\\); 31\\.6 from ${LAIT}\\.$`),
    new RegExp(`^England, 2017-18: 45\\.3 from ${SOURCE.source} \\(drawn in the charts\\); 45\\.9 from ${LAIT}\\.$`),
  ]);
  await expect(page.getByRole('note', { name: 'Sources differ' }).filter({ hasText: 'CP plan rate: ' }).getByRole('listitem')).toHaveText([
    new RegExp(`^CP plan rate: Walsall, 2024-25: 31\\.9 from ${SOURCE.source} \\(drawn in the charts\\); 31\\.6 from ${LAIT}\\.$`),
  ]);
});

test('About this indicator names, beside the bundled edition, each import holding figures of the measure with its edition', async ({ page }) => {
  await importOverBundled(page);

  const trend = page.getByRole('figure', { name: /^Children on a child protection plan/ });
  const aboutOf = (figure: typeof trend) => figure.getByRole('group').filter({ hasText: 'About this indicator' });
  const about = aboutOf(trend);
  const imported = about.getByRole('definition').filter({ has: page.getByRole('listitem') });
  await page.goto('/#/compare?areas=E08000030&indicator=cpp_rate&from=2016&to=2025&year=2018');
  await trend.getByText('About this indicator').click();
  await expect(about.getByRole('term')).toContainText(['Edition of the bundled figures', 'Imported figures']);
  await expect(about.getByRole('definition').filter({ hasText: LAIT })).toBeVisible();
  await expect(imported.getByRole('listitem')).toHaveText([new RegExp(`^${FILE.replace(/\./g, '\\.')}, imported \\d{1,2} \\w{3} \\d{4}: edition not given`)]);

  // The edition given on the Data page is named there, and on the ranking's and the area's About this indicator.
  await page.goto('/#/data');
  const imports = page.getByRole('table', { name: 'Data held in this browser' });
  await imports.getByRole('row').filter({ hasText: FILE }).locator('summary', { hasText: 'Edition' }).click();
  await page.getByLabel(`Which edition of its publication ${FILE} is`).fill('main tables, first release, 2018');
  await page.getByRole('button', { name: `Save edition of ${FILE}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is now described as' })).toBeVisible();

  await page.goto('/#/compare?areas=E08000030&indicator=cpp_rate&from=2016&to=2025&year=2018');
  await trend.getByText('About this indicator').click();
  await expect(imported.getByRole('listitem')).toHaveText([new RegExp(`^${FILE.replace(/\./g, '\\.')}, imported \\d{1,2} \\w{3} \\d{4}: edition “main tables, first release, 2018”$`)]);
  await expect(imported).toContainText('the charts use the latest import’s');
  const ranked = page.getByRole('figure', { name: /every local authority ranked/ });
  await ranked.getByText('About this indicator').click();
  await expect(aboutOf(ranked).getByRole('listitem').filter({ hasText: 'main tables, first release, 2018' })).toHaveCount(1);
  await page.goto('/#/area/E08000030');
  await trend.getByText('About this indicator').click();
  await expect(about.getByRole('listitem').filter({ hasText: 'main tables, first release, 2018' })).toHaveCount(1);
});
