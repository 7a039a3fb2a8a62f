/**
 * Judges which themes a document substantively discusses, sentence by sentence.
 *
 * Every sentence that names a theme is kept as evidence, with a weight for how much
 * it says about the theme:
 *   1     a sentence that discusses it, or names it as a priority;
 *   0.5   a general word alone ("schools", "training"), a heading, a mention inside a
 *         description of someone ("a family, some of whom had disabilities"), or one
 *         of three topics listed in one breath;
 *   0.25  a name in a bare list ("Quality Assurance Sub-group" under "The subgroups were:"),
 *         or one of four or more topics listed in one breath;
 *   0     negated ("there were no concerns about neglect"), a "Label: value" line, or the
 *         name of a council committee ("Education and Skills Scrutiny Board").
 * A theme is present when its weights add up to the document's threshold: 1 for
 * minutes and short reports, rising with the square root of the length beyond 150 sentences, so that in a
 * long annual report a single passing sentence does not count but a paragraph does.
 */
import { localAcronyms, matchDocument, matchLocalAcronyms, type ThemeMatch } from './match';
import { extractPriorities, type PriorityCandidate } from './priorities';
import { splitSentences, type Sentence } from './sentences';
import type { CompiledTaxonomy } from './taxonomy';

export interface EvidenceSentence {
  /** Index of the sentence in the document. */
  sentence: number;
  /** Offsets of the sentence in the text: [start, end). */
  start: number;
  end: number;
  text: string;
  /** How much the sentence says about the theme (0–1). */
  weight: number;
  /** Why the weight is below 1, in plain words. */
  note?: string;
  /** The words that matched, with offsets into the text. */
  terms: { start: number; end: number; term: string }[];
}

export interface ThemeJudgement {
  id: string;
  /** Sentences that substantively discuss the theme (weight of at least 0.5). */
  sentences: number;
  /** Sum of the sentence weights. */
  score: number;
  present: boolean;
  /** Every sentence that names the theme, in text order. */
  evidence: EvidenceSentence[];
}

export interface TagResult {
  sentences: Sentence[];
  /** Sentences that count towards length: not headings or "Label: value" lines. */
  bodySentences: number;
  threshold: number;
  /** Every theme named at least once, present or not, in taxonomy order. */
  themes: ThemeJudgement[];
  priorities: PriorityCandidate[];
}

/** Weight a theme needs to be judged present in a document of n body sentences. */
export function presenceThreshold(n: number): number {
  return Math.max(1, Math.sqrt(n / 150));
}

const NEGATOR = /^(?:no|not|never|nor|neither|none|without|nothing|cannot|can't|won't|isn't|wasn't|weren't|aren't|didn't|don't|doesn't|hasn't|haven't|hadn't)$/i;
/**
 * Words that may stand between a negator and the theme when the theme itself is what
 * is denied: "no concerns about", "not raised any issues regarding", "no evidence of".
 * Any other word in between ("not attending school") means the negator is about something else.
 */
const NEGATION_FILLER = new Set(
  ('any significant particular specific major new further real obvious apparent immediate outstanding known current recent serious ' +
    'concern concerns issue issues problem problems case cases evidence report reports incident incidents instance instances mention reference ' +
    'indication indications sign signs example examples question questions matter matters discussion risk risks gap gaps ' +
    'about of regarding relating related to in relation around concerning with on for raised identified reported noted mentioned ' +
    'raise identify report note mention discuss discussed highlighted highlight been be there was were is are the a an this that these').split(' '),
);
const NOT_A_NEGATION = /^(?:not only|no longer|not least|no doubt|not yet)\b/i;
const NEGATED_AFTER = /^[^,;.]{0,25}?\b(?:was|were|is|are|has|have|had)\s+(?:not|never)\s+(?:been\s+)?(?:discussed|raised|mentioned|considered|identified|an issue|a concern|a factor|a feature|highlighted|reported)\b/i;
const CLAUSE_BREAK = /[,;:()–—]|\b(?:but|however|although|though|whilst|while|because|whereas|except)\b/gi;
const DESCRIPTIVE = /\b(?:of whom|whose|some of which|one of which|who had|who has|who have)\b/i;
const ORG_NOUN = /\b(?:group|sub-?group|sub group|board|committee|panel|team|forum|partnership|service|unit|network|network|meeting|steering group|task and finish group)$/i;
const COUNCIL_BODY = /\b(?:scrutiny|committee|cabinet|select|portfolio|overview)\b/i;
const CONNECTOR = /^(?:and|of|for|the|&|in|on|to)$/i;

