/**
 * Finds where themes are named in one sentence: phrases and stems (case-insensitive),
 * acronyms (case-sensitive), context rules ("online" counts only next to a word of
 * risk or harm) and exclusions ("neglected to", "Audit Committee").
 */
import type { CompiledTaxonomy } from './taxonomy';
import type { Sentence } from './sentences';

export interface ThemeMatch {
  themeId: string;
  /** Offsets into the document text. */
  start: number;
  end: number;
  /** The words as written. */
  term: string;
  /** A general word that alone is weak evidence. */
  weak: boolean;
  /** The name of a body (the board, the partnership), not talk about the theme. */
  name?: boolean;
  /** Found through an acronym the document itself defined ("Integrated Family Front Door (FFD)"). */
  localAcronym?: boolean;
}

function mostlyUpperCase(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 12) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.6;
}

function spans(re: RegExp, s: string): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Theme matches in a span of the text (a sentence), with offsets into the whole text. */
export function matchSpan(tax: CompiledTaxonomy, text: string, start: number, end: number): ThemeMatch[] {
  const s = text.slice(start, end);
  // In a sentence written in capitals every word looks like an acronym.
  const shouting = mostlyUpperCase(s);
  const out: ThemeMatch[] = [];
  for (const theme of tax.themes) {
    const excluded = theme.exclude ? spans(theme.exclude, s) : [];
    const seen = new Set<number>();
    for (const rule of theme.rules) {
      if (rule.acronym && shouting) continue;
      if (rule.requires) {
        rule.requires.lastIndex = 0;
        if (!rule.requires.test(s)) continue;
      }
      for (const [a, b] of spans(rule.pattern, s)) {
        if (excluded.some(([x, y]) => a < y && x < b)) continue;
        if (seen.has(a)) continue;
        seen.add(a);
        out.push({ themeId: theme.def.id, start: start + a, end: start + b, term: s.slice(a, b), weak: rule.weak, ...(rule.name ? { name: true } : {}) });
      }
    }
  }
  return out.sort((x, y) => x.start - y.start || x.themeId.localeCompare(y.themeId));
}

export function matchSentence(tax: CompiledTaxonomy, text: string, sentence: Sentence): ThemeMatch[] {
  return matchSpan(tax, text, sentence.start, sentence.end);
}

/** Index of the sentence containing offset `at`, or -1 (sentences are in text order and do not overlap). */
function sentenceOf(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Matches for every sentence of a document, the same as matchSentence on each, but
 * each pattern runs once over the whole text: a long report is tagged in one pass
 * per rule instead of one per rule and sentence.
 */
export function matchDocument(tax: CompiledTaxonomy, text: string, sentences: readonly Sentence[], onTheme?: (done: number, total: number) => void): ThemeMatch[][] {
  const out: ThemeMatch[][] = sentences.map(() => []);
  const shouting = new Map<number, boolean>();
  const isShouting = (i: number) => {
    let v = shouting.get(i);
    if (v === undefined) {
      v = mostlyUpperCase(text.slice(sentences[i]!.start, sentences[i]!.end));
      shouting.set(i, v);
    }
    return v;
  };
  for (const [done, theme] of tax.themes.entries()) {
    onTheme?.(done, tax.themes.length);
    const excluded = theme.exclude ? spans(theme.exclude, text) : [];
    const seen = new Set<number>();
    for (const rule of theme.rules) {
      const required = new Map<number, boolean>();
      for (const [a, b] of spans(rule.pattern, text)) {
        const i = sentenceOf(sentences, a);
        if (i < 0 || b > sentences[i]!.end) continue;
        if (rule.acronym && isShouting(i)) continue;
        if (rule.requires) {
          let ok = required.get(i);
          if (ok === undefined) {
            rule.requires.lastIndex = 0;
            ok = rule.requires.test(text.slice(sentences[i]!.start, sentences[i]!.end));
            required.set(i, ok);
          }
          if (!ok) continue;
        }
        if (seen.has(a) || overlapsAny(excluded, a, b, sentences[i]!)) continue;
        seen.add(a);
        out[i]!.push({ themeId: theme.def.id, start: a, end: b, term: text.slice(a, b), weak: rule.weak, ...(rule.name ? { name: true } : {}) });
      }
    }
  }
  for (const list of out) list.sort((x, y) => x.start - y.start || x.themeId.localeCompare(y.themeId));
  return out;
}

/** An exclusion counts only inside the same sentence, as when matching sentence by sentence. */
function overlapsAny(excluded: [number, number][], a: number, b: number, s: Sentence): boolean {
  for (const [x, y] of excluded) if (a < y && x < b && x >= s.start && y <= s.end) return true;
  return false;
}

/** A document's own acronym: the theme it stands for, and whether it is the name of a body (WSCB). */
export interface LocalAcronym {
  themeId: string;
  name: boolean;
}

/**
 * Acronyms a document defines for a theme phrase, as in "Integrated Family Front Door
 * (FFD)": later uses of FFD in the same document count for that theme.
 */
export function localAcronyms(text: string, matches: ThemeMatch[]): Map<string, LocalAcronym> {
  const out = new Map<string, LocalAcronym>();
  for (const m of matches) {
    if (m.weak || m.localAcronym) continue;
    const after = /^[\s\u00a0]*\(([\p{Lu}][\p{Lu}\p{Ll}&]{1,7})\)/u.exec(text.slice(m.end, m.end + 14));
    const acronym = after?.[1];
    // Only real acronyms: mostly capitals, and not the matched words themselves.
    if (!acronym || acronym.replace(/[^\p{Lu}]/gu, '').length < 2 || m.term.includes(acronym)) continue;
    if (!out.has(acronym)) out.set(acronym, { themeId: m.themeId, name: m.name === true });
  }
  return out;
}

/** Uses of document-defined acronyms in a span, outside the definitions themselves. */
export function matchLocalAcronyms(acronyms: Map<string, LocalAcronym>, text: string, start: number, end: number): ThemeMatch[] {
  if (acronyms.size === 0) return [];
  const s = text.slice(start, end);
  const out: ThemeMatch[] = [];
  for (const [acronym, { themeId, name }] of acronyms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}(])${acronym.replace(/[&]/g, '\\$&')}s?(?![\\p{L}\\p{N})])`, 'gu');
    for (const [a, b] of spans(re, s)) out.push({ themeId, start: start + a, end: start + b, term: s.slice(a, b), weak: false, localAcronym: true, ...(name ? { name: true } : {}) });
  }
  return out;
}
