import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dataValue, figureValue } from '../../../src/lib/charts/table-export';
import { csvField, toCsv, toTsv } from '../../../src/lib/charts/table-file';
import { observationsToCsv } from '../../../src/lib/import/export-csv';
import { spreadsheetCell } from '../../../src/lib/model/spreadsheet-cell';
import type { Area, Indicator, Observation } from '../../../src/lib/model/types';

// The four shapes of formula injection the hostile-input review found (issue 14, item 1).
const HOSTILE = ['=HYPERLINK("http://evil.example/a","click")', "+1+cmd|' /C calc'!A0", '-1+HYPERLINK("http://evil.example/b")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1'];

describe('spreadsheetCell (OWASP CSV injection)', () => {
  it.each(HOSTILE)('defuses %j with a leading apostrophe', (cell) => {
    expect(spreadsheetCell(cell)).toBe(`'${cell}`);
  });

  it.each(['-3.2', '+1.5', '0', '1e-3', '-.5', '43.5', 'Worcestershire', 'c', 'low', '-', '', 'joint 62 of 151', 'Herefordshire, County of'])('leaves %j as it is', (cell) => {
    expect(spreadsheetCell(cell)).toBe(cell);
  });

  it('writes a Unicode minus as a hyphen-minus, so Excel reads a number', () => {
    expect(spreadsheetCell('−1.2')).toBe('-1.2');
    expect(spreadsheetCell('−1.0 pts')).toBe("'-1.0 pts");
  });
});

describe('every export path uses it', () => {
  it('Download CSV', () => {
    const csv = toCsv([['Area', 'Value'], ...HOSTILE.map((h) => [h, '-3.2'])]);
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed.slice(1).map((r) => r[0])).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(parsed.slice(1).every((r) => r[1] === '-3.2')).toBe(true);
    expect(csvField('a,"b"')).toBe('"a,""b"""');
  });

  it('Copy table', () => {
    const tsv = toTsv([['=1+1', '-2'], ['@A1', '+x']]);
    expect(tsv).toBe("'=1+1\t-2\n'@A1\t'+x\n");
  });

  it('the data export’s CSV form, numbers staying numbers', () => {
    const areas: Area[] = HOSTILE.map((name, i) => ({ code: `X0000000${i}`, name, level: 'local_authority', aliases: [], importId: 'i' }));
    const indicators: Indicator[] = [{ id: 'x', label: '=cmd|calc', shortLabel: 'x', unit: 'count', polarity: 'neither', definition: '', source: '', decimals: 0, importId: 'i' }];
    const obs: Observation[] = areas.map((a) => ({ indicatorId: 'x', areaCode: a.code, period: 2025, value: -4, status: null, importId: 'i' }));
    obs.push({ indicatorId: 'x', areaCode: 'X00000000', period: 2024, value: null, status: '-', importId: 'i' });
    const rows = Papa.parse<Record<string, string>>(observationsToCsv(obs, areas, indicators).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.slice(0, HOSTILE.length).map((r) => r['area_name'])).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(rows.every((r) => r['indicator_label'] === "'=cmd|calc")).toBe(true);
    expect(rows.slice(0, HOSTILE.length).every((r) => r['value'] === '-4')).toBe(true);
    expect(rows.at(-1)!['value']).toBe('-');
  });
});

describe('cells as Excel should read them (issue 13, item 7)', () => {
  it('rounds a worked-out figure to the indicator’s decimal places', () => {
    expect(dataValue(36.088888888, 1)).toBe('36.1');
    expect(dataValue(-0.04, 1)).toBe('0');
    expect(dataValue(36.088888888)).toBe('36.088889');
  });

  it('writes a status as DfE does, and an empty cell for no value', () => {
    expect(figureValue(null, 'c')).toBe('c');
    expect(figureValue(null, 'low')).toBe('low');
    expect(figureValue(null, 'blank')).toBe('');
    expect(figureValue(undefined, undefined)).toBe('');
    expect(figureValue(43.5, null)).toBe('43.5');
  });
});
