import { describe, expect, it } from 'vitest';
import { groupIndicators, profileIndicators } from '../../../src/lib/model/indicator-groups';
import type { Indicator } from '../../../src/lib/model/types';

const ind = (id: string, label: string, importId: string, source: string): Indicator => ({ id, label, shortLabel: label, unit: 'count', polarity: 'neither', definition: '', source, decimals: 0, importId });

describe('groupIndicators', () => {
  it('puts the published figures first, then each imported file, each sorted by label', () => {
    const groups = groupIndicators([
      ind('z', 'Referrals rate (Group 2)', 'i1', 'referrals.csv'),
      ind('cpp_rate', 'Children on a CP plan', 'bundled', 'lait'),
      ind('x', 'Contacts', 'i2', 'local.csv'),
      ind('y', 'Referrals rate (Group 1)', 'i1', 'referrals.csv'),
      ind('cin_rate', 'Children in need', 'bundled', 'ees'),
    ]);
    expect(groups.map((g) => [g.label, g.indicators.map((i) => i.id)])).toEqual([
      ['Published figures', ['cin_rate', 'cpp_rate']],
      ['From local.csv', ['x']],
      ['From referrals.csv', ['y', 'z']],
    ]);
  });

  it('is one group when nothing is imported, and leaves out an empty published group', () => {
    expect(groupIndicators([ind('cpp_rate', 'CP', 'bundled', 'lait')]).map((g) => g.label)).toEqual(['Published figures']);
    expect(groupIndicators([ind('x', 'X', 'i1', 'a.csv')]).map((g) => g.label)).toEqual(['From a.csv']);
    expect(groupIndicators([])).toEqual([]);
  });
});

describe('groupIndicators with the published topics', () => {
  it('gives assessment factors and the workforce groups of their own, and leaves judgements out', () => {
    const groups = groupIndicators([
      ind('cpp_rate', 'Children on a CP plan', 'bundled', 'dfe_lait'),
      ind('factor_neglect', 'Neglect', 'bundled', 'dfe_cin_factors'),
      ind('sw_caseload', 'Caseload', 'bundled', 'dfe_csww'),
      { ...ind('ilacs_overall', 'Ofsted overall', 'bundled', 'ofsted_inspections'), unit: 'ordinal' },
    ]);
    expect(groups.map((g) => [g.label, g.indicators.map((i) => i.id)])).toEqual([
      ['Published figures', ['cpp_rate']],
      ['Published: factors identified at the end of assessment', ['factor_neglect']],
      ['Published: children’s social work workforce', ['sw_caseload']],
    ]);
  });
});

describe('profileIndicators', () => {
  it('leaves out counts, judgements and the bundled assessment factors, and indicators without figures', () => {
    const list = [
      { ...ind('cpp_rate', 'CP', 'bundled', 'dfe_lait'), unit: 'rate_per_10000' as const },
      { ...ind('sw_caseload', 'Caseload', 'bundled', 'dfe_csww'), unit: 'mean' as const },
      { ...ind('factor_neglect', 'Neglect', 'bundled', 'dfe_cin_factors'), unit: 'percent' as const },
      { ...ind('ilacs_overall', 'Ofsted', 'bundled', 'ofsted_inspections'), unit: 'ordinal' as const },
      ind('cpp_count', 'CP number', 'bundled', 'dfe_cin'),
      { ...ind('local_pct', 'Local', 'i1', 'local.csv'), unit: 'percent' as const },
      { ...ind('empty_pct', 'Empty', 'i1', 'local.csv'), unit: 'percent' as const },
    ];
    expect(profileIndicators(list, (id) => id !== 'empty_pct').map((i) => i.id)).toEqual(['sw_caseload', 'cpp_rate', 'local_pct']);
  });
});

describe('the area profile is bounded whatever the library holds (issue 14, item 4)', () => {
  it('shows the published measures and then imported ones by name, up to the limit', async () => {
    const { profileIndicators, PROFILE_LIMIT } = await import('../../../src/lib/model/indicator-groups');
    const ind = (id: string, importId: string) => ({ id, label: id, shortLabel: id, unit: 'rate_per_10000' as const, polarity: 'neither' as const, definition: '', source: 'x', decimals: 1, importId });
    const many = [ind('zz_published', 'bundled'), ...Array.from({ length: 10_000 }, (_, i) => ind(`imp_${String(i).padStart(5, '0')}`, 'imp'))];
    const shown = profileIndicators(many, () => true);
    expect(shown).toHaveLength(PROFILE_LIMIT);
    expect(shown.map((i) => i.id)).toContain('zz_published');
    expect(shown[0]!.id).toBe('imp_00000');
    expect(profileIndicators(many.slice(0, 5), () => true)).toHaveLength(5);
  });
});
