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

/** Matches of one theme in one sentence that are weighed (all are kept as evidence terms). */
const MAX_MATCHES_WEIGHED = 8;

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
const ORG_NOUN = /\b(?:group|sub-?group|sub group|board|committee|panel|team|forum|partnership|service|unit|network|meeting|steering group|task and finish group)$/i;
const COUNCIL_BODY = /\b(?:scrutiny|committee|cabinet|select|portfolio|overview)\b/i;
/**
 * Heads of job titles: "Assistant Director – Education", "Independent Chair", "Lead Member
 * for Safeguarding", "Head of Early Help". Not "Lead" alone nor "Head" alone, which are also
 * parts of theme names (Designated Safeguarding Leads, Head Teachers).
 */
const ROLE = /\b(?:chair|chairman|chairwoman|chairperson|director|manager|member|holder|officer|head of|commissioner|scrutineer|co-?ordinator|adviser|advisor)\b/i;
const CONNECTOR = /^(?:and|of|for|the|&|in|on|to|-|–|—)$/i;
/** A finite verb: a list item or heading that has one says something; one without is a name or a topic. */
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|been|be|will|would|should|could|can|may|might|must|shall|did|does|do)\b/i;
/** The procedural record of a member's interest ("declared a personal interest as a governor at …"). */
const DECLARATION = /\bdeclar(?:ed|es|ing|ation of|ations of)\b[^.]{0,60}\binterests?\b|\binterests? (?:was|were) declared\b/i;
/** A partnership's vision or ambition: every good thing for every child, in one breath. */
const VISION = /\b(?:vision|ambition|aspiration)s?\b[^.;]{0,40}\b(?:is|was|are|were)\s+(?:that|for)\b[^.]{0,40}\b(?:every|all)\s+(?:child|children|young)/i;
/** A name of a group that follows the theme's words: "a learning and development group", "the neglect sub-group". */
const GROUP_AFTER = /^[’']?s?\s*(?:strategic\s+|steering\s+|task and finish\s+|operational\s+)?(?:sub-?\s?groups?|groups?|panels?|forums?|boards?|committees?)\b/i;

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

/** The run of capitalised words (and "of", "and", "the", "&", dashes between them) around a match. */
function capitalisedRun(text: string, sentence: Sentence, m: ThemeMatch): { before: string; after: string } | null {
  if (!/^\p{Lu}/u.test(m.term)) return null;
  const tokens = (s: string) => s.split(/\s+/).filter(Boolean);
  const capitalised = (w: string) => /^\p{Lu}/u.test(w) || CONNECTOR.test(w.replace(/,$/, ''));
  const left = tokens(text.slice(sentence.start, m.start)).reverse();
  const right = tokens(text.slice(m.end, sentence.end));
  const before: string[] = [];
  const after: string[] = [];
  for (const w of left) {
    if (!capitalised(w) || /[,;:.]$/.test(w)) break;
    before.unshift(w);
  }
  for (const w of right) {
    if (!capitalised(w.replace(/^[(“"']/, ''))) break;
    after.push(w);
    if (/[.;:)]$/.test(w)) break;
  }
  return { before: before.join(' '), after: after.join(' ') };
}

/**
 * The match sits in a capitalised name that is not about the theme: a council committee
 * ("Children’s Services, Education and Skills Scrutiny Board") or a job title ("Assistant
 * Director – Education", "The Independent Chair reported …", "Head of Early Help").
 */
function inOfficialName(text: string, sentence: Sentence, m: ThemeMatch): string | null {
  const run = capitalisedRun(text, sentence, m);
  if (!run) return null;
  const whole = `${run.before} ${m.term} ${run.after}`;
  if (COUNCIL_BODY.test(whole)) return 'name of a council committee';
  if (ROLE.test(whole)) return 'part of a job title';
  return null;
}

/** A list item or heading that is only a name: "Quality Assurance Practice and Procedures Group (QAPP)". */
function isBareName(sentence: Sentence): boolean {
  if (sentence.kind !== 'item' && sentence.kind !== 'heading') return false;
  const t = bareText(sentence);
  return t.split(/\s+/).length <= 12 && ORG_NOUN.test(t) && !FINITE_VERB.test(t);
}

/**
 * A list item that only names a topic, without a verb: "Section 11 Audits;", "Ofsted
 * Inspection;" in a list of what a presentation covered. (Priorities are read before this.)
 */
function isBareTopic(sentence: Sentence): boolean {
  if (sentence.kind !== 'item') return false;
  const t = bareText(sentence);
  const words = t.split(/\s+/);
  // A past participle after the first word is a telegraphic statement: "Neglect strategy launched".
  return words.length <= 6 && !FINITE_VERB.test(t) && !words.slice(1).some((w) => /\p{Ll}{2,}ed$/u.test(w));
}

function bareText(sentence: Sentence): string {
  return sentence.text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[,;.:]?\s*(?:and|or)?\s*[,;.:]?\s*$/i, '')
    .trim();
}

/**
 * Topics enumerated in one breath, whether or not the other items are themes ("questions
 * about closer working with the voluntary sector, the children’s centre, domestic abuse,
 * cyber security and data sharing, and railway safety"). Returns the number of items in
 * the enumeration holding the match, or 0. Items are short runs between commas, the last
 * part split at "and" or "or"; the longer part before them counts only by its last words,
 * which are the first item (the words before introduce the list). A part that opens with
 * "such as", "including" or "which" explains the one before it, so it ends the run.
 */
function enumerationSize(text: string, sentence: Sentence, m: ThemeMatch, own: ThemeMatch[]): number {
  // Brackets are blanked (keeping offsets) so "(CSE)" neither splits nor counts.
  const body = text.slice(sentence.start, sentence.end).replace(/\([^()]*\)/g, (b) => ' '.repeat(b.length));
  const at = m.start - sentence.start;
  let from = 0;
  let to = body.length;
  for (const b of body.matchAll(/[;:–—]|\s-\s/g)) {
    if (b.index < at) from = b.index + b[0].length;
    else if (b.index >= at) {
      to = b.index;
      break;
    }
  }
  const parts: { start: number; text: string }[] = [];
  let pos = from;
  for (const piece of body.slice(from, to).split(/,/)) {
    parts.push({ start: pos, text: piece });
    pos += piece.length + 1;
  }
  const words = (p: string) => p.split(/\s+/).filter(Boolean).length;
  // The last part is one item after a serial comma (", and local audits and self-assessment"),
  // else two at its last "and" or "or" (", substance misuse and domestic abuse").
  const lastItems = (p: string): string[] => {
    if (/^\s*(?:and|or)\s/i.test(p)) return [p.replace(/^\s*(?:and|or)\s+/i, '')];
    const m = /^(.*)\s+(?:and\/or|and|or)\s+(.*)$/is.exec(p);
    return m ? [m[1]!, m[2]!] : [p];
  };
  const EXPLAINS = /^\s*(?:such as|including|as well as|which|who|whose|where|that|whilst|while|but|although|though|because|so)\b/i;
  const k = parts.findIndex((p) => at >= p.start && at < p.start + p.text.length);
  if (k < 0) return 0;
  const short = (i: number) => {
    const p = parts[i]!.text;
    if (EXPLAINS.test(p)) return false;
    if (i === parts.length - 1) return lastItems(p).every((x) => words(x) <= 6);
    return words(p) <= 6;
  };
  // The run of short parts holding the match, or just after the part holding it.
  let first = short(k) ? k : k + 1;
  if (first >= parts.length || !short(first)) return 0;
  while (first > 0 && short(first - 1)) first--;
  let last = first;
  while (last + 1 < parts.length && short(last + 1)) last++;
  if (k > last) return 0;
  // An enumeration ends "… and C" or "…, or C"; a run of short clauses without one is not a list.
  if (!/(?:^|\s)(?:and|or|and\/or)\s/i.test(parts[last]!.text)) return 0;
  // In the part before the run only the last words are an item; so too in a short first
  // part that opens the sentence ("Neglect linked to alcohol misuse, …": neglect is the subject).
  const inTail = (i: number, n: number) => {
    const p = parts[i]!;
    const tail = p.text.trimEnd().split(/\s+/).slice(-n).join(' ');
    return at >= p.start + p.text.trimEnd().length - tail.length;
  };
  if (k < first && !inTail(k, 5)) return 0;
  if (k === 0 && first === 0 && !inTail(0, 3)) return 0;
  // The items as offsets in the sentence, to tell the theme's own items from the others.
  const items: [number, number][] = [];
  if (first > 0) {
    const lead = parts[first - 1]!;
    const end = lead.start + lead.text.trimEnd().length;
    items.push([end - lead.text.trimEnd().split(/\s+/).slice(-5).join(' ').length, end]);
  }
  for (let i = first; i < last; i++) items.push([parts[i]!.start, parts[i]!.start + parts[i]!.text.length]);
  const tail = parts[last]!;
  if (last === parts.length - 1 && lastItems(tail.text).length === 2) {
    const cut = tail.start + lastItems(tail.text)[0]!.length;
    items.push([tail.start, cut], [cut, tail.start + tail.text.length]);
  } else items.push([tail.start, tail.start + tail.text.length]);
  // "training, learning and development": items of one theme, or of its family, are one topic.
  const mine = (it: [number, number]) => own.some((o) => o.start - sentence.start < it[1] && o.end - sentence.start > it[0]);
  const size = items.filter((it) => !mine(it)).length + 1;
  return size >= 3 ? size : 0;
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
      // Matches side by side ("school audits") are one item; a comma, "and" or "or" and a
      // few words between them make the next item.
      const joined =
        m.start <= prev.end || /^[\s\u00a0]*$/.test(gap) || (/[,;/&]|\b(?:and|or)\b/i.test(gap) && gap.split(/\s+/).filter(Boolean).length <= 5 && !/[.:]/.test(gap));
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
  ctx: { listed: number; inPriority: boolean; kin: ThemeMatch[] },
): Weighed {
  // A real sentence names a theme a few times at most; a hostile one names it hundreds of
  // times, and each match is weighed against the whole sentence. The first few decide.
  const live = matches.slice(0, MAX_MATCHES_WEIGHED).filter((m) => !isNegated(text, sentence, m));
  if (live.length === 0) return { weight: 0, note: 'negated' };
  let official: string | null = null;
  const real = live.filter((m) => {
    const why = inOfficialName(text, sentence, m);
    official ??= why;
    return why === null;
  });
  if (real.length === 0) return { weight: 0, note: official ?? 'name of a council committee' };
  if (sentence.kind === 'meta') return { weight: 0, note: 'a label in the heading of the document' };
  if (DECLARATION.test(sentence.text)) return { weight: 0, note: 'a declaration of interest' };
  if (ctx.inPriority) return { weight: 1, note: 'named as a priority' };

  const strong = real.filter((m) => !m.weak && !m.name);
  const weak = real.filter((m) => m.weak).length;
  const names = real.filter((m) => m.name && !m.weak).length;
  let w = strong.length > 0 ? 1 : Math.min(1, 0.5 * weak + 0.25 * names);
  let note = strong.length > 0 ? undefined : weak > 0 ? 'a general word' : 'the name of the board or partnership';
  const mul = (f: number, why: string) => {
    if (f < 1) {
      w *= f;
      note = note ? `${note}; ${why}` : why;
    }
  };
  if (isBareName(sentence)) mul(0.25, 'a name in a list');
  else if (isBareTopic(sentence)) mul(0.25, 'a topic in a list');
  else if (sentence.kind === 'heading') mul(0.5, 'a heading');
  const first = real[0]!;
  const before = text.slice(sentence.start, first.start).split(/\s+/).slice(-6).join(' ');
  if (DESCRIPTIVE.test(before)) mul(0.5, 'in passing, describing someone');
  const namesAGroup = (strong.length ? strong : real).every((m) => GROUP_AFTER.test(text.slice(m.end, Math.min(sentence.end, m.end + 40))));
  if (namesAGroup && w >= 0.5) mul(0.5, 'the name of a group');
  if (VISION.test(sentence.text)) mul(0.5, 'in a statement of vision');
  const listed = Math.max(ctx.listed, ...real.map((m) => enumerationSize(text, sentence, m, ctx.kin)));
  if (listed >= 3) mul(listed >= 4 ? 0.34 : 0.5, `one of ${listed} topics listed together`);
  return { weight: Math.round(w * 100) / 100, ...(note ? { note } : {}) };
}

/** How far tagging has got: a stage in words and the share of the work done (0–1). */
export type TagProgress = (stage: string, fraction: number) => void;

/** Tags a document's text. The same function runs in the browser worker and the CLI. */
export function tagText(tax: CompiledTaxonomy, text: string, onProgress?: TagProgress): TagResult {
  onProgress?.('Finding the sentences', 0);
  const sentences = splitSentences(text);
  // Matching and weighing take about half the time each on minutes and reports.
  const perSentence = matchDocument(tax, text, sentences, (done, total) => onProgress?.('Finding the themes named', 0.05 + (0.45 * done) / total));
  const acronyms = localAcronyms(text, perSentence.flat());
  if (acronyms.size) sentences.forEach((s, i) => perSentence[i]!.push(...matchLocalAcronyms(acronyms, text, s.start, s.end)));

  const priorities = extractPriorities(tax, text, sentences);
  const family = new Map(tax.themes.map((t) => [t.def.id, t.def.family]));
  const evidence = new Map<string, EvidenceSentence[]>();
  const prioritiesBySentence = new Map<number, PriorityCandidate[]>();
  for (const p of priorities) {
    const list = prioritiesBySentence.get(p.sentence);
    if (list) list.push(p);
    else prioritiesBySentence.set(p.sentence, [p]);
  }

  sentences.forEach((s, i) => {
    if (onProgress && i % 500 === 0) onProgress('Weighing each sentence', 0.5 + (0.5 * i) / sentences.length);
    const matches = perSentence[i]!;
    if (!matches.length) return;
    const byTheme = new Map<string, ThemeMatch[]>();
    for (const m of matches) {
      const list = byTheme.get(m.themeId);
      if (list) list.push(m);
      else byTheme.set(m.themeId, [m]);
    }
    const listed = listedTogether(text, matches, family);
    const prioritySpans = prioritiesBySentence.get(s.index) ?? [];
    for (const [themeId, ms] of byTheme) {
      const inPriority = ms.some((m) => prioritySpans.some((p) => m.start >= p.start && m.end <= p.end));
      const kin = matches.filter((m) => family.get(m.themeId) === family.get(themeId));
      const { weight, note } = weigh(text, s, ms, { listed: listed.get(themeId) ?? 0, inPriority, kin });
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
