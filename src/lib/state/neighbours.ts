import type { Area, AreaCode, NeighbourLink, NeighbourModel, Period } from '../model/types';
import { DEFAULT_NEIGHBOURS, NO_NEIGHBOURS } from './url-codec';

export interface NeighbourChoice {
  /** Model id to load, or null when the user turned neighbours off. */
  modelId: string | null;
  /** The authority whose neighbours are shown, or null when none is chosen. */
  of: Area | null;
}

/**
 * Whose neighbours, and from which model: the authority named in the link if it is
 * one of the chosen areas, otherwise the first chosen authority.
 */
export function chooseNeighbours(view: { neighbours?: string | undefined; neighboursOf?: AreaCode | undefined }, chosen: readonly Area[]): NeighbourChoice {
  const modelId = view.neighbours === NO_NEIGHBOURS ? null : (view.neighbours ?? DEFAULT_NEIGHBOURS);
  const las = chosen.filter((a) => a.level === 'local_authority');
  const of = las.find((a) => a.code === view.neighboursOf) ?? las[0] ?? null;
  return { modelId, of };
}

/** The links of `of` in a model, or [] when the model does not cover it. */
export function neighbourLinks(model: NeighbourModel | null | undefined, of: Area | null): NeighbourLink[] {
  if (!model || !of) return [];
  return model.neighbours[of.code] ?? of.previousCodes?.map((c) => model.neighbours[c]).find((l) => l !== undefined) ?? [];
}

/** Short enough for a direct label on a chart; whose neighbours is said beside it. */
export const NEIGHBOURS_LABEL = 'Neighbours’ average';

/** "average of Worcestershire’s 10 neighbours in DfE statistical neighbours (2025 model)". */
export function neighboursDescription(of: Area, count: number, modelLabel: string): string {
  return `average of ${of.name}’s ${count} neighbours in ${modelLabel}`;
}

/** Pseudo area code under which the neighbours' average is drawn as a trend line. */
export function neighbourLineCode(of: Area): AreaCode {
  return `neighbours:${of.code}`;
}

/**
 * The neighbours' average for each period, as observations of a pseudo area, so the
 * trend chart can draw it like any benchmark line. Plain mean of the neighbours with
 * a figure, as LAIT shows it.
 */
export function neighbourAverageSeries(
  observations: readonly { areaCode: AreaCode; period: Period; value: number | null }[],
  links: readonly NeighbourLink[],
  lineCode: AreaCode,
  indicatorId: string,
): { indicatorId: string; areaCode: AreaCode; period: Period; value: number | null; status: 'blank' | null; importId: string }[] {
  const wanted = new Set(links.map((l) => l.code));
  const sums = new Map<Period, { s: number; n: number }>();
  for (const o of observations) {
    if (!wanted.has(o.areaCode) || o.value === null) continue;
    const e = sums.get(o.period) ?? { s: 0, n: 0 };
    e.s += o.value;
    e.n += 1;
    sums.set(o.period, e);
  }
  return [...sums].map(([period, { s, n }]) => ({ indicatorId, areaCode: lineCode, period, value: s / n, status: null, importId: 'derived' }));
}
