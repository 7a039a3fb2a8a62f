import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../../src/lib/model/bundle';
import { priorityId } from '../../../src/lib/themes/records';
import { documentRecords } from '../../../src/lib/themes/tag-document';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;

describe('documentRecords', () => {
  it('gives the bundled seeds the themes the current tagger gives them (run `npm run data` after changing the rules)', () => {
    for (const doc of bundle.documents) {
      const { mentions, priorities } = documentRecords(doc);
      expect(bundle.themeMentions?.filter((m) => m.documentId === doc.id), doc.id).toEqual(mentions);
      expect(bundle.priorities?.filter((p) => p.documentId === doc.id), doc.id).toEqual(priorities);
    }
  });

  it('derives stable ids, so re-tagging a document finds the same priorities', () => {
    expect(priorityId('doc-1', 2022, 'Early  Help')).toBe(priorityId('doc-1', 2022, 'early help'));
    expect(priorityId('doc-1', 2022, 'Early help')).not.toBe(priorityId('doc-1', 2023, 'Early help'));
  });

  it('keeps evidence offsets that point at the sentence in the document text', () => {
    const doc = bundle.documents[4]!;
    const { mentions } = documentRecords(doc);
    const neglect = mentions.find((m) => m.themeId === 'neglect')!;
    expect(neglect.present).toBe(true);
    for (const e of neglect.evidence) expect(doc.text.slice(e.start, e.end).replace(/\s+/g, ' ')).toBe(e.sentence);
  });
});
