/**
 * Files as government publishes them (issue 16): each layout in tests/fixtures/published.ts
 * read through the same inspect → parse steps the Data page uses.
 */
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../src/lib/import/generic-csv';
import { applyLayout, layoutKey } from '../../../src/lib/import/layout-key';
import { inspect, parse } from '../../../src/lib/import/pipeline';
import type { ImportPlan, TableMapping } from '../../../src/lib/import/plan';
import { proposePeriod, titlePeriods } from '../../../src/lib/import/title-period';
import { mergeSeries } from '../../../src/lib/model/series';
import { makeXlsx } from '../../fixtures/xlsx';
import { EES_GUIDANCE, EES_META, EES_DATA, mainTableRows, makeEesZip, makeOds, shown, toCsv } from '../../fixtures/published';
import { known, sourceFile, textFile } from './helpers';


function tableMapping(plan: ImportPlan): TableMapping {
  if (plan.format !== 'table') throw new Error(`expected a table plan, got ${plan.format}`);
  return plan.mapping;
}

async function importAll(file: File, plan?: ImportPlan) {
  const first = await inspect(file, known);
  if (!first.ok) throw new Error(JSON.stringify(first.issues));
  const res = await parse(file, plan ?? first.value.plan, known, { importId: 'imp' });
  return { inspection: first.value, res };
}

function valueOf(series: ReturnType<typeof mergeSeries>, area: string, period: number) {
  const o = series.find((x) => x.areaCode === area && x.period === period);
  return o ? (o.value ?? o.status) : undefined;
}

describe('a DfE main table (D1) saved as CSV', () => {
  const file = textFile('d1_2018.csv', toCsv(mainTableRows()));

  it('finds the header, the unlabelled LA number column, the year in the title and every column of figures with short names and units', async () => {
    const first = await inspect(file, known);
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const m = tableMapping(first.value.plan);
    expect(first.value.doubts).toEqual([]);
    expect([m.headerRow, m.layout, m.oldLaCode, m.areaName, m.period, m.fixedPeriod, m.indicator]).toEqual([7, 'long', 0, 1, null, 2018, null]);
    expect(m.figures.map((f) => [f.column, f.label, f.unit])).toEqual([
      [2, 'Children who became the subject of a plan during the year: number', 'count'],
      [3, 'Children who became the subject of a plan during the year: rate per 10,000 children', 'rate_per_10000'],
      [4, 'Children who ceased to be the subject of a plan during the year: number', 'count'],
      [5, 'Children who ceased to be the subject of a plan during the year: rate per 10,000 children', 'rate_per_10000'],
      [6, 'Children who were the subject of a plan at any point during the year: number', 'count'],
      [7, 'Children who were the subject of a plan at any point during the year: rate per 10,000 children', 'rate_per_10000'],
      [8, 'Children who were the subject of a plan at 31 March: number', 'count'],
      [9, 'Children who were the subject of a plan at 31 March: rate per 10,000 children', 'rate_per_10000'],
    ]);
    expect(first.value.previewComplete).toBe(true);
  });

  it('imports every figure column for 2017-18, leaving out notes, blanks and the Inner London subtotal, never failing on them', async () => {
    const { res } = await importAll(file);
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.series).toHaveLength(8);
    const idOf = (label: string) => res.value.indicators.find((i) => i.label === label)!.id;
    const at31 = mergeSeries(res.value.series.filter((s) => s.indicatorId === idOf('Children who were the subject of a plan at 31 March: rate per 10,000 children')));
    expect(valueOf(at31, 'E10000034', 2018)).toBe(37.5);
    expect(valueOf(at31, 'E92000001', 2018)).toBe(45.3); // "England1"
    expect(valueOf(at31, 'E06000019', 2018)).toBe(41.8); // "Herefordshire, County of"
    expect(valueOf(at31, 'E12000005', 2018)).toBe(53.5);
    const ceased = mergeSeries(res.value.series.filter((s) => s.indicatorId === idOf('Children who ceased to be the subject of a plan during the year: number')));
    expect(valueOf(ceased, 'E08000029', 2018)).toBe('c');
    expect(res.value.unknownAreas).toEqual([]);
    // Source, two footnotes and the symbol key; the trailing line break of the CSV is a fourth blank row.
    expect(res.value.warnings.map((w) => w.message)).toContain('Not imported: 4 notes rows, 1 subtotal row, 4 blank rows.');
    expect(res.value.indicators.find((i) => i.id.endsWith('at_31_march_number'))).toMatchObject({ unit: 'count', decimals: 0, polarity: 'neither' });
  });

  it('still names the row and column of a figure that really is bad', async () => {
    const rows = mainTableRows();
    rows[10]![9] = 'abc'; // Worcestershire, rate at 31 March
    const { res } = await importAll(textFile('bad.csv', toCsv(rows)));
    expect(!res.ok && res.issues[0]).toMatchObject({ row: 11, column: 'Rate per 10,000 children2', message: expect.stringContaining('“abc” is not a number') });
  });

  it('reads the next year’s edition with the same layout key, and a remembered mapping keeps the new file’s year', async () => {
    const a = mainTableRows().map((r) => r.map(String));
    const b = mainTableRows('2018-19', 2019).map((r) => r.map(String));
    expect(layoutKey(a[6]!)).toBe(layoutKey(b[6]!));
    const guess2019 = guessMapping(b, 7, known.areas, 'd1_2019.csv');
    const renamed = { ...guessMapping(a, 7, known.areas, 'd1_2018.csv'), fixedPeriod: null };
    renamed.figures = [{ ...renamed.figures[7]!, label: 'CP plan rate (main tables)', polarity: 'lower_is_better' }];
    expect(applyLayout(renamed, 7, guess2019)).toMatchObject({ fixedPeriod: 2019, figures: [{ column: 9, label: 'CP plan rate (main tables)', polarity: 'lower_is_better' }] });
  });
});

