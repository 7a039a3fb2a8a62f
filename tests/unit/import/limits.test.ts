import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/lib/import/csv-reader';
import { IMPORT_LIMITS } from '../../../src/lib/import/limits';
import { inspect, parse } from '../../../src/lib/import/pipeline';
import { zipEntries } from '../../../src/lib/import/zip-directory';
import { makeXlsx } from '../../fixtures/xlsx';
import { known, textFile } from './helpers';

/** An EES tidy file with `n` rate columns and two rows, as the hostile-input review built it. */
function wideEes(n: number): string {
  const cols = Array.from({ length: n }, (_, i) => `Rate_${i}`);
  const head = ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'new_la_code', 'la_name', ...cols].join(',');
  const row = (code: string, name: string) => ['202425', 'Reporting year', 'Local authority', 'E92000001', code, name, ...cols.map((_, i) => (i % 90) + 1)].join(',');
  return [head, row('E10000034', 'Worcestershire'), row('E08000030', 'Walsall')].join('\n');
}

describe('import limits (issue 14, item 4): refused before anything is read or stored, naming the limit', () => {
  it('a file of 10,000 columns', async () => {
    const res = await inspect(textFile('wide.csv', wideEes(10_000)), known);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.issues[0]).toMatchObject({ row: 1, message: `it has 10,006 columns, more than the ${IMPORT_LIMITS.columns.toLocaleString('en-GB')} columns an import may have, so it was not read. Nothing was stored.` });
  });

  it('a file just inside the column limit is read as before', async () => {
    expect((await inspect(textFile('wide.csv', wideEes(IMPORT_LIMITS.columns - 6)), known)).ok).toBe(true);
  });

  it('parse refuses a row wider than the limit even with a plan made elsewhere', async () => {
    const ok = await inspect(textFile('w.csv', wideEes(10)), known);
    if (!ok.ok) throw new Error('inspect failed');
    const res = await parse(textFile('w.csv', `${wideEes(10)}\n${'1,'.repeat(IMPORT_LIMITS.columns + 5)}`), ok.value.plan, known, { importId: 'i' });
    expect(!res.ok && res.issues[0]?.message).toMatch(/columns an import may have/);
  });

  it('an app data file bringing more indicators than the limit', async () => {
    const indicators = Array.from({ length: IMPORT_LIMITS.indicators + 1 }, (_, i) => ({ id: `x_${i}`, label: `X ${i}`, unit: 'count' }));
    const json = { format: 'safeguarding-lens/data', version: 1, indicators, observations: indicators.map((d) => ({ indicatorId: d.id, areaCode: 'E10000034', period: 2025, value: 1 })) };
    const res = await parse(textFile('many.json', JSON.stringify(json)), { format: 'app_json' }, known, { importId: 'i' });
    expect(!res.ok && res.issues[0]?.message).toBe(`it brings 1,001 indicators, more than the 1,000 indicators one import may bring. Nothing was stored.`);
  });
});

describe('the right reasons (issue 14, item 5)', () => {
  it('a row longer than the app reads, with no quote in it, is called too long, not an unclosed quote', async () => {
    const lines = 'a,b\n'.repeat(20);
    const opts = { encoding: 'utf-8', decided: true, chunkBytes: 16_384, maxRowChars: 100_000 } as const;
    const gen = readCsv(new Blob([`${lines}${'x'.repeat(200_000)}`]), opts);
    await expect(
      (async () => {
        for await (const _ of gen);
      })(),
    ).rejects.toThrow(/this row is longer than the .* MB a row may be \(it has no line break\)/);
    const quoted = readCsv(new Blob([`${lines}"${'x'.repeat(200_000)}`]), opts);
    await expect(
      (async () => {
        for await (const _ of quoted);
      })(),
    ).rejects.toThrow(/a quoted value that starts in this row is never closed/);
  });

  it('a workbook whose archive declares 400 MB is refused at once with that reason', async () => {
    const book = makeXlsx([{ name: 'Data', rows: [['Local authority', 'Year', 'Value'], ['Worcestershire', '2024-25', 1]] }]);
    const entries = zipEntries(book)!;
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    // Declare 400 MB for the sheet in the central directory, as a zip bomb's would be.
    const bytes = book.slice();
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < bytes.length - 4; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      if (new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + nameLength)) === 'xl/worksheets/sheet1.xml') view.setUint32(i + 24, 400 * 1024 * 1024, true);
    }
    expect(zipEntries(bytes)!.reduce((n, e) => n + e.unpackedBytes, 0)).toBeGreaterThan(400 * 1024 * 1024);
    const res = await inspect(textFile('bomb.xlsx', bytes), known);
    expect(!res.ok && res.issues[0]?.message).toMatch(/^the workbook unpacks to 400 MB \(as its own directory says\), more than the 100 MB the app reads/);
  });

  it('a real workbook is read as before', async () => {
    const book = makeXlsx([{ name: 'Data', rows: [['Local authority', 'Year', 'Value'], ['Worcestershire', '2024-25', 1]] }]);
    expect((await inspect(textFile('ok.xlsx', book), known)).ok).toBe(true);
  });
});
