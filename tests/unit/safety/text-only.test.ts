import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Guards on the source: imported text (file names, minutes, labels from a CSV) must
 * only ever be rendered as text, and the Content Security Policy allows no inline
 * script or style. Svelte escapes everything in `{…}`; these are the ways round that.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte|js)$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

const FORBIDDEN: [what: string, pattern: RegExp][] = [
  ['{@html} renders a string as markup', /\{@html\b/],
  ['innerHTML parses a string as markup', /\binnerHTML\b/],
  ['outerHTML parses a string as markup', /\bouterHTML\b/],
  ['insertAdjacentHTML parses a string as markup', /\binsertAdjacentHTML\b/],
  ['document.write parses a string as markup', /\bdocument\.write(ln)?\s*\(/],
  ['createContextualFragment parses a string as markup', /\bcreateContextualFragment\b/],
  ['eval runs a string as code (and the policy blocks it)', /(^|[^.\w])eval\s*\(/],
  ['new Function runs a string as code (and the policy blocks it)', /\bnew\s+Function\s*\(/],
  ['a string passed to setTimeout/setInterval runs as code', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
];

describe('imported text is rendered as text only', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.path.endsWith('App.svelte'))).toBe(true);
  });

  it.each(FORBIDDEN)('no source uses %s', (_what, pattern) => {
    const hits = files.filter((f) => pattern.test(f.text)).map((f) => f.path);
    expect(hits).toEqual([]);
  });

  it('no template has a static style attribute (the policy blocks it: use a class)', () => {
    const hits = files.filter((f) => f.path.endsWith('.svelte') && /<[a-zA-Z][^>]*\sstyle="[^"{]*"/.test(f.text)).map((f) => f.path);
    expect(hits).toEqual([]);
  });

  it('the guard itself catches what it is meant to', () => {
    const sample = 'const el = document.body; el.innerHTML = name; {@html text}';
    expect(FORBIDDEN.filter(([, p]) => p.test(sample)).length).toBe(2);
  });
});
