import { describe, expect, it } from 'vitest';
import { highlightParts, sentenceRangeAt } from '../../../src/lib/themes/highlight';

describe('highlight', () => {
  const t = 'First sentence. The <b>second</b> one.\n\nThird.';
  it('finds the sentence at or around an offset and splits the text around it', () => {
    const at = t.indexOf('The');
    expect(sentenceRangeAt(t, at)).toEqual([at, t.indexOf('\n')]);
    expect(sentenceRangeAt(t, at + 5)).toEqual([at, t.indexOf('\n')]);
    const parts = highlightParts(t, sentenceRangeAt(t, at));
    expect(parts).toEqual({ before: 'First sentence. ', match: 'The <b>second</b> one.', after: '\n\nThird.' });
    expect(parts.before + parts.match + parts.after).toBe(t);
  });
  it('shows the whole text unhighlighted for an offset outside it', () => {
    expect(sentenceRangeAt(t, 999)).toBeNull();
    expect(sentenceRangeAt(t, -1)).toBeNull();
    expect(highlightParts(t, null)).toEqual({ before: t, match: '', after: '' });
  });
});
