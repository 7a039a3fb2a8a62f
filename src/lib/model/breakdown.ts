import { isRecord } from './is-record';
import type { Indicator, IndicatorBreakdown } from './types';

const ID = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * A breakdown as a file, a backup or carried data brings it: a fresh object with only
 * `of`, `by` and `value`, or undefined when it is not one (the indicator then arrives
 * without it, its figures unchanged).
 */
export function readBreakdown(v: unknown): IndicatorBreakdown | undefined {
  if (!isRecord(v) || typeof v.of !== 'string' || !ID.test(v.of) || typeof v.by !== 'string' || typeof v.value !== 'string') return undefined;
  return { of: v.of, by: v.by, value: v.value };
}

/** What resolving a breakdown reads of an indicator: Share's carry scope has no more. */
export type Listed = Pick<Indicator, 'id' | 'label' | 'shortLabel' | 'unit' | 'breakdown'>;

/** One value of a measure's breakdown, as a picker offers it and a link names it. */
export interface BreakdownValue<I extends Listed = Indicator> {
  /** What `breakdown=` writes: the indicator id after the measure's `__` (the whole id when it has none). */
  key: string;
  /** The filter value as the file wrote it ("Age 10 to 15"). */
  value: string;
  indicator: I;
}

/**
 * A measure broken down by a filter: one indicator to choose in a picker, then one of
 * its values. Its id is the one links name in `indicator=`, the total's, whether or not
 * the total is held (an EES file whose filter has no total brings only its values).
 */
export interface Measure<I extends Listed = Indicator> {
  id: string;
  /** The measure's name, without a value: the total's label, or a breakdown's without its "(value)". */
  label: string;
  shortLabel: string;
  /** The filter column or columns the values break it down by. */
  by: string;
  /** The total's indicator, when held: what the measure shows unless a value is chosen. */
  total?: I;
  /** Its breakdowns, by value. */
  values: BreakdownValue<I>[];
}

/** The key a link writes for a breakdown (`breakdown=children_starting`): short, and the id when the id does not begin with its measure's. */
export function breakdownKey(i: Pick<Indicator, 'id' | 'breakdown'>): string {
  const prefix = i.breakdown ? `${i.breakdown.of}__` : '';
  return prefix && i.id.startsWith(prefix) && i.id.length > prefix.length ? i.id.slice(prefix.length) : i.id;
}

/** The label without its trailing " (value)", as imports write a breakdown's label. */
function withoutValue(label: string, value: string): string | undefined {
  const suffix = ` (${value})`;
  return label.endsWith(suffix) && label.length > suffix.length ? label.slice(0, -suffix.length) : undefined;
}

/**
 * The measures the indicators break down, by id: each with its total (when held) and
 * its values. Indicators nothing breaks down are not measures here; ordinal ones
 * never are.
 */
export function measuresOf<I extends Listed>(indicators: readonly I[]): ReadonlyMap<string, Measure<I>> {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const out = new Map<string, Measure<I>>();
  for (const i of indicators) {
    if (!i.breakdown || i.unit === 'ordinal') continue;
    const { of, by, value } = i.breakdown;
    let m = out.get(of);
    if (!m) {
      const total = byId.get(of);
      const label = total?.label ?? withoutValue(i.label, value) ?? of;
      const shortLabel = total?.shortLabel ?? withoutValue(i.shortLabel, value) ?? label;
      m = { id: of, label, shortLabel, by, ...(total && !total.breakdown ? { total } : {}), values: [] };
      out.set(of, m);
    } else if (!m.by.split('; ').includes(by)) {
      // Two files can break one measure down by different filters: the control names both.
      m.by = `${m.by}; ${by}`;
    }
    m.values.push({ key: breakdownKey(i), value, indicator: i });
  }
  for (const m of out.values()) m.values.sort((a, b) => a.value.localeCompare(b.value, 'en-GB', { numeric: true }));
  return out;
}

/**
 * The indicators a picker lists: each measure once, never its breakdowns (a file's 503
 * characteristics would bury everything else). A measure whose total is not held is
 * listed as a stand-in under the measure's id and name, with its first value's unit
 * and source, so that it sorts and groups with its file.
 */
