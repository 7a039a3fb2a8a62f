import { describe, expect, it } from 'vitest';
import { AreaResolver } from '../../../src/lib/import/area-match';
import { customAreaCode, resolveUnknownAreas } from '../../../src/lib/import/custom-areas';
import { isCustomAreaCode } from '../../../src/lib/model/area-names';
import { observationAt, seriesFromObservations } from '../../../src/lib/model/series';
import { known } from './helpers';

describe('AreaResolver', () => {
  const r = new AreaResolver(known.areas);
  it.each([
    [['E10000034', '', ''], 'E10000034'],
    [['e10000034', '', ''], 'E10000034'],
    [['', '885', ''], 'E10000034'],
    [['', '885.0', ''], 'E10000034'],
    [['', '', 'Herefordshire, County of'], 'E06000019'],
    [['', '', 'HEREFORDSHIRE'], 'E06000019'],
    [['', '', 'England1'], 'E92000001'],
    [['', '', 'Yorkshire & the Humber'], 'E12000003'],
    [['E10000002', '', ''], 'E06000060'],
    [['', '', 'Barsetshire'], '?barsetshire'],
  ])('%j → %s', (args, code) => {
    expect(r.resolve(args[0]!, args[1]!, args[2]!, 2)).toBe(code);
  });

  it('counts the rows of each unknown area and remembers the first', () => {
    const q = new AreaResolver(known.areas);
    q.resolve('', '', 'Barsetshire', 5);
    q.resolve('', '', 'Barsetshire ', 9);
    expect([...q.unknown.values()]).toEqual([{ key: '?barsetshire', name: 'Barsetshire', rows: 2, firstRow: 5 }]);
  });
});

describe('resolveUnknownAreas', () => {
  const series = seriesFromObservations('imp', [
    { indicatorId: 'x', areaCode: 'E10000034', period: 2024, value: 1, status: null },
    { indicatorId: 'x', areaCode: '?barsetshire', period: 2024, value: 2, status: null },
    { indicatorId: 'x', areaCode: '?barsetshire', period: 2025, value: null, status: 'c' },
  ]);
  const unknown = [{ key: '?barsetshire', name: 'Barsetshire', rows: 2, firstRow: 3 }];

  it('keeps them as custom areas with X codes', () => {
    const out = resolveUnknownAreas(series, unknown, true, new Set());
    expect(out.areas).toHaveLength(1);
    expect(isCustomAreaCode(out.areas[0]!.code)).toBe(true);
    expect(out.series[0]!.areaCodes).toEqual(['E10000034', out.areas[0]!.code]);
  });

  it('or leaves their rows out', () => {
    const out = resolveUnknownAreas(series, unknown, false, new Set());
    expect(out.dropped).toBe(2);
    expect(out.series[0]!.periods.length).toBe(1);
    expect(observationAt(out.series[0]!, 0)).toMatchObject({ areaCode: 'E10000034', value: 1 });
  });

  it('gives stable custom codes that avoid ones already taken', () => {
    const a = customAreaCode('?barsetshire', new Set());
    expect(customAreaCode('?barsetshire', new Set())).toBe(a);
    const b = customAreaCode('?barsetshire', new Set([a]));
    expect(b).not.toBe(a);
    expect(isCustomAreaCode(b)).toBe(true);
  });
});
