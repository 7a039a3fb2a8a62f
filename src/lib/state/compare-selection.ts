import { measuresOf, resolveIndicator, type Measure } from '../model/breakdown';
import { ENGLAND } from '../model/england';
import { formatPeriod } from '../model/period';
import type { Area, AreaCode, Indicator, Period } from '../model/types';
import { DEFAULT_INDICATOR, type CompareView } from './url-codec';

export interface CompareSelection {
  areas: Area[];
  indicator: Indicator;
  from: Period;
  to: Period;
  year: Period;
  problems: string[];
}

/**
 * Checks a Compare view from the URL against the data that is loaded: unknown
 * areas are left out, the indicator and breakdown are resolved to the indicator whose
 * figures are shown (model/breakdown.ts), an unknown indicator falls back to the CP
 * plan rate, and years are clamped to those the indicator has. Returns null only when
 * there is no indicator at all to show.
 */
export function resolveCompareSelection(
  view: CompareView,
  areasByCode: ReadonlyMap<AreaCode, Area>,
  indicators: readonly Indicator[],
  extentOf: (indicatorId: string) => [Period, Period] | null,
  measures: ReadonlyMap<string, Measure> = measuresOf(indicators),
): CompareSelection | null {
  const problems: string[] = [];
  const areas: Area[] = [];
  for (const code of view.areas) {
    const area = areasByCode.get(code) ?? [...areasByCode.values()].find((a) => a.previousCodes?.includes(code));
    if (area) {
      if (!areas.includes(area)) areas.push(area);
    } else problems.push(`No area has the code ${code}, so it was left out.`);
  }

  const resolved = resolveIndicator(indicators, measures, view.indicator, view.breakdown);
  if (resolved) problems.push(...resolved.problems);
  let indicator = resolved?.indicator;
  if (!indicator || indicator.unit === 'ordinal') {
    const fallback = indicators.find((i) => i.id === DEFAULT_INDICATOR) ?? indicators.find((i) => i.unit !== 'ordinal');
    if (!fallback) return null;
    // Compare's charts draw numbers; a judgement is ordered words, which it cannot chart yet.
    problems.push(
      indicator
        ? `“${indicator.shortLabel}” is a judgement in words, not a number, and Compare cannot chart it yet, so “${fallback.shortLabel}” is shown.`
        : `There is no indicator “${view.indicator}”, so “${fallback.shortLabel}” is shown.`,
    );
    indicator = fallback;
  }

  const extent = extentOf(indicator.id) ?? [view.from ?? 2016, view.to ?? 2016];
  const [lo, hi] = extent;
  const clamp = (p: Period, what: string): Period => {
    if (p >= lo && p <= hi) return p;
    const c = Math.min(hi, Math.max(lo, p));
    problems.push(`There are no figures for ${formatPeriod(p)} (${what}); ${formatPeriod(c)} is used instead.`);
    return c;
  };
  const from = view.from === undefined ? lo : clamp(view.from, 'first year');
  const to = view.to === undefined ? hi : clamp(view.to, 'last year');
  let year = view.year === undefined ? to : clamp(view.year, 'year of the table');
  if (year < from || year > to) {
    problems.push(`${formatPeriod(year)} is outside ${formatPeriod(from)} to ${formatPeriod(to)}, so ${formatPeriod(to)} is used.`);
    year = to;
  }
  return { areas, indicator, from, to, year, problems };
}

export interface TrendLineSpec {
  code: AreaCode;
  label: string;
  role: 'area' | 'england' | 'region';
  /** Drawn grey and unlabelled (named on hover, focus and in the table), beside a highlighted focus area. */
  muted?: boolean;
}

/** From this many chosen areas, one focus area is highlighted and the rest muted, with one region line. */
export const MANY_AREAS = 7;

/**
 * The lines of the trend chart: every chosen area, then England and the region of
 * each chosen authority as reference lines, unless the user chose them as areas.
 * With many areas (a focus area and its statistical neighbours) the focus area keeps
 * its colour, the others are muted, and only the focus area's region is drawn:
 * twenty lines would otherwise hide the one the reader came for.
 */
export function trendLineSpecs(selected: readonly Area[], areasByCode: ReadonlyMap<AreaCode, Area>, focus?: AreaCode, totals = true): TrendLineSpec[] {
  const many = selected.length >= MANY_AREAS;
  const focusArea = selected.find((a) => a.code === focus) ?? selected.find((a) => a.level === 'local_authority') ?? selected[0];
  const specs: TrendLineSpec[] = selected.map((a) => ({ code: a.code, label: a.name, role: 'area', ...(many && a !== focusArea ? { muted: true } : {}) }));
  const chosen = new Set(selected.map((a) => a.code));
  // A count's England and region totals are not drawn beside authorities (model/benchmark-scope.ts).
  if (!totals) return specs;
  const england = areasByCode.get(ENGLAND);
  if (england && !chosen.has(ENGLAND)) specs.push({ code: ENGLAND, label: england.name, role: 'england' });
  const withRegions = many && focusArea ? [focusArea] : selected;
  const regions = new Set(withRegions.filter((a) => a.level === 'local_authority' && a.regionCode).map((a) => a.regionCode!));
  for (const code of regions) {
    const region = areasByCode.get(code);
    if (region && !chosen.has(code)) specs.push({ code, label: region.name, role: 'region' });
  }
  return specs;
}
