import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { expect, settled, test } from './fixtures';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordLine } from '../../src/lib/db/backup-format';
import { BackupReader, keysOfStores } from '../../src/lib/db/backup-validate';
import bundleMeta from '../../data/bundle-meta.json' with { type: 'json' };
import { SCHEMA } from '../../src/lib/db/database';
import { createV1Database, dumpStores, simulateFullDisk, withoutBundleLoadTime, type Tables } from './durable-helpers';
import { storeCounts } from './helpers';
import { IMPORT_LIMITS } from '../../src/lib/import/limits';

const SOURCE = join(import.meta.dirname, '..', '..', 'data', 'source');
const C1 = 'c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv';
const KEY: Record<string, string> = { areas: 'code', meta: 'key' };

// Each test writes its files to a folder of its own, removed after it.
let dir = '';
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lens-durable-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Tables as exact text (typed arrays byte for byte), in key order, to compare two databases. */
function encoded(tables: Tables): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(tables).map(([name, records]) => [name, records.map((r) => [String(r[KEY[name] ?? 'id']), recordLine(name, r)]).sort(([a], [b]) => (a! < b! ? -1 : 1)).map(([, l]) => l!)]),
  );
}

/** axe-core, WCAG 2.0–2.2 A and AA: serious or critical violations (as tests/e2e/accessibility.spec.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

async function openData(page: Page) {
  await page.goto('/#/data');
  await settled(page);
  await expect(page.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
}

async function importFile(page: Page, path: string, name: string) {
  await page.getByLabel('Import data').setInputFiles(path);
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: `Imported ${name}` })).toBeVisible();
}

/** The app's JSON data file, as the Export button writes it, without its time stamp. */
async function exportJson(page: Page): Promise<unknown> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as JSON data file' }).click();
  const path = join(dir, `export-${Date.now()}.json`);
  await (await download).saveAs(path);
  return { ...(JSON.parse(readFileSync(path, 'utf8')) as object), exportedAt: '' };
}

async function backUp(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up everything' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^safeguarding-lens-backup-\d{4}-\d{2}-\d{2}\.jsonl\.gz$/);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  await expect(page.getByRole('status').filter({ hasText: /^Backed up [\d,]+ records/ })).toBeVisible();
  return path;
}

async function restore(page: Page, path: string, how: 'Merge it with what is here' | 'Replace everything here with it') {
  await page.getByLabel('Restore from a backup…').setInputFiles(path);
  const form = page.getByRole('form', { name: /^Restore / });
  await expect(form).toBeVisible();
  await form.getByRole('radio', { name: how }).check();
  await form.getByRole('button', { name: how.startsWith('Merge') ? 'Merge this backup in' : 'Replace everything with this backup' }).click();
}

