import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/lib/model/types';
import { area } from '../builders';
import { MANY_AREAS, resolveCompareSelection, trendLineSpecs } from '../../../src/lib/state/compare-selection';

const AREAS = [
  area('E92000001', 'England', 'national'),
  area('E12000005', 'West Midlands', 'regional'),
  area('E12000009', 'South West', 'regional'),
  area('E10000034', 'Worcestershire', 'local_authority', 'E12000005'),
  area('E08000030', 'Walsall', 'local_authority', 'E12000005'),
  area('E06000066', 'Somerset', 'local_authority', 'E12000009'),
];
AREAS[5]!.previousCodes = ['E10000027'];
const byCode = new Map(AREAS.map((a) => [a.code, a]));
const ind = (id: string): Indicator => ({ id, label: id, shortLabel: id, unit: 'rate_per_10000', polarity: 'neither', definition: '', source: 's', decimals: 1, importId: 'bundled' });
const INDICATORS = [ind('cpp_rate'), ind('cin_rate')];
const extent = (id: string): [number, number] | null => (id === 'cpp_rate' ? [2016, 2025] : id === 'cin_rate' ? [2013, 2024] : null);

const breakdown = (id: string, value: string): Indicator => ({ ...ind(`rate__${id}`), label: `rate (${value})`, importId: 'i1', breakdown: { of: 'rate', by: 'population_type', value } });
const WITH_BREAKDOWNS = [...INDICATORS, ind('rate'), breakdown('starting', 'Starting'), breakdown('ceasing', 'Ceasing')];
const breakdownExtent = (id: string): [number, number] | null => (id === 'rate__starting' ? [2021, 2025] : id.startsWith('rate') ? [2019, 2025] : extent(id));

describe('resolveCompareSelection with breakdowns', () => {
  const select = (indicator: string, more: { breakdown?: string; from?: number } = {}) =>
    resolveCompareSelection({ name: 'compare', areas: ['E10000034'], indicator, ...more }, byCode, WITH_BREAKDOWNS, breakdownExtent)!;

  it('shows the value the link’s breakdown names, in its own years, and the total without one', () => {
    expect(select('rate', { breakdown: 'starting' })).toMatchObject({ indicator: { id: 'rate__starting' }, from: 2021, to: 2025, problems: [] });
    expect(select('rate')).toMatchObject({ indicator: { id: 'rate' }, from: 2019, problems: [] });
  });

  it('opens an old link naming the breakdown’s own id on the same figures', () => {
    expect(select('rate__starting', { from: 2024 })).toMatchObject({ indicator: { id: 'rate__starting' }, from: 2024, problems: [] });
  });

  it('shows the total for a value the measure does not have, and says so', () => {
    const s = select('rate', { breakdown: 'leaving' });
    expect(s.indicator.id).toBe('rate');
    expect(s.problems).toEqual(['“leaving” is not a breakdown of “rate”, so the total is shown.']);
  });
});

describe('resolveCompareSelection', () => {
  it('uses the link as given when everything exists', () => {
    const s = resolveCompareSelection({ name: 'compare', areas: ['E10000034', 'E08000030'], indicator: 'cin_rate', from: 2014, to: 2020, year: 2019 }, byCode, INDICATORS, extent)!;
    expect(s.areas.map((a) => a.code)).toEqual(['E10000034', 'E08000030']);
    expect(s).toMatchObject({ from: 2014, to: 2020, year: 2019, problems: [] });
    expect(s.indicator.id).toBe('cin_rate');
  });

  it('defaults the years to the indicator’s range, the year to the last', () => {
    expect(resolveCompareSelection({ name: 'compare', areas: [], indicator: 'cpp_rate' }, byCode, INDICATORS, extent)).toMatchObject({ from: 2016, to: 2025, year: 2025, problems: [] });
  });

  it('explains and repairs unknown areas, indicators and years', () => {
    const s = resolveCompareSelection({ name: 'compare', areas: ['E10000034', 'E99999999'], indicator: 'nope', from: 2001, year: 2030 }, byCode, INDICATORS, extent)!;
    expect(s.areas.map((a) => a.code)).toEqual(['E10000034']);
    expect(s.indicator.id).toBe('cpp_rate');
    expect(s.from).toBe(2016);
    expect(s.year).toBe(2025);
    expect(s.problems).toHaveLength(4);
    expect(s.problems.join(' ')).toMatch(/E99999999.*nope.*2000-01.*2029-30/);
  });

  it('finds an area by a code it used to have', () => {
    const s = resolveCompareSelection({ name: 'compare', areas: ['E10000027'], indicator: 'cpp_rate' }, byCode, INDICATORS, extent)!;
    expect(s.areas.map((a) => a.name)).toEqual(['Somerset']);
  });

  it('returns null only when there are no indicators at all', () => {
    expect(resolveCompareSelection({ name: 'compare', areas: [], indicator: 'cpp_rate' }, byCode, [], extent)).toBeNull();
  });
});

