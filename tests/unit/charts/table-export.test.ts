import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src/lib/charts/chart-export';
import { dataValue, fileSlug } from '../../../src/lib/charts/table-export';
import { toCsv, toTsv } from '../../../src/lib/charts/table-file';

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
