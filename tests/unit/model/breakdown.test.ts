import { describe, expect, it } from 'vitest';
import { breakdownControl, breakdownKey, linkOf, measuresOf, pickerIndicators, resolveBreakdown, resolveIndicator } from '../../../src/lib/model/breakdown';
import { groupIndicators } from '../../../src/lib/model/indicator-groups';
import type { Indicator, IndicatorBreakdown } from '../../../src/lib/model/types';

const ind = (id: string, label: string, importId = 'i1', breakdown?: IndicatorBreakdown): Indicator => ({
  id,
  label,
  shortLabel: label,
  unit: 'rate_per_10000',
  polarity: 'neither',
  definition: '',
  source: 'by-age.csv',
  decimals: 1,
  importId,
  ...(breakdown ? { breakdown } : {}),
});
const byAge = (id: string, value: string) => ind(`referral_rate__${id}`, `Referral rate (${value})`, 'i1', { of: 'referral_rate', by: 'characteristic', value });
// An EES file whose filter has no total: only its values are held.
const byType = (id: string, value: string) => ind(`rate_per_10000__${id}`, `rate_per_10000 (${value})`, 'i2', { of: 'rate_per_10000', by: 'population_type', value });

const TOTAL = ind('referral_rate', 'Referral rate', 'bundled');
const INDICATORS = [
  byAge('age_10_to_15', 'Age 10 to 15'),
  TOTAL,
  byAge('age_1_to_4', 'Age 1 to 4'),
  ind('cpp_rate', 'CP plans', 'bundled'),
  byType('children_starting', 'Children starting'),
  byType('children_ceasing', 'Children ceasing'),
];
const measures = measuresOf(INDICATORS);

describe('measuresOf', () => {
  it('groups breakdowns under their measure, with its total when held and its values by name', () => {
    expect([...measures.keys()]).toEqual(['referral_rate', 'rate_per_10000']);
    const referral = measures.get('referral_rate')!;
    expect(referral).toMatchObject({ id: 'referral_rate', label: 'Referral rate', by: 'characteristic', total: TOTAL });
    // Numeric order: "Age 1 to 4" before "Age 10 to 15".
    expect(referral.values.map((v) => [v.key, v.value])).toEqual([
      ['age_1_to_4', 'Age 1 to 4'],
      ['age_10_to_15', 'Age 10 to 15'],
    ]);
    // No total held: named from a value's label without its "(value)".
    expect(measures.get('rate_per_10000')).toMatchObject({ label: 'rate_per_10000', by: 'population_type' });
    expect(measures.get('rate_per_10000')!.total).toBeUndefined();
  });

  it('names every filter that breaks a measure down when two files break it down differently', () => {
    const bySex = ind('referral_rate__female', 'Referral rate (Female)', 'i3', { of: 'referral_rate', by: 'sex', value: 'Female' });
    expect(measuresOf([...INDICATORS, bySex]).get('referral_rate')!.by).toBe('characteristic; sex');
  });
});

describe('breakdownKey', () => {
  it('is the id after the measure’s, or the whole id when a long id was shortened or made unique', () => {
    expect(breakdownKey(byAge('age_1_to_4', 'Age 1 to 4'))).toBe('age_1_to_4');
    expect(breakdownKey({ id: 'referral_rate_with_a_long_na_1a2b3c4d', breakdown: { of: 'referral_rate_with_a_long_name', by: 'c', value: 'v' } })).toBe('referral_rate_with_a_long_na_1a2b3c4d');
    expect(breakdownKey(TOTAL)).toBe('referral_rate');
  });
});

