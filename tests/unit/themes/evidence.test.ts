import { describe, expect, it } from 'vitest';
import type { Priority, ThemeMention } from '../../../src/lib/model/types';
import { evidenceFor, prioritiesByCell, priorityYears, yearExtent, type DocumentHead } from '../../../src/lib/themes/evidence';

const doc = (id: string, period: number): DocumentHead => ({ id, areaCode: 'A', period, title: id, source: 's', hash: id, importId: 'x' });
const pri = (id: string, areaCode: string, period: number, themeIds: string[], removed = false): Priority => ({ id, areaCode, period, label: id, themeIds, importId: 'x', ...(removed ? { removed } : {}) });

describe('evidence helpers', () => {
  it('groups a cell’s evidence by document, newest first, sentences in order', () => {
    const m = (documentId: string, starts: number[]): ThemeMention => ({
      id: documentId, documentId, themeId: 'neglect', areaCode: 'A', period: 0, count: 1, share: 0, importId: 'x',
      evidence: starts.map((s) => ({ start: s, end: s + 1, sentence: String(s) })),
    });
    const groups = evidenceFor([m('d1', [9, 2]), m('d2', [5]), { ...m('d3', [1]), themeId: 'cse' }], [doc('d1', 2017), doc('d2', 2021), doc('d3', 2021)], 'A', 'neglect');
    expect(groups.map((g) => [g.doc.id, g.evidence.map((e) => e.start)])).toEqual([
      ['d2', [5]],
      ['d1', [2, 9]],
    ]);
  });
  it('arranges priorities by cell and finds the years a theme was a priority', () => {
    const list = [pri('a', 'A', 2017, ['neglect']), pri('b', 'A', 2017, ['cse', 'neglect']), pri('c', 'B', 2020, ['neglect'], true), pri('d', 'A', 2019, ['cse'])];
    expect([...prioritiesByCell(list).keys()]).toEqual(['A|2017', 'B|2020', 'A|2019']);
    expect([...priorityYears(list, 'neglect')]).toEqual([['A', [{ period: 2017, labels: ['a', 'b'] }]]]);
    expect(yearExtent(list)).toEqual([2017, 2020]);
    expect(yearExtent([])).toBeNull();
  });
});
