/**
 * Reads the priorities a partnership states: lists introduced by a line such as
 * "During 2016/17 the Board focused on:", inline lists ("the priorities for 2021/22
 * were Exploitation; … and Neglect; …", "focussed on 4 key areas: …"), and
 * statements such as "Developing the response to neglect is a priority for the
 * Partnership". Each priority keeps the year the statement gives, if any, and the
 * offsets of its words in the text.
 */
import { parsePeriod } from '../model/period';
import type { Period } from '../model/types';
import { matchSpan } from './match';
import { normaliseSpace, type Sentence } from './sentences';
import type { CompiledTaxonomy } from './taxonomy';

export interface PriorityCandidate {
  label: string;
  /** The year the statement gives for the priority; null when it gives none (use the document's). */
  period: Period | null;
  /** Index of the sentence it was read from. */
  sentence: number;
  /** Offsets of the label in the text. */
  start: number;
  end: number;
  themeIds: string[];
  /** How it was found: a list, an inline list, or a "… is a priority" statement. */
  via: 'list' | 'inline' | 'statement';
}

const CUE =
  /\b(?:priorit(?:y|ies)|focus(?:s)?ed (?:up)?on|focus(?:s)?ing (?:up)?on|(?:will|to|would) (?:continue to )?focus (?:up)?on|key (?:areas|themes|objectives)|areas? of (?:focus|priority)|focus areas|strategic (?:aims|objectives|themes|goals)|business plan)\b/i;
