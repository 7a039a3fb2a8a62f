import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storeCounts } from './helpers';

/**
 * A backup edited by hand (issue 14, item 3): every bundled CP-plan rate set to 1.0 and
 * an imported area renamed. Without its digest rewritten it is refused and nothing
 * changes; with the digest forged too, a restore still never changes the bundled
 * (published) figures.
 */
let dir = '';
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lens-hostile-backup-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DATA_FILE = JSON.stringify({
  format: 'safeguarding-lens/data',
  version: 1,
  areas: [{ code: 'X00000077', name: 'Barsetshire', level: 'local_authority', aliases: ['Barsetshire'] }],
  indicators: [{ id: 'local_contacts', label: 'Contacts', shortLabel: 'Contacts', unit: 'count', polarity: 'neither', definition: '', source: 'test', decimals: 0 }],
  observations: [{ indicatorId: 'local_contacts', areaCode: 'X00000077', period: 2025, value: 12 }],
});

/** Backup lines with every bundled cpp_rate value set to 1.0 and Barsetshire renamed. */
function tamper(lines: string[]): string[] {
  return lines.map((l, i) => {
    if (i === 0 || l === '') return l;
    const line = JSON.parse(l) as { table: string; record: Record<string, unknown> };
    if (line.table === 'areas' && line.record['code'] === 'X00000077') line.record['name'] = 'Renamed';
    if (line.table === 'series' && line.record['importId'] === 'bundled') {
      for (const s of line.record['series'] as { indicatorId: string; values: { $typed: string; base64: string } }[]) {
        if (s.indicatorId !== 'cpp_rate') continue;
        const n = Buffer.from(s.values.base64, 'base64').length / 8;
        s.values.base64 = Buffer.from(new Float64Array(n).fill(1).buffer).toString('base64');
      }
    }
    return JSON.stringify(line);
  });
}

async function backUp(page: Page): Promise<string[]> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up everything' }).click();
  const path = join(dir, 'backup.jsonl.gz');
  await (await download).saveAs(path);
  return gunzipSync(readFileSync(path)).toString('utf8').split('\n');
}

async function worcestershireRate(page: Page): Promise<string> {
  await page.goto('/#/compare?areas=E10000034&indicator=cpp_rate&from=2024&to=2025');
  const row = page.getByRole('table', { name: /^Children on a child protection plan/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Worcestershire', exact: true }) });
  await expect(row.getByRole('cell').last()).not.toHaveText('');
  return (await row.getByRole('cell').last().textContent())!.trim();
}

test('a backup changed by hand is refused, saying so, with nothing changed; a forged one never changes the published figures', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles({ name: 'barset.json', mimeType: 'application/json', buffer: Buffer.from(DATA_FILE) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported barset.json' })).toBeVisible();
  const lines = await backUp(page);
  const before = await storeCounts(page);

  const changed = join(dir, 'changed.jsonl');
  writeFileSync(changed, tamper(lines).join('\n'));
  await page.getByLabel('Restore from a backup…').setInputFiles(changed);
  await expect(page.getByRole('alert')).toContainText('changed.jsonl cannot be restored: this backup has been changed since it was made');
  await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
  await expect(page.getByRole('form', { name: /^Restore / })).toHaveCount(0);
  expect(await storeCounts(page)).toEqual(before);

  // Whoever changes the figures can rewrite the digest too: the published figures still stay the app's.
  expect(await worcestershireRate(page)).toBe('43.5');
  const tampered = tamper(lines);
  const body = tampered.slice(1).filter((l) => l !== '');
  const header = { ...(JSON.parse(tampered[0]!) as object), contentSha256: createHash('sha256').update(body.map((l) => `${l}\n`).join('')).digest('hex') };
  const forged = join(dir, 'forged.jsonl');
  writeFileSync(forged, [JSON.stringify(header), ...body].join('\n') + '\n');
  await page.goto('/#/data');
  await page.getByLabel('Restore from a backup…').setInputFiles(forged);
  const form = page.getByRole('form', { name: /^Restore / });
  await expect(form).toContainText('The published figures (the bundled DfE and ONS data) are never taken from a backup');
  await form.getByRole('radio', { name: 'Replace everything here with it' }).check();
  await form.getByRole('button', { name: 'Replace everything with this backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored the backup made on' })).toBeVisible();
  expect(await worcestershireRate(page)).toBe('43.5');
  await page.reload();
  expect(await worcestershireRate(page)).toBe('43.5');
});
