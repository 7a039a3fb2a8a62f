/**
 * Splits minutes and reports into sentences, keeping each one's offsets into the
 * original text so evidence can be highlighted where it was found.
 *
 * Council minutes are not tidy prose: they mix headings, "Minutes:" labels, bullet
 * lists (·, •, –, 1., (a)), lists introduced by a line ending in a colon, lines broken
 * in the middle of a sentence by PDF conversion, and abbreviations such as "Cllr.",
 * "e.g." and "No.". Each sentence is tagged with what kind of line it came from,
 * because a name in a heading or a list of sub-groups is not the same as a sentence
 * that discusses it.
 */

export type SentenceKind =
  /** Ordinary prose. */
  | 'prose'
  /** A short line without closing punctuation: a title or section heading. */
  | 'heading'
  /** A bullet or numbered list item (every sentence of it). */
  | 'item'
  /** A sentence ending in a colon that introduces a list ("During 2016/17 WSCB focused on:"). */
  | 'intro'
  /** A "Label: value" line such as "Ward(s): All" or "Portfolios: Children's Services". */
  | 'meta';

export interface Sentence {
  index: number;
  /** Offsets into the text: [start, end). */
  start: number;
  end: number;
  /** The sentence with its white space collapsed. */
  text: string;
  kind: SentenceKind;
  /** Index of the line or bullet the sentence came from; sentences of one bullet share it. */
  block: number;
  /** For a list item: the index of the sentence that introduced the list, if any. */
  listIntro?: number;
}

const BULLET = /^([·•▪◦●‣∙○■□➢➤✓\-–—*o]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\)|[ivx]{1,4}[.)])[\s\u00a0]+/u;

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'cllr', 'councillor', 'prof', 'rev', 'st', 'no', 'nos', 'e.g', 'eg', 'i.e', 'ie', 'vs', 'v', 'approx', 'para',
  'paras', 'ref', 'fig', 'inc', 'ltd', 'co', 'dept', 'govt', 'cf', 'al', 'vol', 'pp', 'p', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'min', 'mins', 'tel', 'ext', 'hon', 'rt', 'sgt', 'insp', 'supt', 'det', 'ch', 'cc',
]);

interface Block {
  start: number;
  end: number;
  bullet: boolean;
}

function hasLetter(s: string): boolean {
  return /\p{L}/u.test(s);
}

/**
 * The longest sentence the tagger reads, in characters. The seed minutes' longest is
 * 440; a run of text with no sentence end beyond this (a PDF conversion without stops,
 * or a hostile file of one phrase repeated) is cut at the last space before it, so the
 * work per sentence is bounded and the whole document is tagged in linear time.
 */
export const MAX_SENTENCE_CHARS = 1000;

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);
const OPENERS = new Set(['"', "'", '“', '‘', '(']);
const isSpace = (c: string | undefined) => c !== undefined && (c === ' ' || c === '\u00a0' || /\s/.test(c));
const isUpperOrDigit = (c: string | undefined) => c !== undefined && /[\p{Lu}\p{N}]/u.test(c);

/** Whether [start, end) ends in closing punctuation, possibly inside quotes or brackets (scans back, never forward). */
function endsTerminal(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && CLOSERS.has(text[i]!)) i--;
  return i >= start && '.!?:;'.includes(text[i]!);
}

/** Lines → blocks: bullets stripped, lines broken mid-sentence joined back. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    let next = lineEnd;
    if (text[next] === '\r' && text[next + 1] === '\n') next += 2;
    else if (next < text.length) next++;
    let start = lineStart;
    let end = lineEnd;
    lineStart = next;
    while (start < end && /[\s\u00a0\u200b]/u.test(text[start]!)) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (start === end || !hasLetter(text.slice(start, end))) continue;
    // A bullet is at most a few characters: the pattern only ever sees the line's start.
    const bm = BULLET.exec(text.slice(start, Math.min(end, start + 16)));
    const bullet = bm !== null && hasLetter(text.slice(start + bm[0].length, end));
    if (bullet) start += bm![0].length;
    const prev = out[out.length - 1];
    const first = text[start] ?? '';
    // Joined only while the block stays short enough to split: a hostile file of ten
    // thousand lower-case lines must not become one block re-read at every line.
    if (prev && !bullet && /\p{Ll}/u.test(first) && end - prev.start <= 4 * MAX_SENTENCE_CHARS && !endsTerminal(text, prev.start, prev.end)) {
      prev.end = end;
      continue;
    }
    out.push({ start, end, bullet });
  }
  return out;
}

/**
 * Sentence boundaries inside one block, as [start, end) pairs: after a run of . ! ?
 * (and closing quotes or brackets) followed by white space and a capital or a digit,
 * unless the word before the stop is an abbreviation or an initial. One pass, no
 * backtracking.
 */
