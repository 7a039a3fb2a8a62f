import { describe, expect, it } from 'vitest';
import { measureInSentence } from '../../../src/lib/model/indicator-label';
import { OFSTED_JUDGEMENT } from '../../../src/lib/model/ordinal';
import { recentTrend } from '../../../src/lib/stats/trend';
import { verdictFor, verdictSentence, type VerdictInput } from '../../../src/lib/stats/verdict';

// Children on CP plans at 31 March (LAIT CPP_rate, revised populations, April 2026; counts from EES d5 and the ONS
// 0–17 mid-year estimates the bundle holds): Worcestershire 2020-21 to 2024-25.
const WORCS = [
  [2021, 38.4, 451, 117_526],
  [2022, 38.2, 450, 117_810],
  [2023, 47.8, 569, 118_963],
  [2024, 49.8, 596, 119_662],
  [2025, 43.5, 522, 120_119],
] as const;
const series = WORCS.map(([period, value, numerator, denominator]) => ({ period, value, status: null, numerator, denominator }));
const rate = { shortLabel: 'CP plan rate', unit: 'rate_per_10000', polarity: 'neither', decimals: 1 } as const;

function input(over: Partial<VerdictInput> = {}): VerdictInput {
  return {
    name: 'Worcestershire',
    isEngland: false,
    indicator: rate,
    year: 2025,
    observation: series[4],
    england: 40.6,
    trend: recentTrend(rate, series),
    level: 95,
    ...over,
  };
}

