import type { Polarity } from '../model/types';

/** Which end of the ranking is 1, stated next to every rank shown. */
export type RankDirection = 'highest_first' | 'lowest_first';

/**
 * The best value ranks 1 when the indicator has a polarity, as in DfE's LAIT:
 * higher-is-better ranks the highest 1, lower-is-better the lowest. Most children's
 * social care measures have no polarity; there the highest value ranks 1, because
 * "1 = highest" reads naturally to a councillor ("the highest rate in England").
 * (LAIT's newer code ranks such measures lowest first; we state our direction
 * beside every rank instead.)
 */
export function rankDirection(polarity: Polarity): RankDirection {
  return polarity === 'lower_is_better' ? 'lowest_first' : 'highest_first';
}

/** Plain words for a rank column header: "1 = highest". */
export function rankDirectionLabel(direction: RankDirection): string {
  return direction === 'highest_first' ? '1 = highest' : '1 = lowest';
}

export interface Ranked {
  /** 1-based; tied values share the best rank (1, 2, 2, 4), as R's rank(ties.method = "min") does in LAIT. */
  rank: number;
  /** True when another value has the same rank. */
  tied: boolean;
}

/**
 * Ranks values (null = no figure, left unranked). Returns one entry per input, in
 * input order; `of` is how many were ranked.
 */
export function rankValues(values: readonly (number | null)[], direction: RankDirection): { ranks: (Ranked | null)[]; of: number } {
  const present = values.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => x.v !== null && Number.isFinite(x.v));
  present.sort((a, b) => (direction === 'highest_first' ? b.v - a.v : a.v - b.v));
  const ranks: (Ranked | null)[] = values.map(() => null);
  for (let k = 0; k < present.length; k++) {
    const here = present[k]!;
    const prev = present[k - 1];
    const rank = prev && prev.v === here.v ? ranks[prev.i]!.rank : k + 1;
    ranks[here.i] = { rank, tied: false };
  }
  const counts = new Map<number, number>();
  for (const r of ranks) if (r) counts.set(r.rank, (counts.get(r.rank) ?? 0) + 1);
  for (const r of ranks) if (r) r.tied = (counts.get(r.rank) ?? 0) > 1;
  return { ranks, of: present.length };
}

/**
 * "12", or "joint 12" for a tie: one wording on the page, in readouts and in files
 * ("=12", as league tables write it, would be read as a formula by a spreadsheet).
 */
export function formatRank(r: Ranked): string {
  return r.tied ? `joint ${r.rank}` : String(r.rank);
}
