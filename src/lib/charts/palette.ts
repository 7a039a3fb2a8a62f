/**
 * Okabe & Ito (2008) colours, ordered so neighbours in the list stay distinct for
 * the common colour-vision deficiencies. Each is paired with a marker shape, so a
 * line can be told apart without seeing its colour. Black is kept for England.
 */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D1F', '#5D3A9B'] as const;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'triangle-down' | 'star' | 'plus';
export const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangle-down', 'star', 'plus'];

export const ENGLAND_COLOUR = '#1a1a1a';
export const REGION_COLOUR = '#595959';
/** The statistical neighbours' average: a dark purple, told apart from the region by its dash-dot line too. */
export const NEIGHBOURS_COLOUR = '#5D3A9B';

export function seriesStyle(index: number): { colour: string; marker: MarkerShape } {
  return { colour: SERIES_COLOURS[index % SERIES_COLOURS.length]!, marker: MARKERS[index % MARKERS.length]! };
}

/** SVG path for a marker of radius r centred on the origin. */
export function markerPath(shape: MarkerShape, r: number): string {
  const h = r * Math.sqrt(3);
  switch (shape) {
    case 'circle':
      return `M${r},0A${r},${r} 0 1,1 ${-r},0A${r},${r} 0 1,1 ${r},0Z`;
    case 'square':
      return `M${-r},${-r}H${r}V${r}H${-r}Z`;
    case 'triangle':
      return `M0,${-r * 1.2}L${h * 0.6},${r * 0.8}L${-h * 0.6},${r * 0.8}Z`;
    case 'triangle-down':
      return `M0,${r * 1.2}L${h * 0.6},${-r * 0.8}L${-h * 0.6},${-r * 0.8}Z`;
    case 'diamond':
      return `M0,${-r * 1.3}L${r * 1.1},0L0,${r * 1.3}L${-r * 1.1},0Z`;
    case 'cross':
      return `M${-r},${-r}L${r},${r}M${r},${-r}L${-r},${r}`;
    case 'plus':
      return `M${-r * 1.2},0H${r * 1.2}M0,${-r * 1.2}V${r * 1.2}`;
    case 'star': {
      const pts: string[] = [];
      for (let i = 0; i < 10; i++) {
        const rad = i % 2 === 0 ? r * 1.3 : r * 0.55;
        const a = (Math.PI / 5) * i - Math.PI / 2;
        pts.push(`${(Math.cos(a) * rad).toFixed(2)},${(Math.sin(a) * rad).toFixed(2)}`);
      }
      return `M${pts.join('L')}Z`;
    }
  }
}

/** Open markers (cross, plus) are drawn as strokes, the rest are filled. */
export function markerIsStroked(shape: MarkerShape): boolean {
  return shape === 'cross' || shape === 'plus';
}

/**
 * Fill of an area's mark by its comparison with England. Blue for better and
 * vermilion for worse (told apart with every common colour-vision deficiency);
 * dark and light blue for higher and lower where neither is better, as Fingertips
 * does; white for similar. The mark's shape says the same (▲ higher, ▼ lower,
 * ● similar, ○ not compared), so colour is never the only cue.
 */
export const JUDGEMENT_FILL = {
  better: '#0072B2',
  worse: '#D55E00',
  higher: '#1d4f91',
  lower: '#56B4E9',
  similar: '#ffffff',
  not_compared: 'none',
} as const;
