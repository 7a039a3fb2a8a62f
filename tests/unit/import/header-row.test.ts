import { describe, expect, it } from 'vitest';
import { findHeaderRow, parseYearHeader } from '../../../src/lib/import/header-row';

describe('parseYearHeader', () => {
  it.each([
    ['2024', 2024],
    ['2023-24', 2024],
    ['202324', 2024],
    ['2023 1', 2023],
    ['20231', 2023],
    ['2022-23 (r)', 2023],
    ['2024 [note 3]', 2024],
    ['Year ending 2024', 2024],
    ['Worcestershire', null],
    ['123', null],
  ])('%s → %s', (raw, year) => {
    expect(parseYearHeader(raw)).toBe(year);
  });
});

describe('findHeaderRow', () => {
  it('finds the header of a DfE main table below its title and notes', () => {
    const rows = [
      ['Table C1: Referrals, 2020 to 2024', '', '', ''],
      ['Years ending 31 March', '', '', ''],
      ['', '', '', ''],
      ['', '', '2023', '2024'],
      ['', 'England1', '621,880', '621,880'],
      ['885', 'Worcestershire', '2,610', 'c'],
      ['Source: children in need census', '', '', ''],
    ];
    expect(findHeaderRow(rows)).toBe(4);
  });

  it('takes the first row of an ordinary CSV', () => {
    expect(findHeaderRow([['area', 'year', 'value'], ['Walsall', '2024', '12'], ['Solihull', '2024', '13']])).toBe(1);
  });
});