function isNegated(text: string, sentence: Sentence, m: ThemeMatch): boolean {
  const before = text.slice(sentence.start, m.start);
  let clauseStart = 0;
  for (const b of before.matchAll(CLAUSE_BREAK)) clauseStart = b.index + b[0].length;
  const window = before
    .slice(clauseStart)
    .toLowerCase()
    .split(/[\s\u00a0]+/)
    .map((w) => w.replace(/^[^\p{L}']+|[^\p{L}']+$/gu, ''))
    .filter(Boolean)
    .slice(-8);
  // Up to two words may qualify the theme itself ("no concerns about private fostering"),
  // but not a verb ("not attending school": the negator is about attending).
  let modifiers = 0;
  for (let i = window.length - 1; i >= 0; i--) {
    const w = window[i]!;
    if (NEGATOR.test(w)) return !NOT_A_NEGATION.test(`${w} ${window[i + 1] ?? ''}`);
    if (NEGATION_FILLER.has(w)) {
      modifiers = 2;
      continue;
    }
    if (modifiers < 2 && !/(?:ing|ed)$/.test(w) && w.length > 2) {
      modifiers++;
      continue;
    }
    break;
  }
  return NEGATED_AFTER.test(text.slice(m.end, sentence.end));
}

/** The match sits in a capitalised name such as "Children’s Services, Education and Skills Scrutiny Board". */
function inCouncilBodyName(text: string, sentence: Sentence, m: ThemeMatch): boolean {
  if (!/^\p{Lu}/u.test(m.term)) return false;
  const tokens = (s: string) => s.split(/\s+/).filter(Boolean);
  const capitalised = (w: string) => /^\p{Lu}/u.test(w) || CONNECTOR.test(w.replace(/,$/, ''));
  const left = tokens(text.slice(sentence.start, m.start)).reverse();
  const right = tokens(text.slice(m.end, sentence.end));
  const run: string[] = [m.term];
  for (const w of left) {
    if (!capitalised(w)) break;
    run.unshift(w);
  }
  for (const w of right) {
    if (!capitalised(w.replace(/^[(“"']/, ''))) break;
    run.push(w);
    if (/[.;:)]$/.test(w)) break;
  }
  return COUNCIL_BODY.test(run.join(' '));
}

/** A list item or heading that is only a name: "Quality Assurance Practice and Procedures Group (QAPP)". */
function isBareName(sentence: Sentence): boolean {
  if (sentence.kind !== 'item' && sentence.kind !== 'heading') return false;
  const t = sentence.text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[,;.:]?\s*(?:and|or)?\s*[,;.:]?\s*$/i, '')
    .trim();
  return t.split(/\s+/).length <= 12 && ORG_NOUN.test(t);
}

/**
 * Themes named one after another in a list ("substance misuse, gangs and exploitation,
 * domestic abuse and living with mental health issues"): runs of matches separated
 * only by a comma, "and", "or" or a few words. Returns, for each theme in such a run,
 * how many families of themes the run names.
 */
function listedTogether(text: string, matches: ThemeMatch[], family: Map<string, string>): Map<string, number> {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const out = new Map<string, number>();
  let run: ThemeMatch[] = [];
  const close = () => {
    const fams = new Set(run.map((m) => family.get(m.themeId)));
    if (fams.size >= 3) for (const m of run) out.set(m.themeId, Math.max(out.get(m.themeId) ?? 0, fams.size));
    run = [];
  };
  for (const m of sorted) {
    const prev = run[run.length - 1];
    if (prev) {
      const gap = text.slice(prev.end, m.start);
      const joined = m.start <= prev.end || (/[,;/&]|\b(?:and|or)\b/i.test(gap) && gap.split(/\s+/).filter(Boolean).length <= 5 && !/[.:]/.test(gap));
      if (!joined) close();
    }
    run.push(m);
  }
  close();
  return out;
}

interface Weighed {
  weight: number;
  note?: string;
}

/** Weight of one sentence for one theme, from its matches and the sentence's shape. */
function weigh(
  text: string,
  sentence: Sentence,
  matches: ThemeMatch[],
  ctx: { listed: number; inPriority: boolean },
): Weighed {
  const live = matches.filter((m) => !isNegated(text, sentence, m));
  if (live.length === 0) return { weight: 0, note: 'negated' };
  const real = live.filter((m) => !inCouncilBodyName(text, sentence, m));
  if (real.length === 0) return { weight: 0, note: 'name of a council committee' };
  if (sentence.kind === 'meta') return { weight: 0, note: 'a label in the heading of the document' };
  if (ctx.inPriority) return { weight: 1, note: 'named as a priority' };

  const strong = real.filter((m) => !m.weak);
  let w = strong.length > 0 ? 1 : Math.min(1, 0.5 * real.length);
  let note = strong.length > 0 ? undefined : 'a general word';
  const mul = (f: number, why: string) => {
    if (f < 1) {
      w *= f;
      note = note ? `${note}; ${why}` : why;
    }
  };
  if (isBareName(sentence)) mul(0.25, 'a name in a list');
  else if (sentence.kind === 'heading') mul(0.5, 'a heading');
  const first = real[0]!;
  const before = text.slice(sentence.start, first.start).split(/\s+/).slice(-6).join(' ');
  if (DESCRIPTIVE.test(before)) mul(0.5, 'in passing, describing someone');
  if (ctx.listed >= 3) mul(ctx.listed >= 4 ? 0.34 : 0.5, `one of ${ctx.listed} topics listed together`);
  return { weight: Math.round(w * 100) / 100, ...(note ? { note } : {}) };
}

/** Tags a document's text. The same function runs in the browser worker and the CLI. */
export function tagText(tax: CompiledTaxonomy, text: string): TagResult {
  const sentences = splitSentences(text);
  const perSentence = matchDocument(tax, text, sentences);
  const acronyms = localAcronyms(text, perSentence.flat());
  if (acronyms.size) sentences.forEach((s, i) => perSentence[i]!.push(...matchLocalAcronyms(acronyms, text, s.start, s.end)));

  const priorities = extractPriorities(tax, text, sentences);
  const family = new Map(tax.themes.map((t) => [t.def.id, t.def.family]));
  const evidence = new Map<string, EvidenceSentence[]>();

  sentences.forEach((s, i) => {
    const matches = perSentence[i]!;
    if (!matches.length) return;
    const byTheme = new Map<string, ThemeMatch[]>();
    for (const m of matches) byTheme.set(m.themeId, [...(byTheme.get(m.themeId) ?? []), m]);
    const listed = listedTogether(text, matches, family);
    const prioritySpans = priorities.filter((p) => p.sentence === s.index);
    for (const [themeId, ms] of byTheme) {
      const inPriority = ms.some((m) => prioritySpans.some((p) => m.start >= p.start && m.end <= p.end));
      const { weight, note } = weigh(text, s, ms, { listed: listed.get(themeId) ?? 0, inPriority });
      const list = evidence.get(themeId) ?? [];
      list.push({
        sentence: s.index,
        start: s.start,
        end: s.end,
        text: s.text,
        weight,
        ...(note ? { note } : {}),
        terms: ms.map((m) => ({ start: m.start, end: m.end, term: m.term })),
      });
      evidence.set(themeId, list);
    }
  });

  const bodySentences = sentences.filter((s) => s.kind !== 'heading' && s.kind !== 'meta').length;
  const threshold = presenceThreshold(bodySentences);
  const themes: ThemeJudgement[] = [];
  for (const t of tax.themes) {
    const ev = evidence.get(t.def.id);
    if (!ev) continue;
    const score = Math.round(ev.reduce((n, e) => n + e.weight, 0) * 100) / 100;
    themes.push({ id: t.def.id, sentences: ev.filter((e) => e.weight >= 0.5).length, score, present: score >= threshold - 1e-9, evidence: ev });
  }
  return { sentences, bodySentences, threshold: Math.round(threshold * 100) / 100, themes, priorities };
}
