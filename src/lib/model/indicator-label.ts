import type { Polarity } from './types';

/** The short label pickers and axes show for a name the user or a file gave. */
export function shortLabelOf(label: string): string {
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

/** Which way is better, in words, for the controls that set it. */
export const POLARITY_CHOICES: readonly { value: Polarity; label: string }[] = [
  { value: 'neither', label: 'Neither higher nor lower is better' },
  { value: 'higher_is_better', label: 'Higher is better' },
  { value: 'lower_is_better', label: 'Lower is better' },
];

/** Words that keep their capital inside a sentence. */
const PROPER_NOUNS = new Set(['Ofsted', 'England', 'DfE', 'ONS', 'LAIT']);

/**
 * A measure's short label as it reads inside a sentence ("Worcestershire’s CP plan
 * rate", "… re-referrals (24.5%)"): a trailing "%" or "(number)" goes, because the
 * figure beside it says the unit, and an ordinary first word loses its capital
 * (acronyms such as CP or ICPC, and proper nouns, keep theirs).
 */
export function measureInSentence(shortLabel: string): string {
  const bare = shortLabel.replace(/\s+(%|\(number\))$/, '').trim();
  const first = bare.split(/[\s:]/)[0] ?? '';
  return /^[A-Z][a-z’'-]*$/.test(first) && !PROPER_NOUNS.has(first) ? bare[0]!.toLowerCase() + bare.slice(1) : bare;
}
