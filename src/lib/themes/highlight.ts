/**
 * Splits a document's text around one sentence, so the full text can be shown with
 * that sentence highlighted as three text nodes: never as HTML.
 */
import { splitSentences } from './sentences';

export interface HighlightParts {
  before: string;
  match: string;
  after: string;
}

/** The sentence that starts at (or contains) offset `at`, as [start, end); null when `at` is outside the text. */
export function sentenceRangeAt(text: string, at: number): [number, number] | null {
  if (!Number.isInteger(at) || at < 0 || at >= text.length) return null;
  const s = splitSentences(text).find((x) => x.start <= at && at < x.end);
  return s ? [s.start, s.end] : null;
}

export function highlightParts(text: string, range: [number, number] | null): HighlightParts {
  if (!range) return { before: text, match: '', after: '' };
  const [a, b] = range;
  return { before: text.slice(0, a), match: text.slice(a, b), after: text.slice(b) };
}
