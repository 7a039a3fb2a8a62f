/**
 * Chart text follows the page's text: presentation mode enlarges the page's type by a
 * scale, and charts draw their text and lay out what holds it (label widths, lanes,
 * margins, gaps) at that same scale, so enlarged labels still clear each other.
 *
 * The scale has one source: the shell provides it here and writes it once as the CSS
 * custom property `--text-scale` on the root (views/presentation.svelte.ts); app.css
 * sizes the page (`16px × scale`) and chart text (`--chart-font-size`,
 * `--chart-font-size-small`) from it, and chart layout reads it through `chartText`.
 */
import { getContext, setContext } from 'svelte';
import { estimateTextWidth } from './label-lanes';

/** Chart text at the page's normal type, in px: as app.css's `--chart-font-size` (axes, labels). */
export const CHART_FONT = 12;
/** As app.css's `--chart-font-size-small` (the map's names, the spine chart's sub-lines). */
export const CHART_FONT_SMALL = 11;

export interface ChartText {
  /** Chart text's size relative to the page's normal type (1 normally). */
  scale: number;
  /** The size of axis and label text now, in px. */
  size: number;
  /** The size of small chart text now, in px. */
  small: number;
  /** A length laid out to hold text at normal type (a margin, a lane, an offset), grown with the text. */
  fit: (px: number) => number;
  /** The width a label takes now, at `size` unless another size is given; `bold` for text drawn bold (the direct labels). */
  width: (text: string, fontSize?: number, bold?: boolean) => number;
}

/** The text metrics a chart lays itself out with, at a scale of the page's normal type. */
export function chartText(scale = 1): ChartText {
  const size = CHART_FONT * scale;
  return {
    scale,
    size,
    small: CHART_FONT_SMALL * scale,
    // Whole pixels keep the drawing crisp; at scale 1 every length is what it was.
    fit: (px) => Math.round(px * scale),
    width: (text, fontSize = size, bold = false) => estimateTextWidth(text, fontSize, bold),
  };
}

const KEY = Symbol('text-scale');

/** Called once by the shell with a getter over the page's text scale. */
export function provideTextScale(get: () => number): void {
  setContext(KEY, get);
}

/** The page's text scale as the shell provides it; 1 where none does (component tests, server rendering). */
export function textScale(): () => number {
  return getContext<(() => number) | undefined>(KEY) ?? (() => 1);
}
