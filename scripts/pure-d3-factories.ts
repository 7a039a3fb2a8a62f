/**
 * Vite plugin, build only: lets the bundler drop the d3 parts the app does not use.
 * d3-shape and d3-interpolate build some exports at load time with an immediately
 * called function (`var cardinal = (function custom(tension) { … })(0)`). Nothing marks
 * those calls as free of side effects, so the bundler keeps every one: importing only
 * `line` from d3-shape brought in all of its curves, about 9 KB of the first view's
 * JavaScript (measured December 2026 with the source map of the built entry chunk).
 * The calls only make and return a function, so they are annotated `#__PURE__`.
 *
 * It also gives d3-interpolate a d3-color that throws (scripts/d3-color-unused.js): the
 * linear scale's default interpolator would otherwise bring all of d3-color into the
 * first view for colours no chart interpolates. Only d3-interpolate's import is
 * replaced; code that imports d3-color itself gets the real one.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const D3_INTERPOLATE = /\/node_modules\/d3-interpolate\//;
export const COLOR_UNUSED = fileURLToPath(new URL('./d3-color-unused.js', import.meta.url));
const D3_DIST = /\/node_modules\/d3-[a-z]+\/dist\/[^/]+\.mjs$/;
/** A top-level `var name = (function name(…) {` whose result is assigned once. */
const FACTORY = /^(var [A-Za-z_$][\w$]* = )\((function [A-Za-z_$][\w$]*\()/gm;

export function markPureFactories(code: string): string {
  return code.replace(FACTORY, '$1/*#__PURE__*/($2');
}

export function pureD3Factories(): Plugin {
  return {
    name: 'safeguarding-lens:pure-d3-factories',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'd3-color' && importer && D3_INTERPOLATE.test(importer.split('?')[0]!)) return COLOR_UNUSED;
      return undefined;
    },
    transform(code, id) {
      if (!D3_DIST.test(id.split('?')[0]!)) return undefined;
      const out = markPureFactories(code);
      return out === code ? undefined : { code: out, map: null };
    },
  };
}