test('back up, wipe the browser’s data, restore: the exports and every table are as they were; merging it again adds nothing', async ({ page }) => {
  await openData(page);
  await importFile(page, join(SOURCE, C1), C1);
  const before = { exported: await exportJson(page), tables: encoded(withoutBundleLoadTime(await dumpStores(page))), counts: await storeCounts(page) };
  const backup = await backUp(page);

  // Wiped, as clearing the site's data does: the open tab lets go and says so.
  await page.evaluate(() => new Promise((resolve, reject) => Object.assign(indexedDB.deleteDatabase('safeguarding-lens'), { onsuccess: resolve, onerror: reject })));
  await expect(page.getByRole('alert').filter({ hasText: 'deleted in another tab' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: C1 })).toHaveCount(0);
  expect((await storeCounts(page)).imports).toBe(1);

  await page.getByLabel('Restore from a backup…').setInputFiles(backup);
  const form = page.getByRole('form', { name: /^Restore / });
  await expect(form).toContainText(C1);
  await expect(form.getByRole('radio', { name: 'Replace everything here with it' })).toHaveAccessibleDescription(/Nothing has been imported here/);
  await form.getByRole('radio', { name: 'Replace everything here with it' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Replace everything with this backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored the backup made on' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: C1 })).toBeVisible();

  expect(await storeCounts(page)).toEqual(before.counts);
  expect(encoded(withoutBundleLoadTime(await dumpStores(page)))).toEqual(before.tables);
  expect(await exportJson(page)).toEqual(before.exported);

  await restore(page, backup, 'Merge it with what is here');
  const merged = page.getByRole('status').filter({ hasText: 'Merged the backup made on' });
  await expect(merged).toContainText('0 imports added');
  await expect(merged).toContainText(`${C1} was not added: this browser holds that import already.`);
  expect(encoded(withoutBundleLoadTime(await dumpStores(page)))).toEqual(before.tables);
});

test('a file that is not a backup is refused with a reason, and nothing changes', async ({ page }) => {
  await openData(page);
  const before = await storeCounts(page);
  const path = join(dir, 'not-a-backup.jsonl');
  writeFileSync(path, JSON.stringify({ format: 'safeguarding-lens/data', version: 1, observations: [] }));
  await page.getByLabel('Restore from a backup…').setInputFiles(path);
  await expect(page.getByRole('alert')).toContainText('not-a-backup.jsonl cannot be restored: this is a data file exported from Safeguarding Lens, not a backup');
  await expect(page.getByRole('form', { name: /^Restore / })).toHaveCount(0);
  expect(await storeCounts(page)).toEqual(before);
});

test('presentation mode offers no restore and no backup', async ({ page }) => {
  await page.goto('/#/data?present=1');
  await expect(page.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Storage' })).toBeVisible();
  await expect(page.getByLabel('Restore from a backup…')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Back up everything' })).toHaveCount(0);
  await expect(page.getByRole('main').locator('input, select, textarea')).toHaveCount(0);
});

test('storage: usage and quota are shown, and keeping the data is asked for only on request', async ({ page }) => {
  await openData(page);
  await expect(page.getByText(/^This site uses [\d.,]+ [KMG]B of this browser’s storage, of about [\d.,]+ [KMG]B it may use/)).toBeVisible();
  // The imports table says about how much each import takes.
  await expect(page.getByRole('row', { name: /Bundled data/ }).getByRole('cell').nth(5)).toHaveText(/^[\d.,]+ [KM]B$/);
  const ask = page.getByRole('button', { name: 'Ask the browser to keep this data' });
  await expect(ask).toBeVisible();
  await ask.click();
  await expect(page.getByRole('status').filter({ hasText: /^The browser (agreed|did not agree)/ })).toBeVisible();
});

test.describe('a full disk', () => {
  test.beforeEach(async ({ page }) => simulateFullDisk(page));

  test('during an import: the message says what could not be stored, and nothing was', async ({ page }) => {
    await openData(page);
    const before = await storeCounts(page);
    await page.evaluate(() => ((window as unknown as { __failWritesAfter?: number }).__failWritesAfter = 3));
    await page.getByLabel('Import data').setInputFiles(join(SOURCE, C1));
    const alert = page.getByRole('alert').filter({ hasText: C1 });
    await expect(alert).toContainText(`${C1} was read, but the browser has no room left to store it.`, { timeout: 60_000 });
    await expect(alert).toContainText('Nothing was stored.');
    expect(await storeCounts(page)).toEqual(before);
    await expect(page.getByRole('rowheader', { name: C1 })).toHaveCount(0);
  });

  test('during a restore: the message says so, and the database is as it was', async ({ page }) => {
    await openData(page);
    await importFile(page, join(SOURCE, C1), C1);
    const backup = await backUp(page);
    await page.getByRole('button', { name: `Undo the import of ${C1}` }).click();
    await expect(page.getByRole('rowheader', { name: C1 })).toHaveCount(0);
    const before = { counts: await storeCounts(page), tables: encoded(await dumpStores(page)) };

    // A restore writes only the imports and edits (the bundled figures stay): a few writes, then the disk is full.
    await page.evaluate(() => ((window as unknown as { __failWritesAfter?: number }).__failWritesAfter = 5));
    await restore(page, backup, 'Replace everything here with it');
    await expect(page.getByRole('alert')).toContainText('was read, but the browser has no room left to store it. Nothing was changed: everything held before is still here.');
    expect(await storeCounts(page)).toEqual(before.counts);
    expect(encoded(await dumpStores(page))).toEqual(before.tables);
  });
});

test('several tabs: an import and its undo in one tab show in the others without a reload', async ({ context }) => {
  const [a, b, c] = [await context.newPage(), await context.newPage(), await context.newPage()];
  await openData(a);
  await openData(b);
  await c.goto('/#/compare?areas=E10000034&indicator=cpp_rate&from=2024&to=2025');
  const trend = c.getByRole('table', { name: /^Children on a child protection plan at 31 March.*, \d{4}-\d{2} to \d{4}-\d{2}$/ });
  const cell = trend.getByRole('row').filter({ hasText: 'Worcestershire' }).getByRole('cell').last();
  await expect(cell).toHaveText(/^\d/);
  const bundled = await cell.textContent();

  const path = join(dir, 'revised.json');
  writeFileSync(path, JSON.stringify({ format: 'safeguarding-lens/data', version: 1, observations: [{ indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: 99.9 }] }));
  await importFile(a, path, 'revised.json');
  await expect(b.getByRole('rowheader', { name: 'revised.json' })).toBeVisible();
  // The imported figure is drawn, the bundled one beside it since the two sources differ.
  await expect(cell).toHaveText(new RegExp(`^99\\.9 \\(your import revised\\.json, .*\\); ${bundled!.replace('.', '\\.')} \\(LAIT`));

  await a.getByRole('button', { name: 'Undo the import of revised.json' }).click();
  await expect(b.getByRole('rowheader', { name: 'revised.json' })).toHaveCount(0);
  await expect(cell).toHaveText(bundled!);
});

test('a schema upgrade in another tab: this tab lets go of the database and says to reload', async ({ context }) => {
  const a = await context.newPage();
  await openData(a);
  const b = await context.newPage();
  await b.goto('/favicon.svg');
  // A newer version of the app opening the database at a higher version: it must not wait on tab A.
  const newVersion = (SCHEMA.length + 1) * 10;
  const opened = await b.evaluate(
    (v) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('safeguarding-lens', v);
        req.onsuccess = () => {
          resolve(req.result.version);
          req.result.close();
        };
        req.onerror = () => reject(req.error);
        req.onblocked = () => reject(new Error('blocked by the other tab'));
      }),
    newVersion,
  );
  expect(opened).toBe(newVersion);
  const notice = a.getByRole('alert').filter({ hasText: 'Safeguarding Lens was updated in another tab — reload to continue.' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);
});

test('an upgrade held up by a tab of the older version says so, and goes on when that tab lets go', async ({ context }) => {
  // Tab B: the database as version 1 left it, held open by code that does not let go when asked.
  const b = await context.newPage();
  await b.goto('/favicon.svg');
  await createV1Database(b, SCHEMA[0]!.stores as Record<string, string>, {});
  await b.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('safeguarding-lens', 10);
        req.onsuccess = () => {
          (window as unknown as { held: IDBDatabase }).held = req.result;
          resolve();
        };
        req.onerror = () => reject(req.error);
      }),
  );

  const a = await context.newPage();
  await a.goto('/#/data');
  const notice = a.getByRole('alert').filter({ hasText: 'waiting for another tab or window that has it open with the older version' });
  await expect(notice).toBeVisible();
  await expect(a.getByRole('table', { name: 'Data held in this browser' })).toHaveCount(0);

  await b.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
  await settled(a);
  await expect(a.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('a tab closed in the middle of an import leaves no part of it behind', async ({ context }) => {
  const path = join(dir, 'big.csv');
  const out = createWriteStream(path);
  out.write('time_period,time_identifier,geographic_level,country_code,region_code,new_la_code,la_name,Referrals_rate\n');
  const line = '2024,Reporting year,Local authority,E92000001,E12000005,E10000034,Worcestershire,399.9\n';
  const chunk = line.repeat(10_000);
  for (let written = 0; written < 80 * 1024 * 1024; written += chunk.length) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));

  const a = await context.newPage();
  await openData(a);
  const before = await storeCounts(a);
  await a.getByLabel('Import data').setInputFiles(path);
  await expect(a.getByRole('progressbar', { name: 'Reading big.csv' })).toBeVisible({ timeout: 30_000 });
  await a.close();

  const b = await context.newPage();
  await openData(b);
  expect(await storeCounts(b)).toEqual(before);
  await expect(b.getByRole('rowheader', { name: 'big.csv' })).toHaveCount(0);
});

test('a tab closed while an import is being stored leaves all of it or none of it', async ({ context }) => {
  // As many indicators (one per characteristic) as one import may bring, so storing takes long
  // enough that the tab is usually closed during it.
  const groups = IMPORT_LIMITS.indicators;
  const las = ['E10000034,Worcestershire', 'E08000030,Walsall', 'E08000029,Solihull', 'E06000019,Herefordshire'];
  let text = 'time_period,time_identifier,geographic_level,new_la_code,la_name,characteristic,Referrals_rate\n';
  let rows = 0;
  for (let g = 0; g < groups; g++) {
    for (let y = 2013; y <= 2025; y++) {
      for (const la of las) {
        text += `${y},Reporting year,Local authority,${la},${g === 0 ? 'Total' : `Group ${g}`},${(300 + ((g * 7 + y) % 200)).toFixed(1)}\n`;
        rows++;
      }
    }
  }
  const path = join(dir, 'many.csv');
  writeFileSync(path, text);

  const a = await context.newPage();
  await openData(a);
  const before = await storeCounts(a);
  await a.getByLabel('Import data').setInputFiles(path);
  // The characteristics are breakdowns, the total alone by default: every one is chosen.
  await a.getByRole('button', { name: 'Every value of characteristic' }).click();
  await a.getByRole('button', { name: 'Import many.csv' }).click();
  // Storing, or (on a fast machine) already stored; a refusal would make the test pass vacuously.
  const storing = a.getByText('Storing many.csv…');
  const stored = a.getByRole('log', { name: 'Import messages' }).getByText(/Imported many\.csv/);
  await (storing.or(stored)).first().waitFor({ state: 'visible', timeout: 0 });
  await a.close();

  const b = await context.newPage();
  await openData(b);
  const after = await storeCounts(b);
  const whole = { ...before, imports: before.imports + 1, series: before.series + groups, observations: before.observations + rows, indicators: after.indicators };
  // Either the transaction was aborted with the page, or it had committed whole: never a part.
  expect([before, whole]).toContainEqual(after);
  test.info().annotations.push({ type: 'outcome', description: after.imports === before.imports ? 'nothing was stored' : 'the import had committed whole' });
});

const BUNDLE_HASH = bundleMeta.hash;

test('a version-1 database with real content opens in this version with nothing lost', async ({ page }) => {
  const reader = new BackupReader(1, keysOfStores(SCHEMA[0]!.stores));
  for (const l of readFileSync(join(import.meta.dirname, '..', 'fixtures', 'db-v1.jsonl'), 'utf8').split('\n')) reader.feed(l);
  const fixture = reader.finish();
  if (!fixture.ok) throw new Error(fixture.problems.join('\n'));
  // A page of the app's origin that does not run the app, to create the database as version 1 left it.
  await page.goto('/favicon.svg');
  await createV1Database(page, SCHEMA[0]!.stores as Record<string, string>, fixture.value.tables);

  await openData(page);
  for (const name of [C1, 'local-contacts.csv', 'walsall-annual-report.html']) {
    await expect(page.getByRole('row', { name: new RegExp(name.replace(/\./g, '\\.')) }).getByRole('cell').nth(5)).toHaveText(/^[\d.,]+ [KM]B$/);
  }
  const after = await dumpStores(page);
  // The app replaces the bundled records whenever its bundle is newer than the one the
  // database holds (db/bundled.ts), so what must survive untouched is everything else:
  // every record the user brought, in every table.
  // An indicator an import brought whose id the bundle has since taken (no_further_action_percent,
  // not_in_need_percent) keeps the bundle's definition, as any id the app already has does;
  // the import's figures stay in its own series.
  const bundledIds = new Set(after['indicators']!.filter((r) => r['importId'] === 'bundled').map((r) => r['id']));
  const own = (name: string, rs: Record<string, unknown>[]) =>
    rs.filter(
      (r) =>
        r['importId'] !== 'bundled' &&
        !(name === 'indicators' && bundledIds.has(r['id'])) &&
        !(name === 'imports' && r['id'] === 'bundled') &&
        !(name === 'meta' && String(r['key']).startsWith('bundle')),
    );
  // Version 3 stores each older series record as a pack of one under the same key.
  const unpacked = (name: string, rs: Record<string, unknown>[]) => (name === 'series' ? rs.flatMap((p) => p['series'] as Record<string, unknown>[]) : rs);
  for (const [name, records] of Object.entries(fixture.value.tables)) {
    const strip = (rs: Record<string, unknown>[]) => encoded({ [name]: own(name, rs).map(({ storedBytes: _, ...r }) => r) });
    expect(strip(unpacked(name, after[name]!)), name).toEqual(strip(records));
  }
  expect(after['series']!.filter((p) => p['importId'] !== 'bundled').map((p) => [p['id'], p['indicatorIds']])).toEqual(
    fixture.value.tables['series']!.filter((s) => s['importId'] !== 'bundled').map((s) => [s['id'], [s['indicatorId']]]),
  );
  expect(after['meta']!.find((m) => m['key'] === 'bundleHash')?.['value']).toBe(BUNDLE_HASH);
  expect(after['imports']!.every((i) => typeof i['storedBytes'] === 'number' && i['storedBytes'] > 0)).toBe(true);

  // The custom area's figures, in Compare.
  const barset = fixture.value.tables['areas']!.find((a) => a['name'] === 'Barsetshire')!['code'] as string;
  const local = fixture.value.tables['indicators']!.find((i) => i['label'] === 'Contacts to the front door')!['id'] as string;
  await page.goto(`/#/compare?areas=${barset}&indicator=${local}`);
  const trend = page.getByRole('table', { name: /^Contacts to the front door.*, \d{4}-\d{2} to \d{4}-\d{2}$/ });
  await expect(trend.getByRole('row').filter({ hasText: 'Barsetshire' }).getByRole('cell')).toHaveText(['340', '362', '401']);
});
