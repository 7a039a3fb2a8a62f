import { describe, expect, it } from 'vitest';
import { AreaResolver } from '../../../src/lib/import/area-match';
import { columnLetter, guessMapping, mappingProblems, TableReader } from '../../../src/lib/import/generic-csv';
import { IssueList } from '../../../src/lib/import/issues';
import { observationAt } from '../../../src/lib/model/series';
import { known } from './helpers';

const LAIT_HEAD = [
  ['Short Desc', 'Data item', 'Years', 'LA and Regions', 'Values', 'LA Number', 'Region'],
  ['CPP_rate', 'Rate of children subject to a CP plan', '2016', 'Worcestershire', '41', '885', 'West Midlands'],
  ['CPP_rate', '', '2016', 'England', '43.1', '970', ''],
];

describe('guessMapping', () => {
  it('maps the LAIT long layout by its column names', () => {
    expect(guessMapping(LAIT_HEAD, 1, known.areas, 'lait.csv')).toMatchObject({ layout: 'long', areaName: 3, oldLaCode: 5, period: 2, indicator: 0, indicatorLabel: 1, value: 4, target: null });
  });

  it('maps a wide table with unheaded code and name columns by what their values look like', () => {
    const rows = [
      ['', '', '2023', '2024'],
      ['', 'England1', '1', '2'],
      ['885', 'Worcestershire', '3', '4'],
      ['335', 'Walsall', '5', '6'],
      ['Notes: made up', '', '', ''],
    ];
    const m = guessMapping(rows, 1, known.areas, 'table.csv');
    expect(m).toMatchObject({ layout: 'wide', areaName: 1, oldLaCode: 0, yearColumns: [{ column: 2, period: 2023 }, { column: 3, period: 2024 }], target: { kind: 'new', label: 'table' } });
    expect(mappingProblems(m, rows[0]!)).toEqual([]);
  });

  it('finds GSS codes and a long layout without telling names', () => {
    const rows = [
      ['ecode', 'when', 'what', 'n'],
      ['E10000034', '2024', 'x1', '1'],
      ['E08000030', '2024', 'x1', '2'],
    ];
    expect(guessMapping(rows, 1, known.areas, 'f.csv')).toMatchObject({ areaCode: 0, period: 1, figures: [expect.objectContaining({ column: 3 })] });
  });

  it('says what is missing for an unrelated table', () => {
    const rows = [['title', 'author', 'price'], ['Dune', 'Frank Herbert', '9.99']];
    expect(mappingProblems(guessMapping(rows, 1, known.areas, 'books.csv'), rows[0]!)).toContain('Choose the column that names or codes the area.');
  });
});

describe('TableReader', () => {
  it('reads a wide table: blank and note rows skipped, symbols kept, unknown areas collected', () => {
    const rows = [
      ['', '', '2023', '2024'],
      ['', 'England1', '1,000', '1,200'],
      ['885', 'Worcestershire', '3.5', 'c'],
      ['', '', '', ''],
      ['', 'Barsetshire', '7', ''],
      ['Source: made up', '', '', ''],
    ];
    const m = guessMapping(rows, 1, known.areas, 'wide.csv');
    const issues = new IssueList();
    const resolver = new AreaResolver(known.areas);
    const reader = new TableReader(m, rows[0]!, resolver, issues);
    reader.addRows(rows.slice(1), 2);
    const { series, indicators } = reader.finish('imp', 'wide.csv', known);
    expect(issues.list()).toEqual([]);
    expect(indicators.map((i) => i.id)).toEqual(['wide']);
    const obs = Array.from({ length: series[0]!.periods.length }, (_, i) => observationAt(series[0]!, i));
    expect(obs.map((o) => [o.areaCode, o.period, o.value, o.status])).toEqual([
      ['E92000001', 2023, 1000, null],
      ['E92000001', 2024, 1200, null],
      ['E10000034', 2023, 3.5, null],
      ['E10000034', 2024, null, 'c'],
      ['?barsetshire', 2023, 7, null],
      ['?barsetshire', 2024, null, 'blank'],
    ]);
    expect([...resolver.unknown.values()]).toEqual([{ key: '?barsetshire', name: 'Barsetshire', rows: 1, firstRow: 5 }]);
  });

  it('names the row and column of a value that is not a number', () => {
    const rows = [['area', 'year', 'value'], ['Walsall', '2024', '12'], ['Solihull', '2024', 'twelve']];
    const issues = new IssueList();
    const reader = new TableReader(guessMapping(rows, 1, known.areas, 'f.csv'), rows[0]!, new AreaResolver(known.areas), issues);
    reader.addRows(rows.slice(1), 2);
    expect(issues.errors).toEqual([{ severity: 'error', message: expect.stringContaining('“twelve” is not a number'), row: 3, column: 'value' }]);
  });

  it('maps LAIT codes, the app’s ids and labels to indicators, and labels new ones from "Data item"', () => {
    const rows = [
      ...LAIT_HEAD,
      ['CPP_Num', '', '2016', 'Walsall', '300', '335', ''],
      ['cin_rate', '', '2016', 'Walsall', '400', '335', ''],
      ['CPP_Abuse_Rate', 'Rate per 10K - abuse', '2016', 'Walsall', '55.1', '335', ''],
    ];
    const reader = new TableReader(guessMapping(rows, 1, known.areas, 'lait.csv'), rows[0]!, new AreaResolver(known.areas), new IssueList());
    reader.addRows(rows.slice(1), 2);
    const { series, indicators } = reader.finish('imp', 'lait.csv', known);
    expect(series.map((s) => s.indicatorId).sort()).toEqual(['cin_rate', 'cpp_abuse_rate', 'cpp_count', 'cpp_rate']);
    expect(indicators).toEqual([expect.objectContaining({ id: 'cpp_abuse_rate', label: 'Rate per 10K - abuse', unit: 'rate_per_10000', decimals: 1 })]);
  });
});

describe('columnLetter', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