describe('the year of a table from its title', () => {
  it.each([
    [[['Year: 2017-18']], 2018],
    [[['Children looked after at 31 March 2018']], 2018],
    [[['Local authority inspection judgements as at 31 March 2025']], 2025],
    [[['Table A1, 2013 to 2024']], null],
  ])('%j → %s', (title, year) => {
    const rows = [...title, ['Area', 'Number'], ['Walsall', '1']];
    expect(proposePeriod(titlePeriods(rows, rows.length - 1)).period).toBe(year);
  });

  it('takes a sheet name’s year, and shows a title and a header that disagree instead of choosing silently', () => {
    expect(proposePeriod(titlePeriods([['Area', 'Number'], ['Walsall', '1']], 1, 'Table_D1_2024-25'))).toEqual({ period: 2025, mixed: false });
    const hints = titlePeriods([['Year: 2017-18'], ['Area', 'Children at 31 March 2019'], ['Walsall', '1']], 2);
    expect(hints.map((h) => [h.period, h.where])).toEqual([
      [2018, 'title row 1'],
      [2019, 'the header of column 2'],
    ]);
    expect(proposePeriod(hints).mixed).toBe(true);
  });
});

describe('a main table in a workbook', () => {
  it('reads the .xlsx as the CSV is read, and several sheets in one import', async () => {
    const d1 = mainTableRows();
    const d1Next = mainTableRows('2018-19', 2019);
    const book = makeXlsx([
      { name: 'Contents', rows: [['Table D1 …'], ['Table D1b …']] },
      { name: 'D1', rows: d1 as (string | number | null)[][] },
      { name: 'D1b', rows: d1Next as (string | number | null)[][] },
    ]);
    const file = new File([book], 'main_tables.xlsx');
    const first = await inspect(file, known);
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect([first.value.sheet, first.value.notesSheets]).toEqual(['D1', ['Contents']]);
    const second = await inspect(file, known, { sheet: 'D1b' });
    if (!second.ok) throw new Error('inspect failed');
    const keep = (m: TableMapping): TableMapping => ({ ...m, figures: m.figures.filter((f) => f.column === 9).map((f) => ({ ...f, label: 'CP plan rate (main tables)' })) });
    const plan: ImportPlan = {
      format: 'sheets',
      sheets: [
        { sheet: 'D1', mapping: keep(tableMapping(first.value.plan)) },
        { sheet: 'D1b', mapping: keep(tableMapping(second.value.plan)) },
      ],
    };
    const res = await parse(file, plan, known, { importId: 'imp' });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.kind).toBe('xlsx');
    expect(res.value.series.map((s) => s.indicatorId)).toEqual(['cp_plan_rate_main_tables']);
    const obs = mergeSeries(res.value.series);
    expect([valueOf(obs, 'E10000034', 2018), valueOf(obs, 'E10000034', 2019)]).toEqual([37.5, 37.5]);
  });
});