function splitBlock(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?') {
      i++;
      continue;
    }
    let j = i;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    let k = j;
    while (k < end && CLOSERS.has(text[k]!)) k++;
    let w = k;
    while (w < end && isSpace(text[w])) w++;
    let o = w;
    if (o < end && OPENERS.has(text[o]!)) o++;
    const breaks = w > k && o < end && isUpperOrDigit(text[o]);
    if (breaks && !(c === '.' && !text.startsWith('...', i) && isAbbreviationBefore(text, from, i))) {
      out.push([from, k]);
      from = k;
    }
    i = k > i ? k : i + 1;
  }
  out.push([from, end]);
  return out
    .flatMap(([s, e]) => capLength(text, s, e))
    .map(([s, e]) => {
      while (s < e && isSpace(text[s])) s++;
      while (e > s && isSpace(text[e - 1])) e--;
      return [s, e] as [number, number];
    })
    .filter(([s, e]) => e > s && hasLetter(text.slice(s, e)));
}

/** The word before a full stop at `at` is an abbreviation ("Cllr.", "e.g.") or an initial ("B."). */
function isAbbreviationBefore(text: string, from: number, at: number): boolean {
  // The longest abbreviation is a few letters: a longer run of letters and dots is a word.
  let b = at;
  while (b > from && at - b <= 12 && /[\p{L}.]/u.test(text[b - 1]!)) b--;
  if (at - b > 12) return false;
  const before = text.slice(b, at);
  const word = before.toLowerCase().replace(/\.$/, '');
  return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before);
}

/** [s, e) in pieces of at most MAX_SENTENCE_CHARS, each cut at its last white space where it has one. */
function capLength(text: string, s: number, e: number): [number, number][] {
  const out: [number, number][] = [];
  while (e - s > MAX_SENTENCE_CHARS) {
    let cut = s + MAX_SENTENCE_CHARS;
    while (cut > s + MAX_SENTENCE_CHARS / 2 && !isSpace(text[cut])) cut--;
    if (!isSpace(text[cut])) cut = s + MAX_SENTENCE_CHARS;
    out.push([s, cut]);
    s = cut;
  }
  out.push([s, e]);
  return out;
}

export function normaliseSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/gu, ' ').trim();
}

function wordCount(s: string): number {
  return s.split(' ').filter((w) => /\p{L}/u.test(w)).length;
}

/** Splits a document into sentences with offsets and the kind of line each came from. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let listIntro: number | undefined;
  const all = blocks(text);
  for (let bi = 0; bi < all.length; bi++) {
    const b = all[bi]!;
    const blockText = normaliseSpace(text.slice(b.start, b.end));
    const words = wordCount(blockText);
    const closed = endsTerminal(blockText, 0, blockText.length);
    const isMeta = !b.bullet && words <= 12 && /^[\p{Lu}][\p{L}\s()'’&/,-]{0,30}:\s+\S/u.test(blockText) && !/[.!?]$/.test(blockText);
    const isHeading = !isMeta && !closed && words <= 15 && (!b.bullet || (listIntro === undefined && words <= 8));
    if (!b.bullet || isHeading) listIntro = undefined;
    const spans = isMeta || isHeading ? capLength(text, b.start, b.end) : splitBlock(text, b.start, b.end);
    for (const [s, e] of spans) {
      const t = normaliseSpace(text.slice(s, e));
      let kind: SentenceKind = isMeta ? 'meta' : isHeading ? 'heading' : b.bullet ? 'item' : 'prose';
      if (kind !== 'meta' && t.endsWith(':')) kind = b.bullet ? 'item' : 'intro';
      const sentence: Sentence = { index: out.length, start: s, end: e, text: t, kind, block: bi };
      if (kind === 'item' && listIntro !== undefined) sentence.listIntro = listIntro;
      out.push(sentence);
      if (kind === 'intro') listIntro = sentence.index;
    }
  }
  return out;
}
