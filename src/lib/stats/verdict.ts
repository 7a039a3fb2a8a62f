/**
 * One plain-English sentence per area and indicator for councillors: the recent
 * trend (Fingertips' test, `trend.ts`) and the comparison with England in the year
 * read, at the level chosen, naming the measure and both figures, e.g. "Worcestershire’s
 * CP plan rate (43.5 per 10,000 children) has been increasing over the five years to
 * 2024-25 and is similar to England’s (40.6) in 2024-25 (95% level)."
 * Compare's summary, the area page, print, presentation mode and the exported
 * tables all use these sentences.
 */
import { describeValue, formatValue } from '../model/format';
import { measureInSentence } from '../model/indicator-label';
import { formatCategory } from '../model/ordinal';
import { formatPeriod } from '../model/period';
import { STATUS_MEANING, type StatusCode } from '../model/status';
import { ENGLAND } from '../model/england';
import type { Area, Indicator, Observation, Period } from '../model/types';
import { levelText, type ConfidenceLevel } from './confidence';
import { compareWithBenchmark, intervalAroundPublished, judge, NO_INTERVAL_TEXT, noIntervalReason, type Comparison } from './significance';
import { leftOutText, recentTrend, trendReasonText, trendWords, withoutCountText, type Trend } from './trend';

export interface VerdictInput {
  /** The area's name. */
  name: string;
  /** England itself is not compared with England. */
  isEngland: boolean;
  indicator: Pick<Indicator, 'shortLabel' | 'unit' | 'polarity' | 'scale' | 'decimals'>;
  /** The year read. */
  year: Period;
  /** The area's figure for that year, with its counts and the import it comes from; undefined when none is held. */
  observation:
    | { value: number | null; status: StatusCode | null; numerator?: number | undefined; denominator?: number | undefined; importId?: string | undefined }
    | undefined;
  /** England's value that year. */
  england: number | null;
  /** The bundled figures' importId, so that a figure an import brought without its count is named as such (noIntervalReason). */
  bundledId?: string | undefined;
  /** The recent trend up to that year. */
  trend: Trend;
  level: ConfidenceLevel;
}

/** "Worcestershire’s", and "Sutton’s"; a name ending in s takes ’s too (as GOV.UK style has it). */
function possessive(name: string): string {
  return `${name}’s`;
}


/** "over the five years to 2024-25", or the years it used when some were skipped. */
function overYears(periods: readonly Period[]): string {
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  return last - first === periods.length - 1
    ? `over the five years to ${formatPeriod(last)}`
    : `over the five years with figures from ${formatPeriod(first)} to ${formatPeriod(last)}`;
}

/** The trend as a predicate: "has been increasing (getting worse) over …". */
function trendClause(trend: Trend): string | null {
  if (trend.kind === 'cannot_calculate') return null;
  const years = overYears(trend.periods);
  if (trend.direction === 'no_change') return `has shown no significant change ${years}`;
  return `has been ${trend.direction}${trend.judgement ? ` (getting ${trend.judgement})` : ''} ${years}`;
}

/** The comparison with England in `year`, at `level`, as a predicate. */
export function comparisonWith(input: Pick<VerdictInput, 'indicator' | 'observation' | 'england' | 'level'>): Comparison {
  const o = input.observation;
  if (!o || o.value === null) return 'not_compared';
  return compareWithBenchmark(intervalAroundPublished(input.indicator.unit, o, input.level), input.england);
}

