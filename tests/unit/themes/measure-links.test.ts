import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../../src/lib/model/bundle';
import type { ThemeLinkEdit } from '../../../src/lib/model/types';
import { defaultTaxonomy } from '../../../src/lib/themes/default-taxonomy';
import { bundledThemeLinks, linkId, themeMeasures, themesOfMeasure, validateThemeLinks } from '../../../src/lib/themes/measure-links';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;
const themeIds = defaultTaxonomy().taxonomy.themes.map((t) => t.id);
const bundledIds = new Set(bundle.indicators.map((i) => i.id));
const edit = (themeId: string, indicatorId: string, linked: boolean, editedAt = '2026-12-01T10:00:00.000Z'): ThemeLinkEdit => ({ id: linkId(themeId, indicatorId), themeId, indicatorId, linked, editedAt, importId: 'user' });

describe('data/theme-links.json', () => {
  it('covers all 23 themes once, names only bundled indicators, and says why where none is linked', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../data/theme-links.json', import.meta.url), 'utf8'));
    const { links, problems } = validateThemeLinks(raw, themeIds, bundledIds);
    expect(problems).toEqual([]);
    expect(themeIds).toHaveLength(23);
    expect(links.themes.map((t) => t.theme).sort()).toEqual([...themeIds].sort());
  });

  it('links the measures issue 12 names', () => {
    const m = themeMeasures(bundledThemeLinks(), []);
    const ids = (theme: string) => m.get(theme)!.measures.map((x) => x.indicatorId);
    expect(ids('neglect')).toEqual(['factor_neglect']);
    expect(ids('domestic_abuse').sort()).toEqual(['factor_domestic_abuse_child', 'factor_domestic_abuse_parent', 'factor_domestic_abuse_person']);
    expect(ids('mental_health')).toEqual(expect.arrayContaining(['factor_mental_health_parent', 'factor_self_harm']));
    expect(ids('cse')).toEqual(['factor_child_sexual_exploitation']);
    expect(ids('criminal_exploitation')).toEqual(['factor_child_criminal_exploitation', 'factor_gangs']);
    expect(ids('exploitation')).toEqual(expect.arrayContaining(['factor_child_criminal_exploitation', 'factor_gangs', 'factor_trafficking', 'factor_child_sexual_exploitation']));
    expect(ids('missing')).toEqual(['factor_going_missing']);
    expect(ids('disability')).toEqual(['factor_learning_disability_child', 'factor_physical_disability_child']);
    expect(ids('workforce')).toEqual(expect.arrayContaining(['sw_turnover_pct', 'sw_agency_pct', 'sw_vacancy_pct', 'sw_caseload']));
    expect(ids('inspection')).toContain('ilacs_overall');
    expect(ids('front_door')).toEqual(['rereferral_pct', 'no_further_action_percent', 'not_in_need_percent']);
    expect(ids('thresholds')).toEqual(ids('front_door'));
    expect(ids('looked_after')).toEqual(['cla_rate']);
    expect(ids('early_help')).toEqual([]);
    expect(m.get('early_help')!.why).toMatch(/^No early help figures are bundled/);
  });

  it('finds a file that misses a theme or names an unknown measure', () => {
    const { problems } = validateThemeLinks({ format: 'safeguarding-lens/theme-links', themes: [{ theme: 'neglect', measures: ['nonsense'], why: 'x' }] }, themeIds, bundledIds);
    expect(problems).toContain('neglect: “nonsense” is not a bundled indicator');
    expect(problems).toContain('the theme “early_help” has no entry (say why none is bundled if so)');
  });
});

describe('themeMeasures with the user’s edits', () => {
  it('adds the user’s links after the bundled ones, removes unlinked ones, and says which are the user’s', () => {
    const m = themeMeasures(bundledThemeLinks(), [edit('early_help', 'local_eh_assessments', true), edit('neglect', 'factor_neglect', false), edit('neglect', 'cpp_rate', true)]);
    expect(m.get('early_help')!.measures).toEqual([{ indicatorId: 'local_eh_assessments', origin: 'user' }]);
    expect(m.get('neglect')).toMatchObject({ measures: [{ indicatorId: 'cpp_rate', origin: 'user' }], unlinked: ['factor_neglect'] });
    expect(themesOfMeasure(m, 'cpp_rate')).toEqual(['neglect']);
  });

  it('leaves out indicators the database does not hold, and brings them back when they are held again', () => {
    const edits = [edit('early_help', 'local_eh_assessments', true)];
    expect(themeMeasures(bundledThemeLinks(), edits, bundledIds).get('early_help')!.measures).toEqual([]);
    expect(themeMeasures(bundledThemeLinks(), edits, new Set([...bundledIds, 'local_eh_assessments'])).get('early_help')!.measures).toHaveLength(1);
  });

  it('ignores edits of themes the taxonomy does not have', () => {
    expect([...themeMeasures(bundledThemeLinks(), [edit('gone', 'cpp_rate', true)]).keys()]).not.toContain('gone');
  });
});