describe('OpenDocument spreadsheets', () => {
  it('skips the cover and notes sheets, reads numbers from their value not their formatted text, and the year from the title', async () => {
    const ods = makeOds([
      { name: 'Cover', rows: [['Children in need, 2024-25'], ['Published 30 October 2025']] },
      { name: 'Notes', rows: [['Note number', 'Note text'], ['1', 'Figures are rounded.']] },
      {
        name: 'Table_1',
        rows: [
          ['Table 1: Referrals by local authority, 2024-25'],
          ['This worksheet contains one table.'],
          ['ONS Code', 'Local authority', 'Referrals', 'Referral rate per 10,000 children'],
          ['E10000034', 'Worcestershire CC', shown(4321), { value: 381.2, shown: '381.2' }],
          ['E06000019', 'Herefordshire UA', shown(1234), { value: 352.9, shown: '352.9' }],
          ['E08000030', 'Walsall MBC', shown(12345), { value: 712, shown: '712.0' }],
          ['[note 1] Source: children in need census.'],
        ],
      },
    ]);
    const { inspection, res } = await importAll(new File([ods as BlobPart], 'cin.ods'));
    expect([inspection.sheet, inspection.notesSheets]).toEqual(['Table_1', ['Cover', 'Notes']]);
    expect(tableMapping(inspection.plan)).toMatchObject({ headerRow: 3, areaCode: 0, areaName: 1, fixedPeriod: 2025 });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.kind).toBe('ods');
    const referrals = mergeSeries(res.value.series.filter((s) => s.indicatorId === 'referrals'));
    expect(referrals.map((o) => [o.areaCode, o.period, o.value])).toEqual([
      ['E10000034', 2025, 4321],
      ['E06000019', 2025, 1234],
      ['E08000030', 2025, 12345],
    ]);
  });

  it('imports Ofsted’s published outcomes as the ordinal judgement indicators, not as errors', async () => {
    // data/source/ holds a byte copy of the file as Ofsted published it (../shared/data).
    const { inspection, res } = await importAll(sourceFile('LA_Inspection_Outcomes_as_at_31_March_2025.ods'));
    const m = tableMapping(inspection.plan);
    expect([inspection.sheet, m.headerRow, m.areaCode, m.fixedPeriod]).toEqual(['Inspections_as_at_31_March', 3, 1, 2025]);
    expect(m.figures.map((f) => [f.existingId, f.scale])).toEqual([
      ['ilacs_overall', 'ofsted_judgement'],
      ['ilacs_leaders', 'ofsted_judgement'],
      ['ilacs_help_protection', 'ofsted_judgement'],
      ['ilacs_children_in_care', 'ofsted_judgement'],
      ['ilacs_care_leavers', 'ofsted_judgement'],
    ]);
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    const overall = mergeSeries(res.value.series.filter((s) => s.indicatorId === 'ilacs_overall'));
    // LA_Inspection_Outcomes_as_at_31_March_2025.ods, sheet Inspections_as_at_31_March: Worcestershire Good, Herefordshire Inadequate, Solihull Inadequate, Walsall Good.
    expect(['E10000034', 'E06000019', 'E08000029', 'E08000030'].map((a) => valueOf(overall, a, 2025))).toEqual([3, 1, 1, 3]);
    expect(overall).toHaveLength(153);
    expect(res.value.unknownAreas).toEqual([]);
    expect(res.value.indicators).toEqual([]);
  });

  it('makes a new ordinal indicator of judgement words the app has no indicator for', async () => {
    const ods = makeOds([{ name: 'S', rows: [['Judgements at 31 March 2024'], ['Local authority', 'Fostering service'], ['Walsall', 'Good'], ['Solihull', 'Requires improvement to be good'], ['Worcestershire', '']] }]);
    const { res } = await importAll(new File([ods as BlobPart], 'fostering.ods'));
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.indicators).toEqual([expect.objectContaining({ id: 'fostering_service', unit: 'ordinal', polarity: 'higher_is_better', scale: expect.objectContaining({ id: 'ofsted_judgement' }) })]);
    // Worcestershire's row has no judgement: a row with no figure is left out, as blank rows are.
    expect(mergeSeries(res.value.series).map((o) => [o.areaCode, o.value ?? o.status])).toEqual([
      ['E08000030', 3],
      ['E08000029', 2],
    ]);
  });
});

