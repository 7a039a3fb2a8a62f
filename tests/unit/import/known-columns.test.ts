import { describe, expect, it } from 'vitest';
import { EES_COLUMNS, LAIT_ALIASES, LAIT_MEASURES } from '../../../src/lib/import/known-columns';
import { bundle } from './helpers';

describe('known columns', () => {
  it('map only onto indicator ids the bundle has', () => {
    const ids = new Set(bundle.indicators.map((i) => i.id));
    for (const id of [...LAIT_MEASURES.map((m) => m.id), ...Object.values(LAIT_ALIASES), ...EES_COLUMNS.map((c) => c.id)]) expect(ids, id).toContain(id);
  });
});
