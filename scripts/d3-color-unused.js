/**
 * Stands in for d3-color inside d3-interpolate, in the build only (scripts/pure-d3-factories.ts).
 *
 * The charts' scales map numbers to numbers. d3-scale's linear scale still imports
 * d3-interpolate's general `interpolate`, which parses strings as colours, and with it
 * all of d3-color (its named-colour table and colour spaces): about 10 KB of the first
 * view's JavaScript, 3.5 KB gzip. No chart interpolates colours, so these throw: a chart
 * that starts to would fail loudly in its first test, not draw wrong colours.
 */
function unused() {
  throw new Error('Colour interpolation is not in the build: see scripts/d3-color-unused.js');
}
export const color = unused;
export const rgb = unused;
export const hsl = unused;
export const lab = unused;
export const hcl = unused;
export const lch = unused;
export const gray = unused;
export const cubehelix = unused;
