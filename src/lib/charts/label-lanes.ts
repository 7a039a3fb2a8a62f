/**
 * Places labels on a line (e.g. names above the bars of a ranked chart) in as few
 * rows ("lanes") as needed so that none overlap: each label keeps its x and goes in
 * the first lane where it clears the previous label by `gap`. Labels are clamped
 * into [0, width]. Returns, in input order, each label's lane and left edge.
 */
export function labelLanes(items: readonly { x: number; width: number }[], width: number, gap = 6): { lane: number; left: number }[] {
  const order = items.map((it, i) => ({ ...it, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const laneEnds: number[] = [];
  const out = new Array<{ lane: number; left: number }>(items.length);
  for (const it of order) {
    const left = Math.max(0, Math.min(width - it.width, it.x - it.width / 2));
    let lane = laneEnds.findIndex((end) => left >= end + gap);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(-Infinity);
    }
    laneEnds[lane] = left + it.width;
    out[it.i] = { lane, left };
  }
  return out;
}

/**
 * Rough width of a label in px: good enough to keep system-font labels apart. Bold
 * text (the direct labels' weight 600) is wider: 0.68 em a character holds the widest
 * place names drawn in DejaVu Sans Bold, the broadest of the usual system fonts
 * ("Maidenhead" 0.69 em, "Worcestershire" 0.61 em), so a label laid out to fit does.
 */
export function estimateTextWidth(text: string, fontSize = 12, bold = false): number {
  return Math.ceil(text.length * fontSize * (bold ? 0.68 : 0.56));
}

/** `label` whole where it is at most `width` wide by `measure`, else cut to fit with an ellipsis. */
export function fitWidth(label: string, width: number, measure: (s: string) => number): string {
  if (measure(label) <= width) return label;
  let k = label.length - 1;
  while (k > 1 && measure(`${label.slice(0, k)}…`) > width) k--;
  return `${label.slice(0, k)}…`;
}
