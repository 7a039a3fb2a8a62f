/**
 * Places the names of the chosen areas on the map so that none overlap
 * (Warwickshire and Worcestershire sit side by side): labels whose boxes would
 * overlap across are moved apart vertically with the same dodging as the trend
 * chart's direct labels (label-dodge.ts); labels that clear each other stay on
 * their area. Returns, in input order, each label's centre.
 */
import { dodgeLabels } from './label-dodge';

export interface MapLabel {
  /** Centre of the label as the map file places it. */
  x: number;
  y: number;
  /** Estimated text width in px. */
  width: number;
}

export function placeMapLabels(labels: readonly MapLabel[], lineHeight: number, height: number): { x: number; y: number }[] {
  // Group labels whose horizontal extents overlap (transitively) and could collide.
  const order = labels.map((l, i) => ({ ...l, i })).sort((a, b) => a.x - a.width / 2 - (b.x - b.width / 2));
  const groups: (typeof order)[] = [];
  let right = -Infinity;
  for (const l of order) {
    const end = l.x + l.width / 2;
    if (l.x - l.width / 2 < right) {
      groups.at(-1)!.push(l);
      right = Math.max(right, end);
    } else {
      groups.push([l]);
      right = end;
    }
  }
  const out = labels.map((l) => ({ x: l.x, y: l.y }));
  for (const g of groups) {
    if (g.length < 2) continue;
    const ys = dodgeLabels(
      g.map((l) => l.y),
      lineHeight,
      lineHeight / 2,
      height - lineHeight / 2,
    );
    g.forEach((l, k) => (out[l.i]!.y = ys[k]!));
  }
  return out;
}