describe('verdictSentence', () => {
  it('says Worcestershire’s CP plan rate has been increasing and is similar to England’s (the issue’s example)', () => {
    // Trend: five years with Byar intervals, χ² = 13.2 > 9.5495 and every leave-one-out slope positive.
    // 2024-25: 43.5, interval 39.8–47.4, contains England’s 40.6.
    expect(verdictSentence(input())).toBe(
      'Worcestershire’s CP plan rate (43.5 per 10,000 children) has been increasing over the five years to 2024-25 and is similar to England’s (40.6) in 2024-25 (95% level).',
    );
  });

  it('names the level and the judgement where the indicator has a polarity', () => {
    // Walsall 2024-25: 31.6 (227 of 71,799); its 99.8% interval 26.0–38.6 still lies below England’s 40.6.
    const walsall = { period: 2025, value: 31.6, status: null, numerator: 227, denominator: 71_799 };
    const s = verdictSentence(input({ name: 'Walsall', observation: walsall, level: 99.8, indicator: { ...rate, polarity: 'lower_is_better' }, trend: { kind: 'cannot_calculate', reason: 'fewer_than_five_points' } }));
    expect(s).toBe(
      'Walsall’s CP plan rate (31.6 per 10,000 children) is significantly lower than England’s (40.6) in 2024-25 (better) (99.8% level); its recent trend cannot be calculated (fewer than five years of figures).',
    );
  });

  it('says which years the trend used when one was skipped', () => {
    const gap = [...series.slice(0, 2), { period: 2023, value: null, status: 'c' as const }, ...series.slice(2).map((o, i) => ({ ...o, period: 2024 + i }))];
    const withEarlier = [{ period: 2020, value: 30, status: null, numerator: 350, denominator: 117_000 }, ...gap];
    expect(verdictSentence(input({ trend: recentTrend(rate, withEarlier), observation: series[4], year: 2026 }))).toMatch(
      /^Worcestershire’s CP plan rate \(43\.5 per 10,000 children\) has been increasing over the five years with figures from 2020-21 to 2025-26 and/,
    );
  });

  it('says when there is no figure, or no counts to test it (none published, or none in the import that gave the figure), and does not compare England with itself', () => {
    expect(verdictSentence(input({ observation: { value: null, status: 'c' } }))).toMatch(/^Worcestershire’s CP plan rate has been increasing over the five years to 2024-25 and has no figure for 2024-25 \(suppressed\)\.$/);
    expect(verdictSentence(input({ observation: { value: 43.5, status: null } }))).toMatch(/^Worcestershire’s CP plan rate \(43\.5 per 10,000 children\) has been .* and is not tested against England’s \(40\.6\) in 2024-25 \(no counts are published\)\.$/);
    expect(verdictSentence(input({ observation: { value: 43.5, status: null, importId: 'a1b2' }, bundledId: 'bundled' }))).toMatch(/ and is not tested against England’s \(40\.6\) in 2024-25 \(no count in the import\)\.$/);
    expect(verdictSentence(input({ name: 'England', isEngland: true }))).toBe('England’s CP plan rate (43.5 per 10,000 children) has been increasing over the five years to 2024-25.');
  });

  it('says which year the trend left out because an import gave its figure without a count, and not a suppressed or missing year', () => {
    // A user's CSV of rates gives 2024-25 as 43.5 without its count, over the bundled figure: the trend fits 2019-20 to 2023-24.
    const bundled = [{ period: 2020, value: 30, status: null, numerator: 350, denominator: 117_000 }, ...series.slice(0, 4)].map((o) => ({ ...o, importId: 'bundled' }));
    const observations = (latest: { value: number | null; status: 'c' | null; importId: string }) =>
      [...bundled, { ...latest, period: 2025 }].map((o) => ({ ...o, indicatorId: 'cpp_rate', areaCode: 'E10000034' }));
    const read = (latest: { value: number | null; status: 'c' | null; importId: string }) =>
      verdictFor({ area: { code: 'E10000034', name: 'Worcestershire' }, indicator: rate, year: 2025, observations: observations(latest), england: 40.6, level: 95, bundledId: 'bundled' });
    const v = read({ value: 43.5, status: null, importId: 'a1b2' });
    expect(v.trend).toMatchObject({ kind: 'calculated', periods: [2020, 2021, 2022, 2023, 2024], importedWithoutCount: [2025] });
    expect(v.sentence).toMatch(
      /^Worcestershire’s CP plan rate \(43\.5 per 10,000 children\) has .* over the five years to 2023-24 and is not tested against England’s \(40\.6\) in 2024-25 \(no count in the import\); 2024-25 is left out of the trend \(no count in the import\)\.$/,
    );
    expect(v.trendText).toMatch(/ \(2024-25 left out: no count in the import\)$/);
    // With 2019-20 gone too, four years have counts: the trend cannot be calculated, and the reason names the import's year.
    const short = verdictFor({ area: { code: 'E10000034', name: 'Worcestershire' }, indicator: rate, year: 2025, observations: observations({ value: 43.5, status: null, importId: 'a1b2' }).slice(1), england: 40.6, level: 95, bundledId: 'bundled' });
    expect(short.sentence).toMatch(
      /\(no count in the import\); its recent trend cannot be calculated \(fewer than five years with the counts an interval needs; 2024-25 has no count in the import\)\.$/,
    );
    // Suppressed, or no figure held: the trend skips the year as before, and says nothing of an import.
    for (const s of [read({ value: null, status: 'c', importId: 'a1b2' }).sentence, verdictFor({ area: { code: 'E10000034', name: 'Worcestershire' }, indicator: rate, year: 2025, observations: observations({ value: 1, status: null, importId: 'a1b2' }).slice(0, 5), england: 40.6, level: 95, bundledId: 'bundled' }).sentence]) {
      expect(s).toMatch(/ over the five years to 2023-24 and has no figure for 2024-25 \((suppressed|no figure held)\)\.$/);
      expect(s).not.toMatch(/left out/);
    }
  });

  it('says the trend test and the comparison do not apply to an Ofsted judgement', () => {
    const s = verdictSentence(input({ indicator: { shortLabel: 'Ofsted overall judgement', unit: 'ordinal', polarity: 'higher_is_better', scale: OFSTED_JUDGEMENT, decimals: 0 }, observation: { value: 3, status: null }, trend: { kind: 'cannot_calculate', reason: 'ordinal' } }));
    expect(s).toBe('Worcestershire’s Ofsted overall judgement is Good; a judgement is a word, not a number, so neither the trend test nor the comparison with England applies.');
  });
});

describe('measureInSentence', () => {
  it.each([
    ['CP plan rate', 'CP plan rate'],
    ['Referral rate', 'referral rate'],
    ['Re-referrals %', 're-referrals'],
    ['Looked-after children (number)', 'looked-after children'],
    ['ICPC rate', 'ICPC rate'],
    ['Ofsted overall judgement', 'Ofsted overall judgement'],
    ['Factor: domestic abuse (parent) %', 'factor: domestic abuse (parent)'],
  ])('%s reads as “%s” in a sentence', (label, words) => {
    expect(measureInSentence(label)).toBe(words);
  });
});
