import { describe, expect, it } from 'vitest';
import type { Priority, ThemeMention } from '../../../src/lib/model/types';
import { themesOverTime } from '../../../src/lib/views/area/themes-over-time';
import { obs } from '../builders';

const mention = (themeId: string, period: number, count: number, present?: boolean): ThemeMention => ({
  id: `${themeId}${period}${count}`,
  documentId: `d${period}`,
  themeId,
  areaCode: 'E10000034',
  period,
  count,
  share: 0,
  ...(present === undefined ? {} : { present }),
  evidence: [],
  importId: 'b',
});
const priority = (period: number, label: string): Priority => ({ id: label, areaCode: 'E10000034', period, label, themeIds: [], importId: 'b' });
const THEMES = [
  { id: 'neglect', label: 'Neglect', definition: '' },
  { id: 'online_safety', label: 'Online safety', definition: '' },
  { id: 'covid', label: 'COVID-19', definition: '' },
];

describe('themesOverTime', () => {
  const t = themesOverTime(
    [mention('neglect', 2021, 3), mention('neglect', 2021, 2), mention('online_safety', 2021, 0, false), mention('neglect', 2019, 1, undefined)],
    [priority(2023, 'Early help'), priority(2021, 'Neglect')],
    [obs('E10000034', 2021, 38.4), obs('E10000034', 2022, 38.2)],
    THEMES,
  );

  it('has a column for each year with a document or a stated priority', () => {
    expect(t.years).toEqual([2019, 2021, 2023]);
    expect(t.priorities.get(2023)?.map((p) => p.label)).toEqual(['Early help']);
    expect(t.rate.get(2021)?.value).toBe(38.4);
  });

  it('adds up documents and sentences that discuss a theme, and keeps a passing mention apart', () => {
    expect(t.themes.map((r) => r.theme.id)).toEqual(['neglect', 'online_safety']);
    expect(t.themes[0]!.years.get(2021)).toEqual({ present: 2, sentences: 5, named: true });
    // Records from before `present` was kept were only written for themes judged present.
    expect(t.themes[0]!.years.get(2019)).toEqual({ present: 1, sentences: 1, named: true });
    expect(t.themes[1]!.years.get(2021)).toEqual({ present: 0, sentences: 0, named: true });
  });
});
