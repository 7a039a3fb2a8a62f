import { describe, expect, it } from 'vitest';
import { inspect, parse } from '../../../src/lib/import/pipeline';
import { readWorkbook } from '../../../src/lib/import/xlsx';
import { mergeSeries } from '../../../src/lib/model/series';
import { makeXlsx } from '../../fixtures/xlsx';
import { known } from './helpers';

const book = makeXlsx([
  { name: 'Notes', rows: [['Made up for this test']] },
  { name: 'Data', rows: [['Local authority', 'Year', 'Value'], ['Worcestershire', '2024-25', 12.5], ['Walsall', 2025, 'c']] },
]);

describe('xlsx', () => {
  it('reads every sheet as text cells', async () => {
    const wb = await readWorkbook(book.slice().buffer);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Notes', 'Data']);
    expect(wb.sheets[1]!.rows).toEqual([['Local authority', 'Year', 'Value'], ['Worcestershire', '2024-25', '12.5'], ['Walsall', '2025', 'c']]);
  });

  it('inspects the chosen sheet and imports it', async () => {
    const file = new File([book], 'book.xlsx');
    const first = await inspect(file, known);
    // The notes sheet is listed but not where the mapping starts.
    expect(first.ok && [first.value.sheets, first.value.sheet, first.value.notesSheets, first.value.needsMapping]).toEqual([['Notes', 'Data'], 'Data', ['Notes'], true]);
    const data = await inspect(file, known, 'Data');
    if (!data.ok) throw new Error('inspect failed');
    const res = await parse(file, data.value.plan, known, { importId: 'imp' });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.kind).toBe('xlsx');
    expect(mergeSeries(res.value.series).map((o) => [o.areaCode, o.period, o.value, o.status])).toEqual([
      ['E10000034', 2025, 12.5, null],
      ['E08000030', 2025, null, 'c'],
    ]);
  });

  it('says so when a zip is not a workbook', async () => {
    const out = await inspect(new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'x.xlsx'), known);
    expect(!out.ok && out.issues[0]?.message).toContain('not a workbook the app can read');
  });
});
