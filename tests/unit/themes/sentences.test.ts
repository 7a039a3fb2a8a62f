import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../../src/lib/themes/sentences';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('splits prose at full stops and keeps offsets into the original text', () => {
    const t = 'The Board met in June.  It agreed the plan! Was it enough? Yes.';
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual(['The Board met in June.', 'It agreed the plan!', 'Was it enough?', 'Yes.']);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });

  it('does not split after abbreviations, initials or decimals', () => {
    expect(texts('Cllr. Smith asked about e.g. audits and No. 5 on the list. Mr B. Jones replied that 3.5 posts were vacant. It was noted.')).toEqual([
      'Cllr. Smith asked about e.g. audits and No. 5 on the list.',
      'Mr B. Jones replied that 3.5 posts were vacant.',
      'It was noted.',
    ]);
  });

  it('treats bullets of every common kind as list items under the line that introduces them', () => {
    const t = 'The priorities for 2022/23 are:\n\n·       Neglect\n•\tExploitation\n- Early help\n1.     Domestic abuse\n(b)    Voice of the child\n\nThe Board noted the report.';
    const s = splitSentences(t);
    expect(s.map((x) => [x.kind, x.text])).toEqual([
      ['intro', 'The priorities for 2022/23 are:'],
      ['item', 'Neglect'],
      ['item', 'Exploitation'],
      ['item', 'Early help'],
      ['item', 'Domestic abuse'],
      ['item', 'Voice of the child'],
      ['prose', 'The Board noted the report.'],
    ]);
    expect(s.slice(1, 6).every((x) => x.listIntro === 0)).toBe(true);
    expect(s[6]!.listIntro).toBeUndefined();
    expect(t.slice(s[1]!.start, s[1]!.end)).toBe('Neglect');
  });

  it('splits a long bullet into its sentences, all still in the list', () => {
    const s = splitSentences('Points raised:\n·  Members asked about caseloads. The Director said they were falling.\n');
    expect(s.map((x) => x.text)).toEqual(['Points raised:', 'Members asked about caseloads.', 'The Director said they were falling.']);
    expect(s[1]!.block).toBe(s[2]!.block);
    expect(s[2]!.listIntro).toBe(0);
  });

  it('joins a sentence broken across lines by PDF conversion', () => {
    const t = 'There is evidence of a better understanding and\n\napplication of thresholds in the MASH. Next.';
    const s = splitSentences(t);
    expect(s[0]!.text).toBe('There is evidence of a better understanding and application of thresholds in the MASH.');
    expect(t.slice(s[0]!.start, s[0]!.end)).toContain('\n\n');
  });

  it('marks headings and "Label: value" lines', () => {
    const s = splitSentences('Agenda item\n\nPortfolios: Children’s Services and Education\n\n4. Financial information\n\nThe partners agreed their contributions.');
    expect(s.map((x) => x.kind)).toEqual(['heading', 'meta', 'heading', 'prose']);
  });

  it('skips lines without letters and copes with empty text', () => {
    expect(texts('285.\n\n \u00a0\n---\n')).toEqual([]);
    expect(splitSentences('')).toEqual([]);
  });
});

describe('hostile text (issue 14, item 2)', () => {
  it('cuts a run of text with no sentence end into sentences of bounded length, at spaces', () => {
    const text = 'neglect '.repeat(25_000);
    const s = splitSentences(text);
    expect(s.length).toBeGreaterThanOrEqual(text.length / MAX_SENTENCE_CHARS);
    expect(Math.max(...s.map((x) => x.end - x.start))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(s.every((x) => text.slice(x.start, x.end) === x.text && !x.text.startsWith(' ') && x.text.startsWith('neglect'))).toBe(true);
  });

  it('does not join ten thousand lower-case lines into one block', () => {
    const s = splitSentences('neglect\n'.repeat(10_000));
    expect(Math.max(...s.map((x) => x.end - x.start))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  });

  it('cuts a single word longer than the limit where it must', () => {
    const s = splitSentences('x'.repeat(2_500));
    expect(s.map((x) => x.end - x.start)).toEqual([1000, 1000, 500]);
  });

  it('still reads abbreviations and initials after a long run of stops', () => {
    const s = splitSentences(`${'. '.repeat(5_000)}Cllr. Smith and Mr B. Allbut spoke. The Board agreed.`);
    expect(s.map((x) => x.text)).toEqual(['Cllr. Smith and Mr B. Allbut spoke.', 'The Board agreed.']);
  });
});