/** Intro lines that introduce other kinds of list. */
const NOT_PRIORITIES = /\b(?:discussed|raised|queries|questions|asked|observations|confirmed|noted that|resolved|apologies)\b/i;
/** "The priorities for 2021/22 were …", "our main priority is …" (not "… is a priority", which STATEMENT reads). */
const INLINE =
  /\b(?:priorities|priority (?:areas|themes|outcomes)|(?:the|our|its|their|main|key|top|overriding|biggest|first|single)\s+(?:['‘"“](?:number one|top|first|main)['’"”]\s+)?priority|(?:the|our|its|their)\s+['‘"“]?number one['’"”]?\s+priority)\b[^.:;,]{0,60}?\b(?:were|are|was|is|will be|would be|include|included|includes|remain|remained|are to be|have been)\b(?:\s+(?:expected|anticipated|agreed|likely|proposed|set|identified)(?:\s+to\s+be|\s+as)?)?(?:\s+as)?(?:\s+(?:around|about))?[\s:;]+/iu;
/** "… areas of focus, including A, B and C", "the key priorities, such as …". */
const INCLUDING = /\b(?:priorities|priority (?:areas|themes)|areas? of (?:focus|priority)|focus areas|key areas)\b,?\s+(?:including|such as)\s+/iu;
/** "… the three key priorities; (i) neglect, (ii) …": a semicolon standing for the colon. */
const CUE_BEFORE_SEMICOLON = /\b(?:priorities|priority areas|areas of focus|focus areas|key areas)\s*;\s*(?=\(?(?:i|1|a)[).])/iu;
const STATEMENT =
  /\s(?:is|was|remains|remained|will be|would be|has been|had been|became|becomes|continues to be|continued to be)\s+(?:a|an|the|one of the|our|its|their)\s+(?:[\p{L}'’-]+\s+){0,2}priorit(?:y|ies)\b/iu;
/** "… the following key strategic priorities for 2023-25:", "… set out the following priorities.": a heading sentence whose list follows it. */
const FOLLOWING = /\bthe following\b[^.:;]{0,60}\b(?:priorit(?:y|ies)|outcomes|areas of focus|focus areas)\b/iu;
/** Priorities stated as outcomes in quotation marks: two outcomes, “Children are and feel safe” and “…”. */
const QUOTED_CUE = /\b(?:priorit(?:y|ies)|(?:priority|strategic|key|two|three|four|five|six|\d)\s+outcomes)\b/iu;
const QUOTED = /[“"‘']([^”"’']{8,160})[”"’']/gu;
/** "… the Strategic Priority of Neglect": a priority named after its own words. */
const PRIORITY_OF = /\b(?:strategic|key|partnership|board|top)\s+priority\s+(?:of|on)\s+(?!the (?:partnership|board)\b)/iu;
const YEAR_SPAN = /\b(?:19|20)\d\d\s*[/–-]\s*(?:\d{2}|(?:19|20)\d\d)\b/gu;
const PRONOUN = /^(?:this|it|that|these|which|they|there)$/i;

/** The first reporting year written as a span ("2021/22", "2016-17") in a piece of text. */
export function firstYearSpan(s: string): Period | null {
  for (const m of s.matchAll(YEAR_SPAN)) {
    const p = parsePeriod(m[0].replace(/\s+/g, ''));
    if (p !== null) return p;
  }
  return null;
}

type Range = [number, number];

/** Splits [start, end) of text at separators, returning trimmed ranges. */
function splitRange(text: string, [start, end]: Range, sep: RegExp): Range[] {
  const out: Range[] = [];
  let from = start;
  const re = new RegExp(sep.source, sep.flags.includes('g') ? sep.flags : `${sep.flags}g`);
  re.lastIndex = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, end]);
  return out.map((r) => trimRange(text, r)).filter(([a, b]) => b > a);
}

function trimRange(text: string, [a, b]: Range): Range {
  while (a < b && /[\s\u00a0,;:.·•–-]/u.test(text[a]!)) a++;
  while (b > a && /[\s\u00a0,;:.]/u.test(text[b - 1]!)) b--;
  // A list item written "…, and" or "and …" keeps neither "and".
  const lead = /^(?:and|or)\s+/i.exec(text.slice(a, b));
  if (lead) a += lead[0].length;
  const tail = /\s+(?:and|or)$/i.exec(text.slice(a, b));
  if (tail) b -= tail[0].length;
  return [a, b];
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Items of an inline list, or the whole range when it does not read as a list of short labels. */
export function splitInlineList(text: string, range: Range): Range[] {
  const s = text.slice(range[0], range[1]);
  // Outcomes written as clauses: "that children are safe, that … and that …".
  if (/^\s*that\s/i.test(s) && /(?:,|\band)\s+that\s/i.test(s)) return splitRange(text, range, /,?\s+(?:and\s+)?(?=that\s)|,\s*(?=that\s)/iu);
  if (s.includes(';')) {
    // "Label; what it means and Label; what it means"
    const pairs = splitRange(text, range, /\s+and\s+(?=\p{Lu}[^;]{0,60};)|,\s*(?=\p{Lu}[^;]{0,60};)/u);
    if (pairs.length > 1) return pairs;
    return splitRange(text, range, /\s*;\s*/u);
  }
  const parts = splitRange(text, range, /,\s*/u);
  const last = parts.pop()!;
  const split = parts.length > 0 || words(text.slice(last[0], last[1])) <= 8 ? splitRange(text, last, /\s+and\s+/iu) : [last];
  // "domestic abuse and its impact on children" is one item: what follows "and" refers back.
  const tail = split.slice(1).some(([a, b]) => /^(?:its|their|his|her|this|these|those|that|which|who|how)\b/i.test(text.slice(a, b))) ? [last] : split;
  const items = [...parts, ...tail];
  const looksLikeLabels = items.every(([a, b]) => {
    const item = text.slice(a, b);
    return words(item) <= 12 && !/^(?:with|to|from|for|in|as|on|by|at|largely|similar|much|the same|broadly)\b/i.test(item);
  });
  return looksLikeLabels ? items : [trimRange(text, range)];
}

/** An item without its enumerator: "(ii) contextual safeguarding" → "contextual safeguarding". */
function stripEnumerator(text: string, [a, b]: Range): Range {
  const m = /^\(?(?:[ivx]{1,4}|\d{1,2}|[a-h])[).]\s*/i.exec(text.slice(a, b));
  return m ? [a + m[0].length, b] : [a, b];
}

/** Every priority stated in a document, in text order. */
export function extractPriorities(tax: CompiledTaxonomy, text: string, sentences: Sentence[]): PriorityCandidate[] {
  const out: PriorityCandidate[] = [];
  const add = (range: Range, sentence: Sentence, period: Period | null, via: PriorityCandidate['via']) => {
    let [start, end] = trimRange(text, range);
    // "were that children are safe, that …": the outcome, not the conjunction.
    const that = /^that\s+/i.exec(text.slice(start, end));
    if (that) start += that[0].length;
    const label = normaliseSpace(text.slice(start, end)).replace(/^["'“‘]|["'”’]$/g, '');
    if (!/\p{L}{2}/u.test(label) || words(label) > 30) return;
    const themeIds = [...new Set(matchSpan(tax, text, start, end).map((m) => m.themeId))];
    out.push({ label, period, sentence: sentence.index, start, end, themeIds, via });
  };

  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    if (s.kind === 'intro' && CUE.test(body) && !NOT_PRIORITIES.test(body)) {
      const period = firstYearSpan(body);
      const seenBlocks = new Set<number>();
      for (const item of sentences) {
        if (item.listIntro !== s.index || seenBlocks.has(item.block)) continue;
        seenBlocks.add(item.block);
        add([item.start, item.end], item, period, 'list');
      }
      // Items written as short lines without bullets read as headings: take those that follow at once.
      if (seenBlocks.size === 0) for (const item of headingsAfter(sentences, s.index)) add([item.start, item.end], item, period, 'list');
      continue;
    }
    if (s.kind !== 'prose' && s.kind !== 'item') continue;

    if (s.kind === 'prose' && FOLLOWING.test(body) && /[.:]$/.test(body.trim()) && !NOT_PRIORITIES.test(body)) {
      const items = headingsAfter(sentences, s.index);
      if (items.length >= 2) {
        const period = firstYearSpan(body);
        for (const item of items) add([item.start, item.end], item, period, 'list');
        continue;
      }
    }
    const cue = QUOTED_CUE.exec(body);
    if (cue && !NOT_PRIORITIES.test(body.slice(0, cue.index))) {
      const quoted = [...body.slice(cue.index).matchAll(QUOTED)].filter((m) => words(m[1]!) >= 2);
      if (quoted.length) {
        const period = firstYearSpan(body);
        for (const m of quoted) {
          const at = s.start + cue.index + m.index + 1;
          add([at, at + m[1]!.length], s, period, 'inline');
        }
        continue;
      }
    }

    const colon = body.indexOf(':');
    if (colon > 0 && colon < body.length - 3 && CUE.test(body.slice(0, colon)) && !NOT_PRIORITIES.test(body.slice(0, colon))) {
      const period = firstYearSpan(body.slice(0, colon));
      for (const r of splitInlineList(text, [s.start + colon + 1, s.end])) add(r, s, period, 'inline');
      continue;
    }
    const semi = CUE_BEFORE_SEMICOLON.exec(body);
    if (semi && !NOT_PRIORITIES.test(body.slice(0, semi.index))) {
      const period = firstYearSpan(body.slice(0, semi.index));
      const items = splitInlineList(text, [s.start + semi.index + semi[0].length, s.end]);
      for (const r of items) add(stripEnumerator(text, r), s, period, 'inline');
      continue;
    }
    const including = INCLUDING.exec(body);
    if (including && !NOT_PRIORITIES.test(body.slice(0, including.index))) {
      const period = firstYearSpan(body.slice(0, including.index));
      for (const r of splitInlineList(text, [s.start + including.index + including[0].length, s.end])) add(r, s, period, 'inline');
      continue;
    }
    const inline = INLINE.exec(body);
    if (inline) {
      const period = firstYearSpan(body.slice(0, inline.index + inline[0].length));
      for (const r of splitInlineList(text, [s.start + inline.index + inline[0].length, s.end])) add(r, s, period, 'inline');
      continue;
    }
    const named = PRIORITY_OF.exec(body);
    if (named) {
      const from = named.index + named[0].length;
      const rest = body.slice(from);
      const stop = /[.,;:()]|\s(?:and|which|that|where|was|were|is|are|had|has)\s/i.exec(rest);
      const to = from + (stop ? stop.index : rest.length);
      if (words(body.slice(from, to)) <= 6) {
        add([s.start + from, s.start + to], s, firstYearSpan(body), 'statement');
        continue;
      }
    }
    const st = STATEMENT.exec(body);
    if (st) {
      const after = body.slice(st.index + st[0].length, st.index + st[0].length + 40);
      const period = firstYearSpan(after.split(/[,;.]/)[0] ?? '') ?? null;
      // The subject: back from the verb to the start of its clause.
      const before = body.slice(0, st.index);
      const clauseStart = Math.max(
        ...[...before.matchAll(/(?:[,;:–—(]|\b(?:whilst|while|although|though|because|since|that|and|but|however|so)\b)\s*/giu)].map((m) => m.index + m[0].length),
        0,
      );
      let subject: Range = [s.start + clauseStart, s.start + st.index];
      if (PRONOUN.test(text.slice(subject[0], subject[1]).trim())) {
        // "… and this is a recognised priority": the priority is the clause before.
        const prevClauses = before.slice(0, clauseStart).replace(/\s*(?:and|,|;)\s*$/i, '');
        const prevStart = Math.max(...[...prevClauses.matchAll(/[,;:–—]\s*/gu)].map((m) => m.index + m[0].length), 0);
        const lead = /^(?:given [^,]*,\s*)?(?:there (?:is|was|are|were|remains?) )?(?:(?:yet|still|little|limited|some|no|only) )*(?:evidence (?:(?:yet|so far) )?(?:of|that) )?(?:the )?/i.exec(prevClauses.slice(prevStart));
        subject = [s.start + prevStart + (lead?.[0].length ?? 0), s.start + prevClauses.length];
      }
      add(subject, s, period, 'statement');
    }
  }
  return dedupe(out);
}

/** The short heading lines right after sentence `index`: a list written without bullets. */
function headingsAfter(sentences: Sentence[], index: number): Sentence[] {
  const out: Sentence[] = [];
  for (let k = index + 1; k < sentences.length; k++) {
    const h = sentences[k]!;
    if (h.kind !== 'heading' || h.listIntro !== undefined || words(h.text) > 15) break;
    out.push(h);
  }
  return out;
}

function dedupe(list: PriorityCandidate[]): PriorityCandidate[] {
  const out: PriorityCandidate[] = [];
  for (const c of list) {
    const key = c.label.toLowerCase();
    const dup = out.some((o) => {
      if (o.period !== null && c.period !== null && o.period !== c.period) return false;
      const ok = o.label.toLowerCase();
      if (ok === key) return true;
      // "Whilst CSE remained a priority" repeats a listed priority: same themes, fewer words.
      if (c.via === 'statement' && (ok.includes(key) || (words(c.label) <= 3 && c.themeIds.length > 0 && c.themeIds.every((t) => o.themeIds.includes(t))))) return true;
      return false;
    });
    if (!dup) out.push(c);
  }
  return out;
}
