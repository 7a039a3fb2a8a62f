import { readFileSync } from 'node:fs';
import type { Bundle } from '../../../src/lib/model/bundle';
import { buildAreaLookup } from '../../../src/lib/import/area-match';
import type { KnownData } from '../../../src/lib/import/plan';

export const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;

export const known: KnownData = {
  areas: buildAreaLookup(bundle.areas),
  indicators: bundle.indicators.map((i) => ({ id: i.id, label: i.label, shortLabel: i.shortLabel })),
};

export function sourceFile(name: string): File {
  return new File([readFileSync(new URL(`../../../data/source/${name}`, import.meta.url))], name);
}

export function textFile(name: string, text: string | Uint8Array): File {
  return new File([text as BlobPart], name);
}
