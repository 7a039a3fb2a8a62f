/**
 * Moves label positions apart so that no two are closer than `gap`, keeping each
 * as near its target as it can and all within [lo, hi]. Positions are returned in
 * the order of the targets given.
 *
 * A label may be taller than one line (a name wrapped onto two): `sizes` gives each
 * label's height as it counts here, `gap` being a one-line label's. Positions are then
 * the labels' centres; two labels stay half their sizes apart, and a taller label stays
 * far enough inside [lo, hi] that its first and last lines do (where a one-line label's
 * centre may go). Without `sizes`, every label is one line.
 *
 * Greedy in two sweeps: downwards pushes overlapping labels apart, upwards pulls
 * the stack back inside the bottom bound. Enough for the handful of direct labels
 * a trend chart carries; with more labels than fit, they are spread evenly.
 */
export function dodgeLabels(targets: readonly number[], gap: number, lo: number, hi: number, sizes?: readonly number[]): number[] {
  const n = targets.length;
  if (n === 0) return [];
  const order = targets.map((t, i) => ({ t, i, s: sizes?.[i] ?? gap })).sort((a, b) => a.t - b.t || a.i - b.i);
  // The bounds of each centre, and the least distance from each label's centre to the one above it.
  const min = order.map((o) => lo + (o.s - gap) / 2);
  const max = order.map((o) => hi - (o.s - gap) / 2);
  const apart = order.map((o, k) => (k === 0 ? 0 : (order[k - 1]!.s + o.s) / 2));
  const needed = apart.reduce((a, b) => a + b, 0);
  const room = max[n - 1]! - min[0]!;
  const out = new Array<number>(n);
  if (needed > room) {
    // More than fit: each distance shrunk by the same share, from the top bound down.
    const shrink = needed === 0 ? 0 : Math.max(0, room) / needed;
    let at = min[0]!;
    order.forEach((o, k) => (out[o.i] = at += apart[k]! * shrink));
    return out;
  }
  const pos = order.map((o, k) => Math.min(max[k]!, Math.max(min[k]!, o.t)));
  for (let k = 1; k < n; k++) if (pos[k]! < pos[k - 1]! + apart[k]!) pos[k] = pos[k - 1]! + apart[k]!;
  if (pos[n - 1]! > max[n - 1]!) {
    pos[n - 1] = max[n - 1]!;
    for (let k = n - 2; k >= 0; k--) if (pos[k]! > pos[k + 1]! - apart[k + 1]!) pos[k] = pos[k + 1]! - apart[k + 1]!;
  }
  order.forEach((o, k) => (out[o.i] = pos[k]!));
  return out;
}
