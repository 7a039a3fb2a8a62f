/**
 * Every colour of the app is a custom property in app.css (its palette and its
 * text colours, in one place); components and modules use their names. A colour
 * written anywhere else would drift from the palette the contrast and colour-blind
 * checks were made on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path) : /\.(ts|svelte|css)$/.test(e.name) ? [path] : [];
  });
}

const HEX = /#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/gi;

describe('colours', () => {
  it('are written only in app.css, and there only where the palette is declared', () => {
    const hits = files('src')
      .filter((f) => f !== join('src', 'app.css'))
      .flatMap((f) => (readFileSync(f, 'utf8').match(HEX) ?? []).map((c) => `${f}: ${c}`));
    expect(hits).toEqual([]);
    const css = readFileSync('src/app.css', 'utf8');
    const palette = css.slice(0, css.indexOf('}'));
    expect(palette).toContain('--series-1');
    expect(css.slice(palette.length).match(HEX)).toBeNull();
  });
});