function comparisonClause(input: VerdictInput): { text: string; tested: boolean } {
  const { observation: o, year, england } = input;
  const when = formatPeriod(year);
  if (!o || o.value === null) {
    const why = o?.status ? (o.status === 'c' ? 'suppressed' : STATUS_MEANING[o.status]) : 'no figure held';
    return { text: `has no figure for ${when} (${why})`, tested: false };
  }
  if (england === null) return { text: `cannot be compared with England’s in ${when} (no England figure)`, tested: false };
  // England's figure in the unit the area's figure already named: "England’s (40.6)".
  const englands = `England’s (${formatValue(input.indicator, england)})`;
  const cmp = comparisonWith(input);
  const j = judge(cmp, input.indicator.polarity);
  const judged = j === 'better' || j === 'worse' ? ` (${j})` : '';
  switch (cmp) {
    case 'similar':
      return { text: `is similar to ${englands} in ${when}`, tested: true };
    case 'higher':
    case 'lower':
      return { text: `is significantly ${cmp} than ${englands} in ${when}${judged}`, tested: true };
    case 'not_compared':
      return { text: `is not tested against ${englands} in ${when} (${NO_INTERVAL_TEXT[noIntervalReason(input.indicator.unit, o, input.bundledId) ?? 'no_counts_published']})`, tested: false };
  }
}

/** The sentence for one area and indicator. */
export function verdictSentence(input: VerdictInput): string {
  const { name, indicator, trend } = input;
  const measure = `${possessive(name)} ${measureInSentence(indicator.shortLabel)}`;
  const o = input.observation;
  if (indicator.unit === 'ordinal') {
    const held = o && o.value !== null && indicator.scale ? `is ${formatCategory(indicator.scale, o.value).replace(/^\S+\s/, '')}` : 'is not held';
    return `${measure} ${held}; a judgement is a word, not a number, so neither the trend test nor the comparison with England applies.`;
  }
  // The figure read, beside the measure it belongs to; none when the year has no figure (the clause says why).
  const subject = o && o.value !== null ? `${measure} (${describeValue(indicator, o.value, null)})` : measure;
  const moving = trendClause(trend);
  // A year an import gave without its count: named with the reason a trend cannot be calculated, or in a clause of
  // its own after a calculated one (last, so that the trend and the comparison still read as one clause).
  const notMoving =
    trend.kind === 'cannot_calculate' ? `its recent trend cannot be calculated (${[trendReasonText(trend.reason), withoutCountText(trend)].filter(Boolean).join('; ')})` : '';
  const leftOut = leftOutText(trend);
  const end = leftOut ? `; ${leftOut}.` : '.';
  if (input.isEngland) {
    return moving ? `${subject} ${moving}${end}` : `${subject}: ${notMoving}${end}`;
  }
  const cmp = comparisonClause(input);
  const level = cmp.tested ? ` ${levelText(input.level)}` : '';
  return moving ? `${subject} ${moving} and ${cmp.text}${level}${end}` : `${subject} ${cmp.text}${level}; ${notMoving}${end}`;
}

/** One area's reading of one indicator: its trend, its comparison with England and the sentence. */
export interface AreaVerdict {
  code: string;
  name: string;
  trend: Trend;
  /** The trend in Fingertips' words, for a table column. */
  trendText: string;
  comparison: Comparison;
  sentence: string;
}

/**
 * The verdict of an area on an indicator in `year`, from its observations (any
 * years; those after `year` are left out of the trend) and England's value.
 */
export function verdictFor(input: {
  area: Pick<Area, 'code' | 'name'>;
  indicator: VerdictInput['indicator'];
  year: Period;
  observations: readonly Observation[];
  england: number | null;
  level: ConfidenceLevel;
  bundledId?: string | undefined;
}): AreaVerdict {
  const { area, indicator, year, level, england } = input;
  const upTo = input.observations.filter((o) => o.period <= year);
  const trend = recentTrend(indicator, upTo, input.bundledId);
  const observation = upTo.find((o) => o.period === year);
  const isEngland = area.code === ENGLAND;
  const v: VerdictInput = { name: area.name, isEngland, indicator, year, observation, england, trend, level, bundledId: input.bundledId };
  return {
    code: area.code,
    name: area.name,
    trend,
    trendText: trendWords(trend),
    comparison: isEngland ? 'not_compared' : comparisonWith(v),
    sentence: verdictSentence(v),
  };
}
