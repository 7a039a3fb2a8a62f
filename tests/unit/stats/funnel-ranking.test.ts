import { describe, expect, it } from 'vitest';
import { formatPeriod } from '../../../src/lib/model/period';
import type { Indicator } from '../../../src/lib/model/types';
import { funnelOfRanking, widerThanChance } from '../../../src/lib/stats/funnel-ranking';
import { rankAuthorities } from '../../../src/lib/stats/ranking';
import { area, obs } from '../builders';

const AREAS = [area('E92000001', 'England', 'national'), ...['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((n, i) => area(`E0600000${i + 1}`, n, 'local_authority'))];
const RATE: Pick<Indicator, 'unit' | 'polarity' | 'shortLabel'> = { unit: 'rate_per_10000', polarity: 'neither', shortLabel: 'CP plan rate' };

function ranking(indicator: Pick<Indicator, 'unit' | 'polarity'>, withCounts: boolean, england = true) {
  const values = [61.2, 40.4, null, 22.5, 35.1];
  return rankAuthorities({
    indicator,
    year: 2025,
    areas: AREAS,
    observations: [
      ...(england ? [obs('E92000001', 2025, 40.6)] : []),
      ...values.map((v, i) => obs(`E0600000${i + 1}`, 2025, v, withCounts && v !== null && i !== 4 ? { numerator: Math.round(v * 5 * (i + 1)), denominator: 50_000 * (i + 1) } : {})),
    ],
    chosen: ['E06000002', 'E06000003'],
  });
}

describe('funnelOfRanking', () => {
  it('places every authority with a figure and a denominator, against England', () => {
    const o = funnelOfRanking(ranking(RATE, true), RATE, 'none', formatPeriod);
    if (o.kind !== 'funnel') throw new Error(o.reason);
    expect(o.funnel.spec).toEqual({ statistic: 'rate', multiplier: 10_000, target: 40.6 });
    expect(o.funnel.points.map((p) => [p.name, p.value, p.denominator])).toEqual([
      ['Alpha', 61.2, 50_000],
      ['Bravo', 40.4, 100_000],
      ['Delta', 22.5, 200_000],
    ]);
    expect(o.denominatorLabel).toBe('Children aged 0–17');
    // Charlie is chosen but suppressed; Echo has a figure but no denominator.
    expect(o.chosen.map((r) => r.name)).toEqual(['Bravo']);
    expect(o.leftOut.map((r) => r.name).sort()).toEqual(['Charlie', 'Echo']);
  });

  it('plots a percentage against its base count, as a proportion', () => {
    const pct = { ...RATE, unit: 'percent' as const };
    const o = funnelOfRanking(ranking(pct, true), pct, 'none', formatPeriod);
    if (o.kind !== 'funnel') throw new Error(o.reason);
    expect(o.funnel.spec.statistic).toBe('proportion');
    expect(o.denominatorLabel).toBe('Base count');
  });

  it.each([
    ['count', 'is a count, not a rate or a percentage'],
    ['mean', 'is an average'],
    ['ordinal', 'is a judgement in words'],
  ] as const)('explains why a %s has no funnel', (unit, words) => {
    const ind = { ...RATE, unit };
    const o = funnelOfRanking(ranking(ind, true), ind, 'none', formatPeriod);
    expect(o.kind).toBe('none');
    if (o.kind === 'none') expect(o.reason).toContain(`CP plan rate ${words}`);
  });

  it('explains why a rate published without counts has no funnel', () => {
    const o = funnelOfRanking(ranking(RATE, false), RATE, 'none', formatPeriod);
    expect(o).toEqual({ kind: 'none', reason: expect.stringContaining('give them for no authority: the published file has the rate or percentage alone') });
  });

  it('explains that without England’s figure there is no centre line', () => {
    const o = funnelOfRanking(ranking(RATE, true, false), RATE, 'none', formatPeriod);
    expect(o).toEqual({ kind: 'none', reason: expect.stringContaining('England’s figure for 2024-25 is not held') });
  });
});

describe('widerThanChance', () => {
  it('holds when more than 5% of authorities lie outside unadjusted 99.8% limits, never once adjusted', () => {
    const o = funnelOfRanking(ranking(RATE, true), RATE, 'none', formatPeriod);
    if (o.kind !== 'funnel') throw new Error(o.reason);
    expect(o.funnel.outside998).toBeGreaterThan(0.05 * o.funnel.points.length);
    expect(widerThanChance(o.funnel)).toBe(true);
    const adj = funnelOfRanking(ranking(RATE, true), RATE, 'multiplicative', formatPeriod);
    if (adj.kind !== 'funnel') throw new Error(adj.reason);
    expect(adj.funnel.adjusted).toBe(true);
    expect(widerThanChance(adj.funnel)).toBe(false);
  });
});

describe('funnelOfRanking, other units', () => {
  it('places a rate per 1,000 as a rate per 1,000 people, against its population', () => {
    const per1000 = { ...RATE, unit: 'rate_per_1000' as const };
    const o = funnelOfRanking(ranking(per1000, true), per1000, 'none', formatPeriod);
    if (o.kind !== 'funnel') throw new Error(o.reason);
    expect(o.funnel.spec.multiplier).toBe(1_000);
    expect(o.denominatorLabel).toBe('Population (denominator)');
  });

  it('explains why an amount of money has no funnel', () => {
    const money = { ...RATE, unit: 'gbp_thousands' as const };
    const o = funnelOfRanking(ranking(money, true), money, 'none', formatPeriod);
    expect(o).toEqual({ kind: 'none', reason: expect.stringContaining('is an amount of money') });
  });
});
