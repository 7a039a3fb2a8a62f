/**
 * What a view needs carried, and the envelope that carries it. The scope is generous
 * where a view compares against every authority (the ranking, quartiles and map of a
 * year need all of them) and narrow elsewhere (only the view's indicator, years,
 * areas), so a link never carries the user's whole library.
 */
import type { CarryScope, CarrySelection } from '../db/carry';
import { buildAppFile } from '../import/app-json';
import { measuresOf, resolveIndicator, type Listed } from '../model/breakdown';
import type { Period } from '../model/types';
import { DEFAULT_INDICATOR, type View } from '../state/url-codec';
import { DASHBOARD_FORMAT, DASHBOARD_VERSION, type DashboardFile } from './carry-format';

export interface ScopeContext {
  indicators: readonly Listed[];
  /** First and last year of each indicator's figures. */
  extents: ReadonlyMap<string, readonly [Period, Period]>;
  /** Indicators the user linked to a theme: said and seen reads every year of them (trend), for every area. */
  linkedByUser?: readonly string[];
}

export function carryScope(view: View, ctx: ScopeContext): CarryScope | null {
  switch (view.name) {
    case 'compare': {
      // The trend needs from–to; the ranking, its year and the year before (for the change).
      const yearFrom = view.year !== undefined ? view.year - 1 : undefined;
      const from = view.from === undefined ? undefined : yearFrom === undefined ? view.from : Math.min(view.from, yearFrom);
      const to = view.to === undefined ? undefined : Math.max(view.to, view.year ?? view.to);
      const range = { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
      return {
        areas: view.areas,
        figures: [{ indicatorId: shownId(ctx, view.indicator, view.breakdown), ...range }],
        ...(view.theme !== undefined ? { priorities: { areas: view.areas, ...range } } : {}),
      };
    }
    case 'themes': {
      const range = { areas: view.areas, ...(view.from !== undefined ? { from: view.from } : {}), ...(view.to !== undefined ? { to: view.to } : {}) };
      // Said and seen reads the linked figures up to `to`, and their trend before it.
      const linked = (ctx.linkedByUser ?? []).map((indicatorId) => ({ indicatorId, ...(view.to !== undefined ? { to: view.to } : {}) }));
      return { areas: view.areas, figures: linked, documents: range, priorities: range, themeLinks: true };
    }
    case 'area': {
      const trend = shownId(ctx, view.indicator ?? DEFAULT_INDICATOR, view.breakdown);
      // The profile shows every rate and percentage in its latest year, against the year before; a measure's total, not its breakdowns.
      const profile = ctx.indicators
        .filter((i) => i.unit !== 'count' && !i.breakdown && i.id !== trend && i.id !== DEFAULT_INDICATOR && ctx.extents.has(i.id))
        .map((i) => {
          const last = ctx.extents.get(i.id)![1];
          return { indicatorId: i.id, from: last - 1, to: last };
        });
      // The area's themes chart sets its themes beside the CP plan rate, so that goes whole too.
      // Said and seen reads the indicators linked to themes in every year (their trend), so those go whole too.
      const whole = [...new Set([trend, DEFAULT_INDICATOR, ...(ctx.linkedByUser ?? [])])].map((indicatorId) => ({ indicatorId }));
      const wholeIds = new Set(whole.map((w) => w.indicatorId));
      return {
        areas: [view.code],
        figures: [...whole, ...profile.filter((p) => !wholeIds.has(p.indicatorId))],
        documents: { areas: [view.code] },
        priorities: { areas: [view.code] },
        themeLinks: true,
      };
    }
    case 'data':
      return null;
  }
}

/** The indicator whose figures a view shows for its `indicator` and `breakdown` (the link's id when the data holds neither). */
function shownId(ctx: ScopeContext, id: string, breakdown: string | undefined): string {
  return resolveIndicator(ctx.indicators, measuresOf(ctx.indicators), id, breakdown)?.indicator.id ?? id;
}

/**
 * The view's title, which names its dashboard file: the view and its measure and, when
 * the figures shown are a breakdown, its filter and value ("compare referral_rate —
 * characteristic: Age 10 to 15"), so that two files carrying two values of one measure
 * are told apart. `indicators`: those the view may show (the carried ones suffice).
 */
export function carryTitle(view: View, indicators: readonly Listed[]): string {
  const breakdown = (id: string, value: string | undefined) => {
    const shown = resolveIndicator(indicators, measuresOf(indicators), id, value)?.indicator;
    return shown?.breakdown ? `${shown.breakdown.of} — ${shown.breakdown.by}: ${shown.breakdown.value}` : id;
  };
  switch (view.name) {
    case 'compare':
      return `compare ${breakdown(view.indicator, view.breakdown)}`;
    case 'area': {
      // The area page's trend is one indicator of many it shows: named only when it is a breakdown.
      const trend = breakdown(view.indicator ?? DEFAULT_INDICATOR, view.breakdown);
      return trend.includes(' — ') ? `area ${view.code} ${trend}` : `area ${view.code}`;
    }
    default:
      return view.name;
  }
}

/** The envelope for a selection; `view` is added for a dashboard file. */
export function carryEnvelope(sel: CarrySelection, note: string): DashboardFile {
  const from = [...new Set(sel.sources)];
  const description = from.length ? `Imported from ${from.join(', ')}` : 'Imported data';
  return {
    format: DASHBOARD_FORMAT,
    version: DASHBOARD_VERSION,
    ...(note.trim() ? { note: note.trim() } : {}),
    data: buildAppFile(sel, description),
  };
}

/** "120 figures for 2 indicators, 1 document": what a selection holds, for the sender. */
export function describeSelection(sel: Pick<CarrySelection, 'observations' | 'documents' | 'priorities'> & { themeLinks?: readonly unknown[] }): string {
  const parts: string[] = [];
  const indicators = new Set(sel.observations.map((o) => o.indicatorId)).size;
  if (sel.observations.length) parts.push(`${count(sel.observations.length, 'figure')} for ${count(indicators, 'indicator')}`);
  if (sel.documents.length) parts.push(count(sel.documents.length, 'document'));
  if (sel.priorities.length) parts.push(count(sel.priorities.length, 'priority', 'priorities'));
  if (sel.themeLinks?.length) parts.push(count(sel.themeLinks.length, 'theme link'));
  return parts.join(', ');
}

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? noun : plural}`;
}
