/**
 * Vite plugin, build only: leaves the link codec's documentation out of the app. The
 * codec's tables (src/lib/state/url-codec.ts) declare each parameter once, with the
 * `doc`, `absent` and `example` text that docs/links.md is generated from (`npm run
 * docs`) and the codec's tests use; the app never shows them, and they cost about
 * 1.5 KB of the initial JavaScript. Only properties of those names whose value is
 * written out as text are removed; the tests and `npm run docs` read the source as it is.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';

const FILES = /\/src\/lib\/state\/url-codec\.ts$/;
const DOC_ONLY = new Set(['doc', 'absent', 'example']);

export function stripLinkDocs(): Plugin {
  return {
    name: 'safeguarding-lens:strip-link-docs',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!FILES.test(id.split('?')[0]!)) return undefined;
      return { code: stripDocProperties(code, id), map: null };
    },
  };
}

function isText(node: ts.Expression): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return true;
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && isText(node.left) && isText(node.right);
}

/** The source without its documentation-only properties (each with the comma after it). */
export function stripDocProperties(code: string, fileName = 'url-codec.ts'): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cuts: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && DOC_ONLY.has(node.name.text) && isText(node.initializer)) {
      const comma = /^\s*,/.exec(code.slice(node.end));
      cuts.push([node.getStart(source), node.end + (comma ? comma[0].length : 0)]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end] of cuts.reverse()) out = out.slice(0, start) + out.slice(end);
  return out;
}
