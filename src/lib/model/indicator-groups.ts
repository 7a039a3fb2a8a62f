import type { Indicator } from './types';

export interface IndicatorGroup {
  /** What the group's figures are: "Published figures" or "From referrals.csv". */
  label: string;
  indicators: Indicator[];
}

/**
 * Published figures from these sources get a group of their own, so that some forty
 * assessment factors do not bury the child protection measures. Other sources'
 * figures stay under "Published figures".
 */
const PUBLISHED_TOPICS: Record<string, string> = {
  dfe_cin_factors: 'Published: factors identified at the end of assessment',
  dfe_csww: 'Published: children’s social work workforce',
};

/**
 * The indicators for a picker, grouped by where their figures came from: the
 * published (bundled) figures first, by topic, then each imported file in the order
 * its first indicator sorts. An EES file with a filter column brings one indicator
 * per filter value, hundreds of them at times; grouped, they do not bury the
 * published ones, and an analyst can see which indicators are their own. Pickers give
 * it each measure once (model/breakdown.ts `pickerIndicators`), its breakdowns being
 * chosen beside it. Ordinal
 * measures (Ofsted judgements) are left out: the charts that pickers drive draw
 * numbers, and a judgement is not one.
 */
export function groupIndicators(indicators: readonly Indicator[], bundledId = 'bundled'): IndicatorGroup[] {
  const sorted = [...indicators].filter((i) => i.unit !== 'ordinal').sort((a, b) => a.label.localeCompare(b.label));
  const groups = new Map<string, IndicatorGroup>();
  const published: IndicatorGroup = { label: 'Published figures', indicators: [] };
  const topics = new Map(Object.values(PUBLISHED_TOPICS).map((label) => [label, { label, indicators: [] as Indicator[] }]));
  for (const i of sorted) {
    if (i.importId === bundledId) {
      const topic = PUBLISHED_TOPICS[i.source];
      if (!topic) published.indicators.push(i);
      else {
        topics.get(topic)!.indicators.push(i);
      }
      continue;
    }
    const label = `From ${i.source}`;
    const g = groups.get(label) ?? { label, indicators: [] };
    g.indicators.push(i);
    groups.set(label, g);
  }
  return [published, ...topics.values(), ...groups.values()].filter((g) => g.indicators.length > 0);
}

/**
 * The indicators an area's profile (spine) shows: every rate, percentage and average
 * with figures, but not counts (context, not comparable), not judgements (words: a
 * spine cannot place them), and not the forty assessment factors, which would bury
 * the rest; those are read by theme (data/theme-links.json) and on Compare. A measure
 * broken down by a filter is on it once, as its total: its values (503 characteristics
 * at times) are read on its trend, one choice away.
 */
export function profileIndicators(indicators: readonly Indicator[], hasFigures: (id: string) => boolean, limit = PROFILE_LIMIT): Indicator[] {
  const all = indicators.filter((i) => i.unit !== 'count' && i.unit !== 'ordinal' && !i.breakdown && !(i.importId === 'bundled' && i.source === 'dfe_cin_factors') && hasFigures(i.id));
  const byName = (a: Indicator, b: Indicator) => a.shortLabel.localeCompare(b.shortLabel);
  if (all.length <= limit) return all.sort(byName);
  // Each measure on the profile is a query and a ranking of every authority: the work is
  // bounded whatever the library holds. The published measures first, then imported ones by name.
  const published = all.filter((i) => i.importId === 'bundled');
  const imported = all.filter((i) => i.importId !== 'bundled').sort(byName);
  return [...published, ...imported].slice(0, limit).sort(byName);
}

/** The most measures an area's profile shows; any other's trend is one choice away. */
export const PROFILE_LIMIT = 60;
