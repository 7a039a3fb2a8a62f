import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkParametersMarkdown, withLinkParameters } from '../../../src/lib/state/link-docs';
import { LINK_PARAMS, ROUTES } from '../../../src/lib/state/url-codec';

describe('docs/links.md', () => {
  const doc = readFileSync('docs/links.md', 'utf8');

  it('holds the link parameters exactly as the codec declares them (run `npm run docs` after changing a parameter)', () => {
    expect(withLinkParameters(doc)).toBe(doc);
  });

  it('documents every parameter of every route', () => {
    const md = linkParametersMarkdown();
    for (const route of Object.values(ROUTES)) {
      expect(md).toContain(`### \`${route.path}\``);
      for (const p of route.params) expect(md).toContain(`| \`${p.key}\` | ${p.doc}`);
    }
    for (const p of LINK_PARAMS) expect(md).toContain(`| \`${p.key}\` |`);
    expect(md).toContain('| `carry` |');
  });
});
