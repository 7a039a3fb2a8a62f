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

const TERMINAL = /[.!?:;]["'”’)\]]*$/;

/** Lines → blocks: bullets stripped, lines broken mid-sentence joined back. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  const lineRe = /[^\n\r]*(\r\n|\n|\r|$)/g;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) !== null) {
    if (m[0] === '') break;
    const lineStart = m.index;
    const raw = m[0].replace(/[\r\n]+$/, '');
    const lead = raw.length - raw.replace(/^[\s\u00a0\u200b]+/u, '').length;
    const body = raw.trim();
    if (!body || !hasLetter(body)) continue;
    let start = lineStart + lead;
    const end = lineStart + raw.replace(/[\s\u00a0]+$/u, '').length;
    const bm = BULLET.exec(text.slice(start, end));
    const bullet = bm !== null && hasLetter(text.slice(start + bm[0].length, end));
    if (bullet) start += bm![0].length;
    const prev = out[out.length - 1];
    const first = text[start] ?? '';
    if (prev && !bullet && /\p{Ll}/u.test(first) && !TERMINAL.test(text.slice(prev.start, prev.end))) {
      prev.end = end;
      continue;
    }
    out.push({ start, end, bullet });
  }
  return out;
}

/** Sentence boundaries inside one block, as [start, end) pairs. */
function splitBlock(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  const re = /[.!?]+["'”’)\]]*(?=[\s\u00a0]+["'“‘(]?[\p{Lu}\p{N}])/gu;
  re.lastIndex = start;
  let from = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const stop = m.index + m[0].length;
    if (m[0].startsWith('.') && !m[0].startsWith('...')) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(from, m.index))?.[1] ?? '';
      const word = before.toLowerCase().replace(/\.$/, '');
      // "Mr B. Allbut": a single capital letter before the stop is an initial.
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before)) continue;
    }
    out.push([from, stop]);
    from = stop;
  }
  out.push([from, end]);
  return out
    .map(([s, e]) => {
      while (s < e && /[\s\u00a0]/u.test(text[s]!)) s++;
      while (e > s && /[\s\u00a0]/u.test(text[e - 1]!)) e--;
      return [s, e] as [number, number];
    })
    .filter(([s, e]) => e > s && hasLetter(text.slice(s, e)));
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
    const closed = TERMINAL.test(blockText);
    const isMeta = !b.bullet && words <= 12 && /^[\p{Lu}][\p{L}\s()'’&/,-]{0,30}:\s+\S/u.test(blockText) && !/[.!?]$/.test(blockText);
    const isHeading = !isMeta && !closed && words <= 15 && (!b.bullet || (listIntro === undefined && words <= 8));
    if (!b.bullet || isHeading) listIntro = undefined;
    const spans = isMeta || isHeading ? [[b.start, b.end] as [number, number]] : splitBlock(text, b.start, b.end);
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