describe('trendLineSpecs', () => {
  it('adds England and each chosen authority’s region as benchmarks', () => {
    const specs = trendLineSpecs([byCode.get('E10000034')!, byCode.get('E06000066')!, byCode.get('E08000030')!], byCode);
    expect(specs.map((s) => [s.code, s.role])).toEqual([
      ['E10000034', 'area'],
      ['E06000066', 'area'],
      ['E08000030', 'area'],
      ['E92000001', 'england'],
      ['E12000005', 'region'],
      ['E12000009', 'region'],
    ]);
  });

  it('with a focus area and its neighbours: the focus highlighted, the rest muted, and only the focus area’s region', () => {
    // Worcestershire and ten neighbours in other regions (the South West's Somerset among them).
    const others = Array.from({ length: 9 }, (_, i) => area(`E0600010${i}`, `Neighbour ${i}`, 'local_authority', i % 2 ? 'E12000009' : 'E12000005'));
    const all = new Map([...byCode, ...others.map((a) => [a.code, a] as const)]);
    const chosen = [byCode.get('E10000034')!, byCode.get('E06000066')!, ...others];
    expect(chosen.length).toBeGreaterThanOrEqual(MANY_AREAS);
    const specs = trendLineSpecs(chosen, all, 'E10000034');
    expect(specs.filter((s) => s.role === 'area' && !s.muted).map((s) => s.code)).toEqual(['E10000034']);
    expect(specs.filter((s) => s.muted)).toHaveLength(chosen.length - 1);
    expect(specs.filter((s) => s.role === 'region').map((s) => s.code)).toEqual(['E12000005']);
    // Somerset as the focus: its region instead.
    expect(trendLineSpecs(chosen, all, 'E06000066').filter((s) => s.role === 'region').map((s) => s.code)).toEqual(['E12000009']);
  });

  it('draws no England or region totals beside authorities for a count', () => {
    const specs = trendLineSpecs([byCode.get('E10000034')!, byCode.get('E06000066')!], byCode, 'E10000034', false);
    expect(specs.map((s) => s.role)).toEqual(['area', 'area']);
  });

  it('mutes nothing with a handful of areas', () => {
    expect(trendLineSpecs([byCode.get('E10000034')!, byCode.get('E06000066')!], byCode, 'E10000034').some((s) => s.muted)).toBe(false);
  });

  it('does not draw a benchmark twice when the user chose it as an area', () => {
    const specs = trendLineSpecs([byCode.get('E10000034')!, byCode.get('E92000001')!, byCode.get('E12000005')!], byCode);
    expect(specs.map((s) => s.role)).toEqual(['area', 'area', 'area']);
  });
});

describe('an ordinal measure on Compare', () => {
  it('says Compare cannot chart a judgement and shows the CP plan rate instead', () => {
    const indicators = [
      { id: 'cpp_rate', label: 'CP plan rate', shortLabel: 'CP plan rate', unit: 'rate_per_10000' as const, polarity: 'neither' as const, definition: '', source: 'dfe_lait', decimals: 1, importId: 'bundled' },
      { id: 'ilacs_overall', label: 'Ofsted overall', shortLabel: 'Ofsted overall judgement', unit: 'ordinal' as const, polarity: 'higher_is_better' as const, definition: '', source: 'ofsted_inspections', decimals: 0, importId: 'bundled' },
    ];
    const s = resolveCompareSelection({ name: 'compare', areas: [], indicator: 'ilacs_overall' }, new Map(), indicators, () => [2019, 2025]);
    expect(s?.indicator.id).toBe('cpp_rate');
    expect(s?.problems).toEqual([expect.stringContaining('“Ofsted overall judgement” is a judgement in words, not a number, and Compare cannot chart it yet')]);
  });
});
