/**
 * The one thing every chart layer shares, as LayerCake's context is: the chart's
 * size, its margins, its plotting area and its scales, and whether it is drawn in
 * its narrow (phone) layout. A chart works these out and sets them; the layers it
 * composes (axes, gridlines, reference lines, labels, cursor) read them.
 */
import type { ScaleLinear } from 'd3-scale';
import { getContext, setContext } from 'svelte';
import type { ChartText } from '../text-scale';

/** Below this width a chart takes its phone layout: narrower margins, shorter labels, a shorter plot. */
export const NARROW_WIDTH = 520;

export function isNarrow(width: number): boolean {
  return width < NARROW_WIDTH;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartContext {
  /** The whole SVG. */
  width: number;
  height: number;
  margin: Margin;
  /** The plotting area inside the margins, where layers draw (its origin is the top left). */
  innerWidth: number;
  innerHeight: number;
  narrow: boolean;
  /** Horizontal position of a value (a year, a bar's index) in the plotting area. */
  x: (value: number) => number;
  /** The value scale, for charts with a value axis. */
  y?: ScaleLinear<number, number> | undefined;
  /** The chart's text at the page's text scale (`text-scale.ts`): layers size what holds text with it. */
  text: ChartText;
}

const KEY = Symbol('chart');

/** Called by a chart: its layers read `get()` whenever they draw, so they follow every change. */
export function setChart(get: () => ChartContext): void {
  setContext(KEY, get);
}

export function getChart(): () => ChartContext {
  const get = getContext<(() => ChartContext) | undefined>(KEY);
  if (!get) throw new Error('A chart layer is drawn inside a chart that has called setChart.');
  return get;
}
