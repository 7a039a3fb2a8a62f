/**
 * Themes over time for one area, as the area page lays them out beside its CP plan
 * rate: the years with a document or a stated priority, the rate and priorities of
 * each, and for every theme named in them whether it was discussed (with its
 * sentences) or named only in passing.
 */
import type { Observation, Period, Priority, ThemeMention } from '../../model/types';
import type { ThemeLabel } from '../../themes/theme-labels';

export interface ThemeYear {
  /** Documents that discuss the theme substantively. */
  present: number;
  sentences: number;
  /** Named at all, even only in passing. */
  named: boolean;
}

export interface ThemesOverTime {
  years: Period[];
  rate: ReadonlyMap<Period, Observation>;
  priorities: ReadonlyMap<Period, Priority[]>;
  /** Themes named in some year, in taxonomy order. */
  themes: { theme: ThemeLabel; years: ReadonlyMap<Period, ThemeYear> }[];
}

export function themesOverTime(mentions: readonly ThemeMention[], priorities: readonly Priority[], rates: readonly Observation[], themes: readonly ThemeLabel[]): ThemesOverTime {
  const years = [...new Set([...mentions, ...priorities].map((m) => m.period))].sort((a, b) => a - b);
  const byTheme = new Map<string, Map<Period, ThemeYear>>();
  for (const m of mentions) {
    const cells = byTheme.get(m.themeId) ?? new Map<Period, ThemeYear>();
    const c = cells.get(m.period) ?? { present: 0, sentences: 0, named: false };
    // Older records have no `present`; they were only written for themes judged present.
    if (m.present ?? true) {
      c.present++;
      c.sentences += m.count;
    }
    c.named = true;
    cells.set(m.period, c);
    byTheme.set(m.themeId, cells);
  }
  const byYear = new Map<Period, Priority[]>();
  for (const p of priorities) byYear.set(p.period, [...(byYear.get(p.period) ?? []), p]);
  return {
    years,
    rate: new Map(rates.map((o) => [o.period, o])),
    priorities: byYear,
    themes: themes.filter((t) => byTheme.has(t.id)).map((t) => ({ theme: t, years: byTheme.get(t.id)! })),
  };
}
