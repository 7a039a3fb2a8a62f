import { describe, expect, it } from 'vitest';
import { neighbourAverageSeries } from '../../../src/lib/stats/benchmarks';

describe('neighbourAverageSeries', () => {
  it('averages the neighbours with a figure in each year', () => {
    const obs = [
      { areaCode: 'A', period: 2024, value: 10 },
      { areaCode: 'B', period: 2024, value: 30 },
      { areaCode: 'A', period: 2025, value: 12 },
      { areaCode: 'B', period: 2025, value: null },
      { areaCode: 'C', period: 2025, value: 1000 },
    ];
    const links = [
      { code: 'A', closeness: 'Close' },
      { code: 'B', closeness: 'Close' },
    ];
    expect(neighbourAverageSeries(obs, links, 'neighbours:X', 'cpp_rate').map((o) => [o.period, o.value])).toEqual([
      [2024, 20],
      [2025, 12],
    ]);
  });
});
