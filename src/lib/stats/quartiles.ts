import { quantileSorted } from 'd3-array';
import type { Polarity } from '../model/types';

/**
 * Quartile banding of local authorities for one indicator and year, as DfE's LAIT
 * does it: the cut points are R's default quantile() (Hyndman & Fan type 7, linear
 * interpolation; d3-array's quantileSorted is the same definition) of every
 * authority's value, and a value on a cut point belongs to the lower band.
 *
 * With a polarity, band A is the best quarter (LAIT's A–D). Without one (most
 * children's social care measures) LAIT shows "not applicable"; we still show
 * plain value quartiles, Q1 = lowest quarter to Q4 = highest, because where an area
 * sits is useful context even when neither end is better, and the label says
 * "lowest"/"highest" rather than implying a judgement.
 */
export interface QuartileCuts {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export type BandKind = 'best_to_worst' | 'lowest_to_highest';

export interface Band {
  /** 0 = first band (A, or Q1), 3 = last (D, or Q4). */
  index: 0 | 1 | 2 | 3;
  /** "A" … "D" or "Q1" … "Q4". */
  code: string;
  /** Plain words: "A (best quarter)", "Q4 (highest quarter)". */
  label: string;
}

export function quartileCuts(values: readonly (number | null)[]): QuartileCuts | null {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return {
    min: sorted[0]!,
    q1: quantileSorted(sorted, 0.25)!,
    median: quantileSorted(sorted, 0.5)!,
    q3: quantileSorted(sorted, 0.75)!,
    max: sorted[sorted.length - 1]!,
  };
}

export function bandKind(polarity: Polarity): BandKind {
  return polarity === 'neither' ? 'lowest_to_highest' : 'best_to_worst';
}

/** Which value quarter (0 = lowest) a value falls in; cut points belong to the lower quarter. */
export function valueQuarter(value: number, cuts: QuartileCuts): 0 | 1 | 2 | 3 {
  if (value <= cuts.q1) return 0;
  if (value <= cuts.median) return 1;
  if (value <= cuts.q3) return 2;
  return 3;
}

const BEST_LABELS = ['best quarter', 'second-best quarter', 'second-worst quarter', 'worst quarter'];
const VALUE_LABELS = ['lowest quarter', 'second-lowest quarter', 'second-highest quarter', 'highest quarter'];

export function band(value: number, cuts: QuartileCuts, polarity: Polarity): Band {
  return bandOfQuarter(valueQuarter(value, cuts), polarity);
}

/** The band that value quarter q (0 = lowest) is, given the polarity. */
export function bandOfQuarter(q: 0 | 1 | 2 | 3, polarity: Polarity): Band {
  if (polarity === 'neither') return { index: q, code: `Q${q + 1}`, label: `Q${q + 1} (${VALUE_LABELS[q]})` };
  const index = (polarity === 'lower_is_better' ? q : 3 - q) as 0 | 1 | 2 | 3;
  const code = 'ABCD'[index]!;
  return { index, code, label: `${code} (${BEST_LABELS[index]})` };
}

export interface QuarterRange {
  quarter: 0 | 1 | 2 | 3;
  from: number;
  to: number;
  band: Band;
}

/** Each value quarter, lowest first, with its range and band. */
export function quarterRanges(cuts: QuartileCuts, polarity: Polarity): QuarterRange[] {
  const edges = [cuts.min, cuts.q1, cuts.median, cuts.q3, cuts.max];
  return ([0, 1, 2, 3] as const).map((q) => ({ quarter: q, from: edges[q]!, to: edges[q + 1]!, band: bandOfQuarter(q, polarity) }));
}