describe('pickerIndicators', () => {
  it('lists each measure once: its total, or a stand-in named for the measure when no total is held', () => {
    const listed = pickerIndicators(INDICATORS);
    expect(listed.map((i) => [i.id, i.label])).toEqual([
      ['referral_rate', 'Referral rate'],
      ['cpp_rate', 'CP plans'],
      ['rate_per_10000', 'rate_per_10000'],
    ]);
    expect(listed[2]!.breakdown).toBeUndefined();
    // The stand-in groups with its file, not in a group of breakdowns.
    expect(groupIndicators(listed).map((g) => [g.label, g.indicators.map((i) => i.id)])).toEqual([
      ['Published figures', ['cpp_rate', 'referral_rate']],
      ['From by-age.csv', ['rate_per_10000']],
    ]);
  });
});

describe('resolveBreakdown and resolveIndicator', () => {
  const referral = measures.get('referral_rate')!;
  const rate = measures.get('rate_per_10000')!;

  it.each([
    ['the total when no value is asked', referral, undefined, 'referral_rate', []],
    ['the value asked, by its key', referral, 'age_10_to_15', 'referral_rate__age_10_to_15', []],
    ['the value asked, by its id', referral, 'referral_rate__age_1_to_4', 'referral_rate__age_1_to_4', []],
    ['the total for a value it does not have, saying so', referral, 'age_99', 'referral_rate', ['“age_99” is not a breakdown of “Referral rate”, so the total is shown.']],
    ['the first value when no total is held', rate, undefined, 'rate_per_10000__children_ceasing', []],
    ['the first value for an unknown one when no total is held', rate, 'nope', 'rate_per_10000__children_ceasing', ['“nope” is not a breakdown of “rate_per_10000”, so “Children ceasing” is shown.']],
  ] as const)('gives %s', (_what, m, value, id, problems) => {
    const r = resolveBreakdown(m, value);
    expect([r.indicator.id, r.problems]).toEqual([id, problems]);
  });

  it('opens a link naming a breakdown’s own id (the old form) on that breakdown, and ignores a breakdown an indicator does not have', () => {
    expect(resolveIndicator(INDICATORS, measures, 'rate_per_10000__children_starting', undefined)).toEqual({ indicator: INDICATORS[4], problems: [] });
    expect(resolveIndicator(INDICATORS, measures, 'rate_per_10000', 'children_starting')?.indicator.id).toBe('rate_per_10000__children_starting');
    expect(resolveIndicator(INDICATORS, measures, 'cpp_rate', 'girls')).toEqual({ indicator: INDICATORS[3], problems: ['“CP plans” has no breakdown “girls”, so it was ignored.'] });
    expect(resolveIndicator(INDICATORS, measures, 'unknown', undefined)).toBeUndefined();
  });

  it('writes a breakdown back as its measure and value, which resolve to it again', () => {
    for (const i of INDICATORS) {
      const link = linkOf(i);
      expect(resolveIndicator(INDICATORS, measures, link.indicator, link.breakdown)?.indicator).toBe(i);
    }
    expect(linkOf(INDICATORS[4]!)).toEqual({ indicator: 'rate_per_10000', breakdown: 'children_starting' });
    expect(linkOf(TOTAL)).toEqual({ indicator: 'referral_rate' });
  });
});

describe('breakdownControl', () => {
  it('offers the total first where one is held, then each value, labelled by the filter', () => {
    expect(breakdownControl(measures, INDICATORS[0]!)).toEqual({
      label: 'Breakdown: characteristic',
      options: [
        { value: '', label: 'Total' },
        { value: 'age_1_to_4', label: 'Age 1 to 4' },
        { value: 'age_10_to_15', label: 'Age 10 to 15' },
      ],
      value: 'age_10_to_15',
    });
    expect(breakdownControl(measures, TOTAL)?.value).toBe('');
  });

  it('offers only the values when no total is held, and nothing for an indicator without breakdowns', () => {
    expect(breakdownControl(measures, INDICATORS[5]!)).toMatchObject({ label: 'Breakdown: population_type', value: 'children_ceasing' });
    expect(breakdownControl(measures, INDICATORS[5]!)!.options.map((o) => o.label)).toEqual(['Children ceasing', 'Children starting']);
    expect(breakdownControl(measures, INDICATORS[3]!)).toBeUndefined();
  });
});
