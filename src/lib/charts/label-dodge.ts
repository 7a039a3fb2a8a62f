/**
 * Moves label positions apart so that no two are closer than `gap`, keeping each
 * as near its target as it can and all within [lo, hi]. Positions are returned in
 * the order of the targets given.
 *
 * Greedy in two sweeps: downwards pushes overlapping labels apart, upwards pulls
 * the stack back inside the bottom bound. Enough for the handful of direct labels
 * a trend chart carries; with more labels than fit, they are spread evenly.
 */
export function dodgeLabels(targets: readonly number[], gap: number, lo: number, hi: number): number[] {
  const n = targets.length;
  if (n === 0) return [];
  const order = targets.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i);
  if ((n - 1) * gap > hi - lo) {
    const step = n === 1 ? 0 : (hi - lo) / (n - 1);
    const out = new Array<number>(n);
    order.forEach((o, k) => (out[o.i] = lo + k * step));
    return out;
  }
  const pos = order.map((o) => Math.min(hi, Math.max(lo, o.t)));
  for (let k = 1; k < n; k++) if (pos[k]! < pos[k - 1]! + gap) pos[k] = pos[k - 1]! + gap;
  if (pos[n - 1]! > hi) {
    pos[n - 1] = hi;
    for (let k = n - 2; k >= 0; k--) if (pos[k]! > pos[k + 1]! - gap) pos[k] = pos[k + 1]! - gap;
  }
  const out = new Array<number>(n);
  order.forEach((o, k) => (out[o.i] = pos[k]!));
  return out;
}
