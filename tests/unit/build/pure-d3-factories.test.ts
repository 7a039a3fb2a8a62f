import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { markPureFactories } from '../../../scripts/pure-d3-factories';

const require = createRequire(import.meta.url);
const dist = (pkg: string) => readFileSync(require.resolve(pkg), 'utf8');

describe('markPureFactories (the build drops the d3 parts the app does not use)', () => {
  it('marks each of d3-shape’s curve factories, so `line` alone does not bring them all', () => {
    const out = markPureFactories(dist('d3-shape'));
    for (const curve of ['bundle', 'cardinal', 'cardinalClosed', 'cardinalOpen', 'catmullRom', 'catmullRomClosed', 'catmullRomOpen']) {
      expect(out).toContain(`var ${curve} = /*#__PURE__*/(function custom(`);
    }
  });

  it('marks d3-interpolate’s gamma factories and leaves other code as it was', () => {
    const src = dist('d3-interpolate');
    const out = markPureFactories(src);
    expect(out).toContain('var rgb = /*#__PURE__*/(function rgbGamma(');
    expect(out.replaceAll('/*#__PURE__*/', '')).toBe(src);
  });

  it('touches only a top-level var assigned from an immediately called named function', () => {
    expect(markPureFactories('var a = (function f(x) { return x; })(1);\n  var b = (function g() {})();\nvar c = (x);')).toBe(
      'var a = /*#__PURE__*/(function f(x) { return x; })(1);\n  var b = (function g() {})();\nvar c = (x);',
    );
  });
});
