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
