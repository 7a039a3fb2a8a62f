/**
 * Each chosen area's marker shape, by its place among the chosen areas; its colour is
 * the same place in the Okabe–Ito palette (`--series-1` … `--series-8` in app.css, set
 * on an element by the class `series-0` … `series-7`). So a line, bar or mark can be
 * told apart without seeing its colour.
 */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'triangle-down' | 'star' | 'plus';
export const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangle-down', 'star', 'plus'];

/**
 * Colours repeat after eight areas; each further round of eight shifts the shapes by one,
 * so no two areas in a chart share a colour-and-marker pair (Worcestershire and Devon,
 * first and ninth, were both a blue circle) for up to 64 areas.
 */
export function seriesMarker(index: number): MarkerShape {
  const n = MARKERS.length;
  return MARKERS[(index + Math.floor(index / n)) % n]!;
}

/** Benchmarks are reference lines, told apart by their dashes as well as their colours. */
export const BENCHMARK_DASH = { england: '7 4', region: '2 3', neighbours: '8 3 2 3' } as const;

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
