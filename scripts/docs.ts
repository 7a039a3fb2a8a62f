/**
 * `npm run docs`: regenerates the parts of docs/ that are written from code, so they
 * cannot drift: the link parameters table in docs/links.md (from the codec's tables).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withLinkParameters } from '../src/lib/state/link-docs';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'links.md');
const before = readFileSync(file, 'utf8');
const after = withLinkParameters(before);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'docs/links.md is up to date' : 'docs/links.md: link parameters rewritten');
