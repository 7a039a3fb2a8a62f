/**
 * The mapping step's guesses on header rows as publishers write them: money in
 * £ thousand, rates per 1,000 / 10,000 / 100,000, and figure columns whose values
 * look like years.
 */
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../src/lib/import/generic-csv';
import { guessUnit } from '../../../src/lib/import/indicator-ids';
import { describeValue, formatValue, unitLabel } from '../../../src/lib/model/format';
import { known } from './helpers';

describe('units from headers and titles', () => {
  it.each([
    ['Rate per 1,000 population', 'rate_per_1000'],
    ['Rate per 1000 children aged 0-17', 'rate_per_1000'],
    ['Rate per thousand children', 'rate_per_1000'],
    ['Crude rate per 100,000 population', 'rate_per_100000'],
    ['Rate per 100000', 'rate_per_100000'],
    ['Rate per 10,000 children²', 'rate_per_10000'],
    ['Referrals_rate', 'rate_per_10000'],
    ['Net current expenditure (£ thousand)', 'gbp_thousands'],
    ['Total expenditure £000s', 'gbp_thousands'],
    ["Gross spend (£'000)", 'gbp_thousands'],
    ['Percentage of referrals', 'percent'],
    ['Number of children', 'count'],
  ] as const)('%s → %s', (header, unit) => {
    expect(guessUnit(header)).toBe(unit);
  });

  it('reads a section 251 outturn-style table whose title says £ thousand: every figure column is money in thousands, kept as published', () => {
    const rows = [
      ['Table A: Children and young people’s services expenditure, 2023-24 (£ thousand)'],
      [''],
      ['LA number', 'Local authority', 'Safeguarding children and young people’s services', 'Children looked after', 'Rate per 10,000 children'],
      ['885', 'Worcestershire', '21,406', '98,120', '55.2'],
      ['335', 'Walsall', '18,004', '61,773', '71.0'],
    ];
    const m = guessMapping(rows, 3, known.areas, 's251.csv');
    expect(m.figures.map((f) => [f.column, f.unit])).toEqual([
      [2, 'gbp_thousands'],
      [3, 'gbp_thousands'],
      [4, 'rate_per_10000'],
    ]);
    const ind = { unit: 'gbp_thousands' as const, decimals: 0 };
    expect(formatValue(ind, 21406)).toBe('£21,406k');
    expect(describeValue(ind, 21406, null)).toBe('£21,406 thousand');
    expect(formatValue(ind, -5)).toBe('−£5k');
    expect(unitLabel('gbp_thousands')).toBe('£ thousand');
  });

  it('says what a rate per 1,000 is per', () => {
    expect(describeValue({ unit: 'rate_per_1000', decimals: 1 }, 4.25, null)).toBe('4.3 per 1,000');
    expect(describeValue({ unit: 'rate_per_100000', decimals: 0 }, 812, null)).toBe('812 per 100,000');
  });
});

describe('year columns and figures that look like years', () => {
  it('a count of referrals between 2010 and 2030 is a figure, not the year, when another column is the period', () => {
    const rows = [
      ['new_la_code', 'la_name', 'Referrals', 'Reporting period'],
      ['E10000034', 'Worcestershire', '2013', '2022-23'],
      ['E10000034', 'Worcestershire', '2027', '2023-24'],
      ['E08000030', 'Walsall', '2019', '2022-23'],
      ['E08000030', 'Walsall', '2011', '2023-24'],
    ];
    const m = guessMapping(rows, 1, known.areas, 'referrals.csv');
    expect(m.period).toBe(3);
    expect(m.figures.map((f) => f.column)).toEqual([2]);
  });

  it('a column whose header names a measure is never the year, even as the only year-like column', () => {
    const rows = [
      ['LA code', 'Local authority', 'Number of assessments'],
      ['885', 'Worcestershire', '2013'],
      ['335', 'Walsall', '2024'],
      ['334', 'Solihull', '2019'],
    ];
    const m = guessMapping(rows, 1, known.areas, 'assessments.csv');
    expect(m.period).toBeNull();
    expect(m.figures.map((f) => f.column)).toEqual([2]);
  });

  it('a column headed by one year holds that year’s figures: the year of the table comes from the header, not the column', () => {
    const rows = [
      ['Children in need at 31 March'],
      ['LA number', 'Local authority', '2019'],
      ['885', 'Worcestershire', '2016'],
      ['335', 'Walsall', '2023'],
      ['334', 'Solihull', '2030'],
    ];
    const m = guessMapping(rows, 2, known.areas, 'cin.csv');
    expect(m.period).toBeNull();
    expect(m.figures.map((f) => f.column)).toEqual([2]);
  });

  it('still finds an unnamed year column by its values', () => {
    const rows = [
      ['ecode', 'when', 'n'],
      ['E10000034', '2024', '1'],
      ['E08000030', '2023', '2'],
    ];
    expect(guessMapping(rows, 1, known.areas, 'f.csv')).toMatchObject({ period: 1, figures: [expect.objectContaining({ column: 2 })] });
  });
});