describe('EES downloads as they come', () => {
  const check = (res: Awaited<ReturnType<typeof parse>>) => {
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.kind).toBe('ees_csv');
    const percent = res.value.indicators.find((i) => i.id === 'awaiting_assessment_percent');
    expect(percent).toMatchObject({ label: 'Share of referrals awaiting an assessment', unit: 'percent', decimals: 1, definition: expect.stringContaining('awaiting assessment') });
    expect(res.value.indicators.find((i) => i.id === 'awaiting_assessment')).toMatchObject({ label: 'Children awaiting an assessment at 31 March', unit: 'count', decimals: 0 });
  };

  it('reads the data set zip with its .meta.csv and data guidance', async () => {
    const file = new File([makeEesZip() as BlobPart], 'awaiting-assessment.zip');
    const first = await inspect(file, known);
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect(first.value.description).toContain('with its metadata and data guidance');
    expect(first.value.plan.format === 'ees_tidy' && first.value.plan.ees.meta?.guidance).toBe(EES_GUIDANCE);
    check(await parse(file, first.value.plan, known, { importId: 'imp' }));
  });

  it('reads the CSV and its .meta.csv dropped together', async () => {
    const file = textFile('awaiting_assessment.csv', EES_DATA);
    const first = await inspect(file, known, { metaText: EES_META });
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const res = await parse(file, first.value.plan, known, { importId: 'imp' });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.indicators.find((i) => i.id === 'awaiting_assessment_percent')).toMatchObject({ label: 'Share of referrals awaiting an assessment', unit: 'percent' });
  });
});

describe('names with suffixes and code columns as published', () => {
  it.each(['ONS Code', 'E-code', 'new_la_code', 'Local authority area code', 'GSS code'])('“%s” is the area code column', (h) => {
    expect(guessMapping([[h, 'Year', 'Value'], ['E10000034', '2024', '1']], 1, known.areas, 'f.csv').areaCode).toBe(0);
  });

  it('“LA number” is the DfE number column, and council suffixes still match the area', async () => {
    const csv = 'LA number,Local authority,Year,Value\n885,Worcestershire County Council,2024,1\n,Herefordshire UA,2024,2\n,Walsall MBC,2024,3\n,England1,2024,4\n';
    const { inspection, res } = await importAll(textFile('names.csv', csv));
    expect(tableMapping(inspection.plan).oldLaCode).toBe(0);
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(mergeSeries(res.value.series).map((o) => o.areaCode)).toEqual(['E10000034', 'E06000019', 'E08000030', 'E92000001']);
  });
});
