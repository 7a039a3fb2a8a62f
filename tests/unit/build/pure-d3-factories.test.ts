import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { COLOR_UNUSED, markPureFactories, pureD3Factories } from '../../../scripts/pure-d3-factories';

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

describe('pureD3Factories: d3-interpolate gets a d3-color that throws', () => {
  const plugin = pureD3Factories();
  const resolve = (source: string, importer: string) => (plugin.resolveId as (s: string, i: string) => string | undefined)(source, importer);

  it('replaces d3-color only where d3-interpolate imports it', () => {
    expect(resolve('d3-color', '/app/node_modules/d3-interpolate/dist/d3-interpolate.mjs')).toBe(COLOR_UNUSED);
    expect(resolve('d3-color', '/app/src/lib/charts/heatmap.ts')).toBeUndefined();
    expect(resolve('d3-array', '/app/node_modules/d3-interpolate/dist/d3-interpolate.mjs')).toBeUndefined();
  });

  it('fails loudly, naming why, if a chart starts to interpolate colours', async () => {
    const stub = (await import(COLOR_UNUSED)) as Record<string, () => unknown>;
    for (const name of ['color', 'rgb', 'hsl', 'lab', 'hcl', 'cubehelix']) expect(() => stub[name]!(), name).toThrow(/scripts\/d3-color-unused\.js/);
  });

  it('every name d3-interpolate imports from d3-color is there', () => {
    const imported = /import \{([^}]+)\} from 'd3-color'/.exec(dist('d3-interpolate'))![1]!.split(',').map((s) => s.trim().split(' as ')[0]!);
    return import(COLOR_UNUSED).then((stub: Record<string, unknown>) => {
      for (const name of imported) expect(typeof stub[name], name).toBe('function');
    });
  });
});