export function pickerIndicators(indicators: readonly Indicator[], measures: ReadonlyMap<string, Measure> = measuresOf(indicators)): Indicator[] {
  const out: Indicator[] = [];
  const listed = new Set<string>();
  for (const i of indicators) {
    if (!i.breakdown || i.unit === 'ordinal') {
      out.push(i);
      listed.add(i.id);
    }
  }
  for (const m of measures.values()) {
    if (listed.has(m.id)) continue;
    const { breakdown: _, ...first } = m.values[0]!.indicator;
    out.push({ ...first, id: m.id, label: m.label, shortLabel: m.shortLabel });
  }
  return out;
}

/** What resolving a link's indicator and breakdown gave: the indicator whose figures are shown, and why it is not the one asked for. */
export interface ResolvedBreakdown<I extends Listed = Indicator> {
  indicator: I;
  problems: string[];
}

/** The measure's default: its total, or its first value when no total is held. */
function defaultOf<I extends Listed>(m: Measure<I>): I {
  return m.total ?? m.values[0]!.indicator;
}

/**
 * The indicator a measure shows for a link's `breakdown=`: that value's, or, for none,
 * the measure's default (the total, or the first value when no total is held). A value
 * the measure does not have shows the default, with a message.
 */
export function resolveBreakdown<I extends Listed>(m: Measure<I>, value: string | undefined): ResolvedBreakdown<I> {
  if (value === undefined) return { indicator: defaultOf(m), problems: [] };
  const found = m.values.find((v) => v.key === value || v.indicator.id === value);
  if (found) return { indicator: found.indicator, problems: [] };
  const fallback = defaultOf(m);
  const shown = m.total ? 'the total is shown' : `“${m.values[0]!.value}” is shown`;
  return { indicator: fallback, problems: [`“${value}” is not a breakdown of “${m.shortLabel}”, so ${shown}.`] };
}

/**
 * The indicator a link names with `indicator=` and `breakdown=`, or undefined when the
 * data holds no such indicator or measure. A link naming a breakdown's own id (the form
 * links had before `breakdown=`) opens on that breakdown, as it always did; a
 * `breakdown=` beside an indicator that has none is reported and ignored.
 */
export function resolveIndicator<I extends Listed>(indicators: readonly I[], measures: ReadonlyMap<string, Measure<I>>, id: string, breakdown: string | undefined): ResolvedBreakdown<I> | undefined {
  const m = measures.get(id);
  if (m) return resolveBreakdown(m, breakdown);
  const own = indicators.find((i) => i.id === id);
  if (!own) return undefined;
  if (breakdown === undefined || (own.breakdown && breakdownKey(own) === breakdown)) return { indicator: own, problems: [] };
  return { indicator: own, problems: [`“${own.shortLabel}” has no breakdown “${breakdown}”, so it was ignored.`] };
}

/** A view's `indicator` and `breakdown` for an indicator: a breakdown is written as its measure and its value. */
export function linkOf(i: Pick<Indicator, 'id' | 'breakdown'>): { indicator: string; breakdown?: string } {
  return i.breakdown ? { indicator: i.breakdown.of, breakdown: breakdownKey(i) } : { indicator: i.id };
}

/** The breakdown control beside an indicator picker: its label, its choices (the total first, as ''), and the one shown. */
export interface BreakdownControl {
  /** "Breakdown: population_type" */
  label: string;
  options: { value: string; label: string }[];
  value: string;
}

/** The total's choice: a link leaves `breakdown=` out for it. */
export const TOTAL_CHOICE = '';

/** The control for the measure of the indicator shown, or undefined when that indicator has no breakdowns. */
export function breakdownControl(measures: ReadonlyMap<string, Measure<Listed>>, shown: Pick<Indicator, 'id' | 'breakdown'>): BreakdownControl | undefined {
  const m = measures.get(shown.breakdown?.of ?? shown.id);
  if (!m) return undefined;
  const options = [...(m.total ? [{ value: TOTAL_CHOICE, label: 'Total' }] : []), ...m.values.map((v) => ({ value: v.key, label: v.value }))];
  return { label: `Breakdown: ${m.by}`, options, value: shown.breakdown ? breakdownKey(shown) : TOTAL_CHOICE };
}
