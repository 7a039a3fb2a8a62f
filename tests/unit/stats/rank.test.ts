import { describe, expect, it } from 'vitest';
import { formatRank, rankDirection, rankDirectionLabel, rankValues } from '../../../src/lib/stats/rank';

describe('rankValues', () => {
  // R: rank(c(10, 20, 20, 30), ties.method = "min") gives 1 2 2 4, the rule DfE's LAIT
  // uses (calculate_rank in dfe-analytical-services/local-authority-interactive-tool).
  it('gives tied values the best shared rank, lowest first', () => {
    const { ranks, of } = rankValues([10, 20, 20, 30], 'lowest_first');
    expect(ranks.map((r) => r?.rank)).toEqual([1, 2, 2, 4]);
    expect(ranks.map((r) => r?.tied)).toEqual([false, true, true, false]);
    expect(of).toBe(4);
  });

  it('ranks highest first, keeping the input order', () => {
    const { ranks } = rankValues([10, 20, 20, 30], 'highest_first');
    expect(ranks.map((r) => r?.rank)).toEqual([4, 2, 2, 1]);
  });

  it('leaves missing and suppressed figures unranked and does not count them', () => {
    const { ranks, of } = rankValues([5, null, 7, Number.NaN], 'highest_first');
    expect(ranks.map((r) => r?.rank ?? null)).toEqual([2, null, 1, null]);
    expect(of).toBe(2);
  });

  it('writes ties as league tables do', () => {
    expect(formatRank({ rank: 12, tied: true })).toBe('joint 12');
    expect(formatRank({ rank: 3, tied: false })).toBe('3');
  });
});

describe('rankDirection', () => {
  it('ranks the best value 1 when there is a polarity, and the highest 1 otherwise', () => {
    expect(rankDirection('higher_is_better')).toBe('highest_first');
    expect(rankDirection('lower_is_better')).toBe('lowest_first');
    expect(rankDirection('neither')).toBe('highest_first');
    expect(rankDirectionLabel('lowest_first')).toBe('1 = lowest');
  });
});
