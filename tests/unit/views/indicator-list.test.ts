import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/lib/model/types';
import { LISTED_AT_ONCE, listIndicators, listSummary } from '../../../src/lib/views/data/indicator-list';

const indicator = (n: number, extra: Partial<Indicator> = {}): Indicator =>
  ({ id: `i${n}`, label: `Referrals, rate`, unit: 'rate_per_10k', polarity: 'neutral', source: 'referrals.csv', breakdown: { of: 'referral_rate', by: 'characteristic', value: `Group ${n}` }, ...extra }) as Indicator;

describe('listIndicators: a long list of imported indicators shows its first rows, and search finds the rest', () => {
  const all = Array.from({ length: 487 }, (_, n) => indicator(n));

  it('lists the first rows of a long list, and says how many there are', () => {
    const list = listIndicators(all, '');
    expect(list.shown).toHaveLength(LISTED_AT_ONCE);
    expect(list.shown[0]!.id).toBe('i0');
    expect(list.matching).toBe(487);
    expect(listSummary(487, list, '')).toBe(`Showing ${LISTED_AT_ONCE} of 487 imported indicators: search to find the others.`);
  });

  it('finds a breakdown value past the first rows, every word of the search matching', () => {
    const list = listIndicators(all, '  group 312 ');
    expect(list.shown.map((i) => i.id)).toEqual(['i312']);
    expect(listSummary(487, list, ' group 312 ')).toBe('Showing 1 of 487 imported indicators matching “group 312”.');
    expect(listIndicators(all, 'referrals GROUP 48').shown.map((i) => i.id)).toEqual(['i48', 'i148', 'i248', 'i348', 'i448', 'i480', 'i481', 'i482', 'i483', 'i484', 'i485', 'i486']);
  });

  it('matches by name and by file, and says when nothing matches', () => {
    const mixed = [indicator(1, { label: 'Agency workers', breakdown: undefined }), indicator(2, { source: 'csww.csv' })];
    expect(listIndicators(mixed, 'agency').shown.map((i) => i.id)).toEqual(['i1']);
    expect(listIndicators(mixed, 'csww').shown.map((i) => i.id)).toEqual(['i2']);
    const none = listIndicators(mixed, 'turnover');
    expect(none.shown).toEqual([]);
    expect(listSummary(2, none, 'turnover')).toBe('No imported indicator matches “turnover”.');
  });

  it('a short list is listed whole, with nothing to say', () => {
    const list = listIndicators(all.slice(0, 12), '');
    expect(list.shown).toHaveLength(12);
    expect(listSummary(12, list, '')).toBe('');
  });
});
