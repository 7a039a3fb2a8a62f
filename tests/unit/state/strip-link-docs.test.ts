import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { stripDocProperties } from '../../../scripts/strip-link-docs';
import { CARRY_DOC, LINK_PARAMS, ROUTES } from '../../../src/lib/state/url-codec';

const source = readFileSync(new URL('../../../src/lib/state/url-codec.ts', import.meta.url), 'utf8');

describe('stripDocProperties (the app build leaves the link docs out)', () => {
  const stripped = stripDocProperties(source);

  it('removes every parameter’s and route’s doc, absent and example text', () => {
    const texts = [
      ...Object.values(ROUTES).flatMap((r) => [r.doc, r.example, ...r.params.flatMap((p) => [p.doc, p.example])]),
      ...LINK_PARAMS.flatMap((p) => [p.doc, p.example]),
      CARRY_DOC.doc,
    ];
    // The code as built (comments, which the build drops anyway, may say the same things).
    const built = ts.transpileModule(stripped, { compilerOptions: { removeComments: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    for (const text of texts.filter((t) => t.length > 20)) expect(built, text).not.toContain(text.slice(0, 30));
    expect(built).not.toMatch(/\b(doc|absent|example):\s*['"`]/);
  });

  it('keeps everything else: the same code, valid TypeScript, the `doc` view field and every key', () => {
    const diagnostics = ts.transpileModule(stripped, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).diagnostics ?? [];
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    for (const [, key] of source.matchAll(/key: '([a-z]+)'/g)) expect(stripped).toContain(`key: '${key}'`);
    expect(stripped).toContain("field: 'doc'");
    expect(stripped).toContain('view.doc');
    // Nothing but the removed properties changes.
    const code = (s: string) => s.replace(/\s+/g, '');
    expect(code(stripped).length).toBeLessThan(code(source).length);
    expect(stripDocProperties(stripped)).toBe(stripped);
  });
});
