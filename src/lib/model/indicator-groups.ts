import type { Indicator } from './types';

export interface IndicatorGroup {
  /** What the group's figures are: "Published figures" or "From referrals.csv". */
  label: string;
  indicators: Indicator[];
}

/**
 * The indicators for a picker, grouped by where their figures came from: the
 * published (bundled) figures first, then each imported file in the order its
 * first indicator sorts. An EES file with a filter column brings one indicator per
 * filter value, hundreds of them at times; grouped, they do not bury the published
 * ones, and an analyst can see which indicators are their own.
 */
export function groupIndicators(indicators: readonly Indicator[], bundledId = 'bundled'): IndicatorGroup[] {
  const sorted = [...indicators].sort((a, b) => a.label.localeCompare(b.label));
  const groups = new Map<string, IndicatorGroup>();
  const published: IndicatorGroup = { label: 'Published figures', indicators: [] };
  for (const i of sorted) {
    if (i.importId === bundledId) {
      published.indicators.push(i);
      continue;
    }
    const label = `From ${i.source}`;
    const g = groups.get(label) ?? { label, indicators: [] };
    g.indicators.push(i);
    groups.set(label, g);
  }
  return [...(published.indicators.length ? [published] : []), ...groups.values()];
}
