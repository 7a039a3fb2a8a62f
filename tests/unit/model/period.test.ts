import { describe, expect, it } from 'vitest';
import { formatPeriod, parsePeriod, periodRange } from '../../../src/lib/model/period';

describe('parsePeriod', () => {
  it.each([
    ['2016-17', 2017],
    ['201617', 2017],
    ['2016/17', 2017],
    ['2016/2017', 2017],
    ['2016-2017', 2017],
    ['2017', 2017],
    [2017, 2017],
    [' 2019-20 ', 2020],
    ['1999-00', 2000],
    ['199900', 2000],
    ['2016 – 17', 2017],
    ['31 March 2017', 2017],
    ['at 31 March 2017', 2017],
  ])('reads %s as the year ending %i', (raw, year) => {
    expect(parsePeriod(raw)).toBe(year);
  });

  it.each(['', '17', '2016-18', '201618', '2016/2018', 'abc', '20161', '2016-17-18', 'Q1 2017', '3000', '1066'])('rejects %s', (raw) => {
    expect(parsePeriod(raw)).toBeNull();
  });
});

describe('formatPeriod', () => {
  it('shows the financial year that ends in the stored year', () => {
    expect(formatPeriod(2017)).toBe('2016-17');
    expect(formatPeriod(2000)).toBe('1999-00');
    expect(formatPeriod(2025)).toBe('2024-25');
  });

  it('round-trips with parsePeriod', () => {
    for (let y = 1990; y <= 2040; y++) expect(parsePeriod(formatPeriod(y))).toBe(y);
  });
});

describe('periodRange', () => {
  it('includes both ends', () => {
    expect(periodRange(2016, 2019)).toEqual([2016, 2017, 2018, 2019]);
    expect(periodRange(2019, 2016)).toEqual([]);
  });
});
