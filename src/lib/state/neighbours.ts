import type { Area, AreaCode, NeighbourLink, NeighbourModel } from '../model/types';
import { DEFAULT_NEIGHBOURS, NO_NEIGHBOURS } from './url-codec';

export interface NeighbourChoice {
  /** Model id to load, or null when the user turned neighbours off. */
  modelId: string | null;
  /** The authority whose neighbours are shown, or null when none is chosen. */
  of: Area | null;
  /** What in the link could not be used, in plain words (a model the app does not hold). */
  problems: string[];
}

/**
 * Whose neighbours, and from which model: the authority named in the link if it is
 * one of the chosen areas, otherwise the first chosen authority. A model the link names
 * that is not among `models` (once they are known) is reported and the default used.
 */
export function chooseNeighbours(
  view: { neighbours?: string | undefined; neighboursOf?: AreaCode | undefined },
  chosen: readonly Area[],
  models?: readonly { id: string }[] | null,
): NeighbourChoice {
  const problems: string[] = [];
  let modelId = view.neighbours === NO_NEIGHBOURS ? null : (view.neighbours ?? DEFAULT_NEIGHBOURS);
  if (modelId !== null && view.neighbours !== undefined && models && !models.some((m) => m.id === modelId)) {
    problems.push(`There is no statistical neighbour model “${modelId}”, so the 2025 model is used.`);
    modelId = DEFAULT_NEIGHBOURS;
  }
  const las = chosen.filter((a) => a.level === 'local_authority');
  // An authority that is not chosen (any more) is passed over quietly: removing an area is a user's action, not a bad link.
  const of = las.find((a) => a.code === view.neighboursOf) ?? las[0] ?? null;
  return { modelId, of, problems };
}

/** The links of `of` in a model, or [] when the model does not cover it. */
export function neighbourLinks(model: NeighbourModel | null | undefined, of: Area | null): NeighbourLink[] {
  if (!model || !of) return [];
  return model.neighbours[of.code] ?? of.previousCodes?.map((c) => model.neighbours[c]).find((l) => l !== undefined) ?? [];
}

/** Short enough for a direct label on a chart; whose neighbours is said beside it. */
export const NEIGHBOURS_LABEL = 'Neighbours’ average';

/** "mean of Worcestershire’s 10 neighbours in DfE statistical neighbours (2025 model)"; "median of …". */
export function neighboursDescription(of: Area, count: number, modelLabel: string, average: 'mean' | 'median' = 'mean'): string {
  return `${average} of ${of.name}’s ${count} neighbours in ${modelLabel}`;
}

/** Pseudo area code under which the neighbours' average is drawn as a trend line. */
export function neighbourLineCode(of: Area): AreaCode {
  return `neighbours:${of.code}`;
}
