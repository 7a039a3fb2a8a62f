/**
 * Chart snapshots as Observable Plot keeps them (test/plot-snapshot.js): the
 * markup a component renders, normalised so that only the drawing matters, compared
 * with a stored file under __snapshots__/. On a difference the new markup is written
 * beside it as `<name>-changed.<ext>`, so the two can be opened side by side as
 * pictures; a passing run removes a stale one. `npx vitest run -u` accepts a change.
 */
import { unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), '__snapshots__');

/** Numbers to one decimal: harmless float noise (0.30000000000000004) must not fail a snapshot. */
function roundNumbers(markup: string): string {
  return markup.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
}

/** Markup without what says nothing about the drawing, one element a line. */
export function normalise(markup: string): string {
  return (
    roundNumbers(
      markup
        .replace(/<!--[\s\S]*?-->/g, '')
        // Svelte's scoped-style class hashes change with any CSS edit.
        .replace(/\s?svelte-[a-z0-9]+/g, '')
        .replace(/ class=""/g, ''),
    ).replace(/></g, '>\n<') + '\n'
  );
}

/** The first <svg> … last </svg> of a rendered page, with its namespace so the file opens as a picture. */
export function svgOf(html: string): string {
  const m = /<svg[\s\S]*<\/svg>/.exec(html);
  if (!m) throw new Error('no svg rendered');
  // Whitespace between elements means nothing in SVG; components leave some where they meet.
  return normalise(m[0].replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"').replace(/>\s+</g, '><'));
}

/** Compares with `__snapshots__/<name>.<ext>`, writing `<name>-changed.<ext>` on a difference. */
export async function matchSnapshot(actual: string, name: string, ext: 'svg' | 'html'): Promise<void> {
  const changed = join(SNAPSHOTS, `${name}-changed.${ext}`);
  try {
    await expect(actual).toMatchFileSnapshot(join(SNAPSHOTS, `${name}.${ext}`));
  } catch (e) {
    await writeFile(changed, actual, 'utf8');
    throw e;
  }
  await unlink(changed).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
}
