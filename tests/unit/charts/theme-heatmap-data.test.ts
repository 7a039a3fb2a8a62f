import { describe, expect, it } from 'vitest';
import { buildHeatmap, describeCell, heatmapSummary } from '../../../src/lib/charts/theme-heatmap-data';
import type { ThemeMention } from '../../../src/lib/model/types';

const m = (areaCode: string, documentId: string, themeId: string, present: boolean, count: number): ThemeMention => ({
  id: `${documentId}:${themeId}`, documentId, themeId, areaCode, period: 2021, count, share: 0, present, evidence: [], importId: 'x',
});

describe('buildHeatmap', () => {
  const data = buildHeatmap(
    [m('A', 'd1', 'neglect', true, 3), m('A', 'd2', 'neglect', true, 2), m('A', 'd2', 'cse', false, 0), m('B', 'd3', 'cse', true, 1)],
    new Map([['A', 2], ['B', 1]]),
    [{ code: 'A', label: 'Alpha' }, { code: 'B', label: 'Beta' }, { code: 'C', label: 'Gamma' }],
    [{ id: 'neglect', label: 'Neglect' }, { id: 'cse', label: 'CSE' }],
  );
  it('counts documents where a theme is discussed, and its sentences, per area', () => {
    expect(data.cells[0]!.map((c) => [c.present, c.sentences, c.named, c.share])).toEqual([
      [2, 5, true, 1],
      [0, 0, true, 0],
    ]);
    expect(data.cells[2]!.every((c) => c.documents === 0 && !c.named)).toBe(true);
  });
  it('describes cells and the whole grid in plain words', () => {
    expect(describeCell(data.cells[0]![0]!, 'Alpha', 'Neglect')).toBe('Alpha, Neglect: discussed in 2 of 2 documents, 5 sentences');
    expect(describeCell(data.cells[0]![1]!, 'Alpha', 'CSE')).toBe('Alpha, CSE: named only in passing in 2 documents');
    expect(describeCell(data.cells[2]![1]!, 'Gamma', 'CSE')).toBe('Gamma, CSE: no documents in these years');
    expect(heatmapSummary(data)).toBe('2 of 3 areas have documents in these years. Most discussed: Neglect (1 area, 5 sentences), CSE (1 area, 1 sentence). 1 area has no documents.');
  });
});
