import { describe, expect, it } from 'vitest';
import { seriesFromJson, seriesToJson } from '../../../src/lib/model/bundle';
import { mergeSeries, SeriesBuilder, seriesFromObservations } from '../../../src/lib/model/series';

describe('SeriesBuilder', () => {
  it('stores observations column-wise and reads them back, statuses included', () => {
    const b = new SeriesBuilder('imp', 'cpp_rate', 1);
    b.add('E10000034', 2024, 49.8, null);
    b.add('E10000034', 2025, null, 'c');
    b.add('E08000030', 2025, 31.6, null, 227, 71799);
    const s = b.finish();
    expect(s.areaCodes).toEqual(['E10000034', 'E08000030']);
    expect(Array.from(s.areaIndex)).toEqual([0, 0, 1]);
    const obs = mergeSeries([s]);
    expect(obs).toEqual([
      { indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2024, value: 49.8, status: null, importId: 'imp' },
      { indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: null, status: 'c', importId: 'imp' },
      { indicatorId: 'cpp_rate', areaCode: 'E08000030', period: 2025, value: 31.6, status: null, numerator: 227, denominator: 71799, importId: 'imp' },
    ]);
  });
});

describe('mergeSeries', () => {
  const bundled = seriesFromObservations('bundled', [
    { indicatorId: 'x', areaCode: 'A', period: 2024, value: 1, status: null },
    { indicatorId: 'x', areaCode: 'A', period: 2025, value: 2, status: null },
    { indicatorId: 'x', areaCode: 'B', period: 2025, value: 3, status: null },
  ])[0]!;
  const imported = seriesFromObservations('imp1', [{ indicatorId: 'x', areaCode: 'A', period: 2025, value: null, status: 'x' }])[0]!;

  it('lets a later series override an earlier one for the same area and year', () => {
    const obs = mergeSeries([bundled, imported]);
    expect(obs.find((o) => o.areaCode === 'A' && o.period === 2025)).toMatchObject({ value: null, status: 'x', importId: 'imp1' });
    expect(obs).toHaveLength(3);
  });

  it('filters by area and period range', () => {
    expect(mergeSeries([bundled], { areaFilter: new Set(['B']) }).map((o) => o.areaCode)).toEqual(['B']);
    expect(mergeSeries([bundled], { from: 2025, to: 2025 }).map((o) => o.period)).toEqual([2025, 2025]);
  });
});

describe('bundle series JSON', () => {
  it('round-trips observations with statuses and counts', () => {
    const input = [
      { indicatorId: 'cpp_rate', areaCode: 'A', period: 2024, value: 10.5, status: null, numerator: 21, denominator: 20000 },
      { indicatorId: 'cpp_rate', areaCode: 'B', period: 2024, value: null, status: 'c' as const },
      { indicatorId: 'cin_rate', areaCode: 'A', period: 2024, value: 300, status: null },
    ];
    const json = JSON.parse(JSON.stringify(seriesToJson(input)));
    const back = json.flatMap((j: Parameters<typeof seriesFromJson>[1]) => mergeSeries([seriesFromJson('bundled', j)]));
    expect(back).toEqual(input.map((o) => ({ ...o, importId: 'bundled' })));
  });
});
