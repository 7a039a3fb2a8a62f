/**
 * Direct labels name what they label in full, however narrow the chart: a name wider
 * than the room beside the plot wraps at its spaces onto further lines (never cut with
 * an ellipsis), and the trend chart's margin grows to hold its longest word. Used by
 * the DirectLabels layer and by the charts that size a margin for it.
 */
import type { ChartText } from './text-scale';

/** Where a label's text starts, right of the plot's edge, in px. */
export const LABEL_OFFSET = 8;
/** The room a label takes beyond its text: the offset, and 4px to spare at the chart's edge. */
export const LABEL_ROOM = LABEL_OFFSET + 4;
/** The distance between a wrapped label's lines at normal type, a little over the text's size. */
export const LABEL_LINE = 13;
/** The most of a chart's width the label margin may take to hold a long word, so the plot keeps most of it. */
export const LABEL_MAX_SHARE = 0.4;

/** The width of a direct label's text: drawn bold, at the chart's text size. */
export function labelWidth(label: string, text: ChartText): number {
  return text.width(label, text.size, true);
}

function words(label: string): string[] {
  return label.split(/\s+/).filter(Boolean);
}

/**
 * A label as the lines it is drawn on, none wider than `width` where its words allow:
 * words are kept whole and joined while they fit. Only a single word wider than
 * `width` itself (a margin held to its share of a very narrow chart) is broken, with a
 * hyphen at each break, so that every letter is still shown.
 */
export function wrapLabel(label: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words(label)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    // A word wider than the room on its own: as many letters as fit with a hyphen, at least one a line.
    let rest = word;
    while (rest.length > 1 && measure(rest) > width) {
      let k = rest.length - 1;
      while (k > 1 && measure(`${rest.slice(0, k)}-`) > width) k--;
      lines.push(`${rest.slice(0, k)}-`);
      rest = rest.slice(k);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The trend chart's right margin, which holds the direct labels (each drawn whole,
 * `LABEL_OFFSET` px from the plot, with 4px to spare):
 * - as wide as the longest label, up to 176px (96px in the narrow layout, at normal
 *   type): 20 characters of bold text, as many as the chart's margin always held
 *   (150px at the body text's estimate); a longer label wraps onto more lines;
 * - wider than that where a single word needs it (no word is broken), up to
 *   `LABEL_MAX_SHARE` of the chart's width, so the plot keeps the rest;
 * - never narrower than half the last year's tick label, which is centred on the plot's
 *   edge; that is all it keeps when no label is drawn (every area muted).
 * `width` is the whole chart's; 0 (not yet measured) leaves out the growth for words.
 */
export function labelMargin(labels: readonly string[], text: ChartText, narrow: boolean, width: number): number {
  const widest = Math.max(0, ...labels.map((l) => labelWidth(l, text)));
  const widestWord = Math.max(0, ...labels.flatMap(words).map((w) => labelWidth(w, text)));
  const usual = Math.min(text.fit(narrow ? 96 : 176), widest + LABEL_ROOM);
  const forWords = Math.min(widestWord + LABEL_ROOM, Math.floor(width * LABEL_MAX_SHARE));
  return Math.max(text.fit(32), usual, forWords);
}

/** Each label as the lines it is drawn on in a right margin `margin` px wide. */
export function wrapLabels(labels: readonly string[], margin: number, text: ChartText): string[][] {
  return labels.map((l) => wrapLabel(l, margin - LABEL_ROOM, (s) => labelWidth(s, text)));
}

/** The height each label counts as when labels are moved apart (label-dodge.ts): a one-line label's `gap`, and a line more for each further line. */
export function labelSizes(lines: readonly string[][], gap: number, text: ChartText): number[] {
  return lines.map((ls) => gap + (ls.length - 1) * text.fit(LABEL_LINE));
}

/**
 * The least plotting height in which labels of these sizes all fit `gap` apart without
 * overlapping (from the first line's centre to the last's), so that a chart with many
 * wrapped labels (a phone, the presentation type) grows taller rather than pile them up.
 */
export function labelsHeight(sizes: readonly number[], gap: number): number {
  return sizes.length ? sizes.reduce((a, b) => a + b, 0) - gap : 0;
}
