import { describe, expect, it } from 'vitest';
import { bandSegments, rankedChartData } from '../../../src/lib/charts/ranked-data';
import { describeRankedRow, rankedSummary } from '../../../src/lib/charts/ranked-summary';
import { formatPeriod } from '../../../src/lib/model/period';
import { rankAuthorities } from '../../../src/lib/stats/ranking';
import { AREAS, OBS } from '../ranking-fixture';

const ind = { shortLabel: 'CP plan rate', unit: 'rate_per_10000' as const, decimals: 1, polarity: 'neither' as const };

describe('the ranked chart’s words and layout', () => {
  const data = rankAuthorities({
    indicator: ind,
    year: 2025,
    areas: AREAS,
    observations: OBS,
    chosen: ['E06000002', 'E06000001', 'E06000006'],
    neighbours: { of: AREAS[2]!, links: [{ code: 'E06000002', closeness: 'Very close' }], label: 'n' },
  });

  it('says the key figures in one sentence', () => {
    expect(rankedSummary(data, ind, formatPeriod)).toBe(
      'CP plan rate (per 10,000 children) in 2024-25 for 4 local authorities, ranked from the highest (rank 1). ' +
        'Bravo 40.0 (rank 2, Q2), Alpha 60.0 (rank 1, Q4) and Foxtrot has no figure. England 40.0. ' +
        'The middle half of authorities lie between 35.0 and 45.0.',
    );
  });

  it('groups ranked rows into runs of one band', () => {
    expect(bandSegments(data.ranked)).toEqual([
      { code: 'Q4', label: 'Q4 (highest quarter)', start: 0, end: 1 },
      { code: 'Q2', label: 'Q2 (second-lowest quarter)', start: 1, end: 3 },
      { code: 'Q1', label: 'Q1 (lowest quarter)', start: 3, end: 4 },
    ]);
  });

  it('reads out value, rank with its direction, band, comparison and closeness', () => {
    expect(describeRankedRow(data.ranked[1]!, data, ind)).toBe(
      'Bravo: 40.0 per 10,000 children; rank joint 2 of 4 (1 = highest); Q2 (second-lowest quarter); similar to England; statistical neighbour (very close)',
    );
    expect(describeRankedRow(data.unranked[0]!, data, ind)).toBe('Foxtrot: no figure');
  });

  it('runs the value axis from zero past every bar and benchmark', () => {
    expect(rankedChartData(data).valueDomain).toEqual([0, 60]);
  });
});
