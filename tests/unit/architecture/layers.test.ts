/**
 * The layers as the conventions draw them (model ← import/db/themes/stats/state ←
 * charts ← views), checked on the source: a view component renders what its view
 * model gives it and reads nothing from the database itself; charts never touch
 * the database or the views; statistics depend only on the model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = 'src/lib';

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path, pattern) : pattern.test(e.name) ? [path] : [];
  });
}

/** The modules a file imports values from (type-only imports left out), resolved to paths under src/lib. */
function valueImports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*import\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)'/gm)) {
    if (m[1] || !m[3]!.startsWith('.')) continue;
    // `import { type A, type B }` imports no value either.
    const names = m[2]!.replace(/[{}]/g, '').split(',').map((n) => n.trim()).filter(Boolean);
    if (names.length && names.every((n) => n.startsWith('type '))) continue;
    out.push(relative(LIB, join(path, '..', m[3]!)));
  }
  return out;
}


describe('layers', () => {
  it('finds the sources it checks', () => {
    expect(files(join(LIB, 'views'), /\.svelte$/).length).toBeGreaterThan(20);
    expect(valueImports(join(LIB, 'views/data/import-session.svelte.ts'))).toContain('db/imports');
  });

  it('view components import no values from db/: their view models read the database', () => {
    const hits = files(join(LIB, 'views'), /\.svelte$/).flatMap((f) => valueImports(f).filter((m) => m.startsWith('db/')).map((m) => `${f} imports ${m}`));
    expect(hits).toEqual([]);
  });

  it('charts import nothing from db/, state/ or views/', () => {
    const hits = files(join(LIB, 'charts'), /\.(ts|svelte)$/).flatMap((f) =>
      valueImports(f)
        .filter((m) => /^(db|state|views)\//.test(m))
        .map((m) => `${f} imports ${m}`),
    );
    expect(hits).toEqual([]);
  });

  it('statistics depend only on the model', () => {
    const hits = files(join(LIB, 'stats'), /\.ts$/).flatMap((f) =>
      valueImports(f)
        .filter((m) => !/^(model|stats)\//.test(m))
        .map((m) => `${f} imports ${m}`),
    );
    expect(hits).toEqual([]);
  });
});
