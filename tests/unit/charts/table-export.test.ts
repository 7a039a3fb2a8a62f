import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src/lib/charts/chart-export';
import { dataValue, fileSlug, sourcesText } from '../../../src/lib/charts/table-export';
import { cellText, toCsv, toTsv } from '../../../src/lib/charts/table-file';
import FunnelTable from '../../../src/lib/charts/FunnelTable.svelte';
import RankedTable from '../../../src/lib/charts/RankedTable.svelte';
import TrendTable from '../../../src/lib/charts/TrendTable.svelte';
import { formatPeriod } from '../../../src/lib/model/period';
import { cellKey, type ConflictCell } from '../../../src/lib/model/source-conflicts';
import { FUNNEL, INDICATOR, RANKING, TREND } from './fixtures';

describe('toCsv (RFC 4180)', () => {
  it('quotes fields with commas, quotes or line breaks and doubles quotes', () => {
    expect(toCsv([['Area', 'Value'], ['Herefordshire, County of', '40.4'], ['He said "hi"', 'c']])).toBe(
      'Area,Value\r\n"Herefordshire, County of",40.4\r\n"He said ""hi""",c\r\n',
    );
  });

  it('keeps negative numbers but defuses spreadsheet formulas', () => {
    expect(toCsv([['-3.2', '+1.5', '=HYPERLINK("x")', '+A1', '@SUM', '-x']])).toBe('-3.2,+1.5,"\'=HYPERLINK(""x"")",\'+A1,\'@SUM,\'-x\r\n');
  });
});

describe('toTsv', () => {
  it('writes tab-separated lines for pasting into a spreadsheet', () => {
    expect(toTsv([['a', 'b\tc'], ['1', '2\n3']])).toBe('a\tb c\n1\t2 3\n');
  });
});

describe('fileSlug and wrapText', () => {
  it('makes a safe file name', () => {
    expect(fileSlug('Children on a CP plan, rate per 10,000 (2024-25)')).toBe('children-on-a-cp-plan-rate-per-10-000-2024-25');
    expect(fileSlug('***')).toBe('table');
  });
  it('wraps a long title into lines that fit', () => {
    const lines = wrapText('Children on a child protection plan at 31 March, rate per 10,000 children', 200, 16);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Children on a child protection plan at 31 March, rate per 10,000 children');
  });
});

describe('dataValue', () => {
  it('writes the number unformatted, without floating-point noise, and nothing for no number', () => {
    expect(dataValue(0.1 + 0.2)).toBe('0.3');
    expect(dataValue(1234.5)).toBe('1234.5');
    expect(dataValue(0)).toBe('0');
    expect(dataValue(null)).toBeUndefined();
    expect(dataValue(undefined)).toBeUndefined();
  });
});

describe('the "Sources differ" column of a table’s files', () => {
  const IMPORT = 'your import cp-first-release.csv, 1 Dec 2026';
  const LAIT = 'LAIT, revised populations, April 2026 release';
  const cell = (drawn: string, other: string): ConflictCell => ({
    figures: [
      { text: drawn, source: IMPORT },
      { text: other, source: LAIT },
    ],
    sentence: '',
  });

  it('gives each differing cell’s figures with their sources, named by column where a row has several, and nothing where none differ', () => {
    expect(sourcesText([{ cell: cell('60.7', '60.9') }])).toBe(`60.7 (${IMPORT}); 60.9 (${LAIT})`);
    expect(sourcesText([{ column: '2023-24', cell: cell('41.0', '41.4') }, { column: '2024-25', cell: cell('40.1', '40.6') }])).toBe(
      `2023-24: 41.0 (${IMPORT}); 41.4 (${LAIT}). 2024-25: 40.1 (${IMPORT}); 40.6 (${LAIT})`,
    );
    expect(sourcesText([])).toBeUndefined();
  });

  // The trend table, as TableTools' files read it (tableRows): the column header on the table, each row's text on the row.
  const exported = (conflicts?: ReadonlyMap<string, ConflictCell>) => {
    const body = render(TrendTable, { props: { id: 'trend-table', data: TREND, caption: 'Trend', formatPeriod, formatValue: (v: number) => v.toFixed(1), ...(conflicts ? { conflicts } : {}) } }).body;
    return {
      column: /<table[^>]*data-export-column-sources="([^"]*)"/.exec(body)?.[1],
      rows: [...body.matchAll(/<tr([^>]*)>\s*<th scope="row">([^<]*)/g)].map(([, attrs, name]) => [name, /data-export-cell-sources="([^"]*)"/.exec(attrs!)?.[1]]),
    };
  };

  it('is in the trend table’s files where its sources differ, each line’s cells named by year', () => {
    const conflicts = new Map([
      [cellKey('E92000001', 2024), cell('41.0', '41.4')],
      [cellKey('E92000001', 2025), cell('40.1', '40.6')],
    ]);
    expect(exported(conflicts)).toEqual({
      column: 'Sources differ',
      rows: [
        ['Alpha', undefined],
        ['England (benchmark)', `2023-24: 41.0 (${IMPORT}); 41.4 (${LAIT}). 2024-25: 40.1 (${IMPORT}); 40.6 (${LAIT})`],
      ],
    });
    expect(exported()).toEqual({ column: undefined, rows: [['Alpha', undefined], ['England (benchmark)', undefined]] });
  });
});

describe('a chosen area left off the funnel plot', () => {
  it('says its figure came from an import without a denominator, where it did', () => {
    const bravo = RANKING.chosen.find((r) => r.code === 'E06000002')!;
    const why = (noInterval: 'no_count_in_import' | 'no_counts_published') =>
      render(FunnelTable, {
        props: { id: 'f', funnel: FUNNEL, chosen: [], leftOut: [{ ...bravo, denominator: undefined, noInterval, chosenIndex: 0 }], caption: 'c', denominatorLabel: 'd', formatValue: (v: number) => v.toFixed(1), decimals: 1 },
      }).body;
    expect(why('no_count_in_import')).toContain('no denominator in the import that gave its figure');
    expect(why('no_counts_published')).toContain('no denominator held for the year');
  });
});

describe('a year in a table’s header', () => {
  // The header row as tableRows reads it for CSV and the clipboard: each cell's text content.
  const headerRow = (body: string) =>
    [.../<thead>([\s\S]*?)<\/thead>/.exec(body)![1]!.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map(([, cell]) => cellText(cell!.replace(/<[^>]*>/g, '')));

  it('is held on one line by a span, so the files keep its plain hyphen, not a non-breaking one', () => {
    const ranked = render(RankedTable, { props: { id: 'ranked', data: RANKING, indicator: INDICATOR, formatPeriod } }).body;
    expect(ranked).toContain('Change on <span class="period">2023-24</span>');
    const rankedCsv = toCsv([headerRow(ranked)]);
    expect(rankedCsv).toContain(',Change on 2023-24,');
    expect(rankedCsv).not.toMatch(/[\u2011\u00a0]/);

    const trend = render(TrendTable, { props: { id: 'trend-table', data: TREND, caption: 'Trend', formatPeriod, formatValue: (v: number) => v.toFixed(1) } }).body;
    expect(trend).toContain('<span class="period">2023-24</span>');
    expect(toCsv([headerRow(trend)])).toBe('Area,2022-23,2023-24,2024-25\r\n');
  });
});
