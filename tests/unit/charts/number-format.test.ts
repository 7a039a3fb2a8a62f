import { describe, expect, it } from 'vitest';
import { formatDifference, formatInterval } from '../../../src/lib/charts/number-format';

describe('formatDifference', () => {
  it.each([
    [{ unit: 'rate_per_10000' as const, decimals: 1 }, 2.34, '+2.3'],
    [{ unit: 'rate_per_10000' as const, decimals: 1 }, -6.3, '−6.3'],
    [{ unit: 'rate_per_10000' as const, decimals: 1 }, -0.04, '0.0'],
    [{ unit: 'percent' as const, decimals: 1 }, 1.25, '+1.3 pts'],
    [{ unit: 'rate_per_10000' as const, decimals: 0 }, 1234, '+1,234'],
  ])('%o %d → %s', (ind, d, s) => expect(formatDifference(ind, d)).toBe(s));
});

describe('formatInterval', () => {
  it('writes both limits', () => {
    expect(formatInterval({ unit: 'rate_per_10000', decimals: 1 }, { lower: 39.808, upper: 47.35, method: 'byar' })).toBe('39.8 to 47.4');
    expect(formatInterval({ unit: 'percent', decimals: 1 }, { lower: 25.53, upper: 36.62, method: 'wilson' })).toBe('25.5 to 36.6%');
  });
});
