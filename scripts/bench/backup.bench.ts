/**
 * Backup and restore of a large database: the 1,000,000-row file of the import
 * benchmark is imported through the Data view, then "Back up everything" is timed
 * to the download, the browser's data is wiped, and "Restore from a backup…" is
 * timed through reading and checking the file and through replacing the database.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './run';
import { appIdle, benchFile, chooseEveryBreakdown, heapSampler } from './import.bench';

const ROWS = 1_000_000;

export default async function backupBench({ root, baseURL, browser, report }: BenchContext): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lens-bench-backup-'));
  try {
    const csv = await benchFile(ROWS, root);
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baseURL}/#/data`);
    await appIdle(page);
    await chooseEveryBreakdown(page, 'bench-ees-1m.csv');
    await page.getByLabel('Import data').setInputFiles(csv);
    await page.getByRole('status').filter({ hasText: 'Imported bench-ees-1m.csv' }).waitFor({ timeout: 300_000 });

    let sampler = await heapSampler(page);
    let t = Date.now();
    const download = page.waitForEvent('download', { timeout: 300_000 });
    await page.getByRole('button', { name: 'Back up everything' }).click();
    const file = join(dir, (await download).suggestedFilename());
    const backupMs = Date.now() - t;
    await (await download).saveAs(file);
    report('back up everything, click to download', backupMs, 'ms');
    report('backup file (gzip)', statSync(file).size / 1024 / 1024, `MB, ${(ROWS + 38_228).toLocaleString('en-GB')} figures`);
    report('peak JS heap while backing up', (await sampler.stop()) / 1024 / 1024, 'MB');

    await page.evaluate(() => new Promise((resolve, reject) => Object.assign(indexedDB.deleteDatabase('safeguarding-lens'), { onsuccess: resolve, onerror: reject })));
    await page.reload();
    await appIdle(page);

    sampler = await heapSampler(page);
    t = Date.now();
    await page.getByLabel('Restore from a backup…').setInputFiles(file);
    const form = page.getByRole('form', { name: /^Restore / });
    await form.waitFor({ timeout: 300_000 });
    const readMs = Date.now() - t;
    await form.getByRole('radio', { name: 'Replace everything here with it' }).check();
    t = Date.now();
    await form.getByRole('button', { name: 'Replace everything with this backup' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored the backup' }).waitFor({ timeout: 300_000 });
    const writeMs = Date.now() - t;
    report('restore: reading and checking the whole file', readMs, 'ms');
    report('restore: replacing the database (one transaction)', writeMs, 'ms');
    report('peak JS heap while restoring', (await sampler.stop()) / 1024 / 1024, 'MB');
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
