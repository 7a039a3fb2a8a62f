import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { cursorOrder, funnelDomains, limitCurves, pointLabels, shortName } from '../../../src/lib/charts/funnel-data';
import { buildFunnel } from '../../../src/lib/stats/funnel';
import { FUNNEL, FUNNEL_INPUTS } from './fixtures';

describe('funnelDomains', () => {
  it('runs the denominator axis from 0 past the largest denominator', () => {
    const { x } = funnelDomains(FUNNEL);
    expect(x[0]).toBe(0);
    expect(x[1]).toBeGreaterThan(300_000);
  });

  it('spans every figure, the centre line and the funnel’s mouth, with a margin', () => {
    const { y } = funnelDomains(FUNNEL);
    for (const p of FUNNEL.points) expect(p.value).toBeGreaterThan(y[0]), expect(p.value).toBeLessThan(y[1]);
    const mouth = FUNNEL.limits.at(-1)!;
    expect(y[0]).toBeLessThan(mouth.lower998);
    expect(y[1]).toBeGreaterThan(mouth.upper998);
  });

  it('keeps a percentage between 0 and 100', () => {
    const f = buildFunnel(
      { statistic: 'proportion', multiplier: 100, target: 95 },
      [
        { code: 'a', name: 'A', value: 100, denominator: 20 },
        { code: 'b', name: 'B', value: 2, denominator: 50 },
      ],
      'none',
    );
    const { y } = funnelDomains(f);
    expect(y[0]).toBe(0);
    expect(y[1]).toBe(100);
  });

  it('widens with the overdispersion adjustment, so the adjusted mouth stays in view', () => {
    const adjusted = buildFunnel(FUNNEL.spec, FUNNEL_INPUTS, 'additive');
    expect(adjusted.adjusted).toBe(true);
    const mouth = adjusted.limits.at(-1)!;
    const { y } = funnelDomains(adjusted);
    expect(y[0]).toBeLessThan(mouth.lower998);
    expect(y[1]).toBeGreaterThan(mouth.upper998);
  });
});

describe('limitCurves', () => {
  it('gives four curves, the 99.8% limits outside the 95% ones at every denominator', () => {
    const curves = limitCurves(FUNNEL.limits);
    expect(curves.map((c) => [c.key, c.level, c.side])).toEqual([
      ['upper998', 99.8, 'upper'],
      ['upper95', 95, 'upper'],
      ['lower95', 95, 'lower'],
      ['lower998', 99.8, 'lower'],
    ]);
    const [u998, u95, l95, l998] = curves.map((c) => c.points);
    FUNNEL.limits.forEach((l, i) => {
      expect(u998![i]).toEqual([l.n, l.upper998]);
      expect(u998![i]![1]).toBeGreaterThan(u95![i]![1]);
      expect(u95![i]![1]).toBeGreaterThan(FUNNEL.spec.target);
      expect(l95![i]![1]).toBeLessThan(FUNNEL.spec.target);
      expect(l998![i]![1]).toBeLessThan(l95![i]![1]);
    });
  });
});

describe('cursorOrder', () => {
  it('walks the points from the smallest denominator to the largest', () => {
    const order = cursorOrder([...FUNNEL.points].reverse()).map((p) => p.denominator);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order).toHaveLength(FUNNEL.points.length);
  });
});

describe('pointLabels', () => {
  it('puts a name right of its point, or left of it past 60% of the width', () => {
    const [a, b] = pointLabels(
      [
        { x: 100, y: 50 },
        { x: 450, y: 200 },
      ],
      500,
      300,
    );
    expect(a).toEqual({ x: 109, y: 50, anchor: 'start' });
    expect(b).toEqual({ x: 441, y: 200, anchor: 'end' });
  });

  it('moves names apart so that none overlap, and keeps them inside the plot', () => {
    const ls = pointLabels(
      [
        { x: 10, y: 100 },
        { x: 20, y: 104 },
        { x: 30, y: 98 },
        { x: 40, y: 299 },
      ],
      500,
      300,
    );
    const ys = ls.map((l) => l.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14 - 1e-9);
    for (const y of ys) expect(y).toBeLessThanOrEqual(294);
  });

  it('puts each chosen marker on its value: the label sits beside the scaled point', () => {
    const { x: dx, y: dy } = funnelDomains(FUNNEL);
    const x = scaleLinear().domain(dx).range([0, 478]);
    const y = scaleLinear().domain(dy).nice().range([300, 0]);
    const p = FUNNEL.points.find((q) => q.name === 'Bravo')!;
    const [l] = pointLabels([{ x: x(p.denominator), y: y(p.value) }], 478, 300);
    expect(l!.y).toBeCloseTo(y(40.4), 6);
    expect(l!.x).toBeCloseTo(x(45_000) + 9, 6);
  });
});

describe('shortName', () => {
  it('cuts a long name to fit, shorter on a phone', () => {
    expect(shortName('Worcestershire', false)).toBe('Worcestershire');
    expect(shortName('Blackburn with Darwen', true)).toBe('Blackburn wit…');
    expect(shortName('Blackburn with Darwen', true)).toHaveLength(14);
    expect(shortName('Bournemouth, Christchurch and Poole', false)).toHaveLength(22);
  });
});
