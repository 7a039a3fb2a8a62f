/**
 * The theme taxonomy (data/themes.json): types, a validator that explains what is
 * wrong with a file, and the compiler that turns its match rules into regular
 * expressions. Pure; shared by the browser worker and the command-line tools.
 */
import { errorMessage } from '../model/errors';

/** One way a theme can be recognised in a sentence. */
export interface MatchRule {
  /**
   * Case-insensitive phrases. A space matches any run of spaces; a hyphen inside a
   * word matches a hyphen, a space or nothing ("self-harm" finds "self harm");
   * `*` at the end of a word matches any ending ("neglect*" finds "neglectful");
   * `(a|b)` and `?` work as in regular expressions. A string written `/…/flags` is a
   * regular expression used as it is.
   */
  phrases?: string[];
  /** Acronyms matched case-sensitively as whole words (CSE, MASH, JTAI). */
  acronyms?: string[];
  /** The rule counts only when the sentence also contains one of these phrases. */
  requires?: string[];
  /** A general word that alone is weak evidence: it counts half. */
  weak?: boolean;
  /**
   * The name of a body rather than talk about the theme ("Walsall Safeguarding
   * Children Board", "the LSCB"): it counts a quarter.
   */
  name?: boolean;
}

export interface ThemeDef {
  id: string;
  label: string;
  definition: string;
  /**
   * Related themes share a family (CSE, criminal exploitation, missing). A sentence
   * naming several themes of one family is discussing that family, not listing topics.
   */
  family: string;
  rules: MatchRule[];
  /** Phrases that contain a match but mean something else ("neglected to", "Audit Committee"). */
  exclude?: string[];
}

export interface Taxonomy {
  format: 'safeguarding-lens/themes';
  version: number;
  themes: ThemeDef[];
}

/** The theme ids the product promises; a taxonomy must define every one of them. */
export const THEME_IDS = [
  'neglect',
  'cse',
  'criminal_exploitation',
  'exploitation',
  'early_help',
  'domestic_abuse',
  'missing',
  'online_safety',
  'mental_health',
  'covid',
  'front_door',
  'thresholds',
  'workforce',
  'practice_reviews',
  'education',
  'home_education',
  'looked_after',
  'voice_of_child',
  'disability',
  'transition',
  'governance',
  'quality_assurance',
  'inspection',
] as const;

export type ThemeId = (typeof THEME_IDS)[number];

export interface CompiledRule {
  pattern: RegExp;
  caseSensitive: boolean;
  /** An acronym rule: skipped in sentences written in capitals. */
  acronym: boolean;
  requires?: RegExp;
  weak: boolean;
  name: boolean;
}

export interface CompiledTheme {
  def: ThemeDef;
  rules: CompiledRule[];
  exclude?: RegExp;
}

export interface CompiledTaxonomy {
  themes: CompiledTheme[];
  byId: Map<string, ThemeDef>;
}

const LETTER_OR_DIGIT = '[\\p{L}\\p{N}]';

/** A phrase written as a regular expression, `/…/flags`, rather than in the taxonomy's syntax. */
const REGEXP_PHRASE = /^\/(.+)\/([a-z]*)$/s;
const isRegExpPhrase = (phrase: string) => REGEXP_PHRASE.test(phrase);

/** Regular-expression source for one phrase written in the taxonomy's syntax. */
export function phraseSource(phrase: string): { source: string; flags: string } {
  const re = REGEXP_PHRASE.exec(phrase);
  if (re) return { source: re[1]!, flags: re[2]! };
  let out = '';
  const p = phrase.trim();
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const prev = p[i - 1] ?? ' ';
    if (c === ' ') {
      while (p[i + 1] === ' ') i++;
      out += '[\\s\\u00a0]+';
    } else if (c === '*') out += "[\\p{L}\\p{N}'’-]*";
    else if (c === "'" || c === '’') out += "['’]?";
    else if (c === '-' && /[\p{L}\p{N}]/u.test(prev)) out += '[-‐–\\s]?';
    else if (c === '.' || c === '+' || c === '/' || c === '"' || c === '“') out += c === '.' || c === '+' ? `\\${c}` : c;
    else if (c === '\\') {
      out += c + (p[i + 1] ?? '');
      i++;
    } else out += c;
  }
  // Word edges: a phrase never starts or ends inside a word.
  return { source: `(?<!${LETTER_OR_DIGIT})(?:${out})(?!${LETTER_OR_DIGIT})`, flags: 'i' };
}

function anyOf(phrases: string[]): RegExp {
  // JavaScript has no inline (?i), so a case-sensitive expression is compiled on its own.
  const parts = phrases.map((p) => phraseSource(p));
  const sensitive = parts.some((p) => !p.flags.includes('i'));
  if (sensitive && parts.length > 1) throw new Error('A case-sensitive regular expression must be a rule of its own.');
  return new RegExp(parts.map((p) => `(?:${p.source})`).join('|'), `g${sensitive ? '' : 'i'}u`);
}

function acronymPattern(acronyms: string[]): RegExp {
  const escaped = acronyms.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Compiles match rules; throws with the theme and phrase named if one is not a valid pattern. */
export function compileTaxonomy(tax: Taxonomy): CompiledTaxonomy {
  const themes: CompiledTheme[] = [];
  for (const def of tax.themes) {
    const rules: CompiledRule[] = [];
    for (const rule of def.rules) {
      const requires = rule.requires?.length ? safe(def.id, () => anyOf(rule.requires!)) : undefined;
      const base = { weak: rule.weak === true, name: rule.name === true, ...(requires ? { requires } : {}) };
      if (rule.phrases?.length) {
        // Phrases are joined into one pattern; regular expressions get a rule of their own.
        // Case-sensitive ones must. A `\b` in a case-insensitive Unicode alternation also
        // slows the whole alternation down some thirtyfold in V8 (measured: quality
        // assurance's 40 phrases took 1.15 s over 1 MB with its one /…\b…/i, 35 ms without).
        const written = rule.phrases.filter((p) => !isRegExpPhrase(p));
        const regExps = rule.phrases.filter(isRegExpPhrase);
        if (written.length) rules.push({ pattern: safe(def.id, () => anyOf(written)), caseSensitive: false, acronym: false, ...base });
        for (const r of regExps) {
          const caseSensitive = !phraseSource(r).flags.includes('i');
          rules.push({ pattern: safe(def.id, () => anyOf([r])), caseSensitive, acronym: false, ...base });
        }
      }
      if (rule.acronyms?.length) rules.push({ pattern: acronymPattern(rule.acronyms), caseSensitive: true, acronym: true, ...base });
    }
    const exclude = def.exclude?.length ? safe(def.id, () => anyOf(def.exclude!)) : undefined;
    themes.push({ def, rules, ...(exclude ? { exclude } : {}) });
  }
  return { themes, byId: new Map(tax.themes.map((t) => [t.id, t])) };
}

function safe<T>(themeId: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new Error(`Theme “${themeId}”: a match rule is not a valid pattern (${errorMessage(e)}).`);
  }
}

/** Checks a parsed taxonomy file. Returns plain-language problems; an empty list means it is usable. */
export function validateTaxonomy(raw: unknown): string[] {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null) return ['The theme taxonomy is not a JSON object.'];
  const t = raw as Partial<Taxonomy>;
  if (t.format !== 'safeguarding-lens/themes') problems.push('The theme taxonomy does not say it is in the safeguarding-lens/themes format.');
  if (!Array.isArray(t.themes)) return [...problems, 'The theme taxonomy has no list of themes.'];
  const seen = new Set<string>();
  t.themes.forEach((th, i) => {
    const where = `Theme ${i + 1}${typeof th?.id === 'string' ? ` (“${th.id}”)` : ''}`;
    if (typeof th?.id !== 'string' || !/^[a-z_]+$/.test(th.id)) problems.push(`${where} needs an id of lower-case letters and underscores.`);
    else if (seen.has(th.id)) problems.push(`${where} repeats an id.`);
    else seen.add(th.id);
    if (typeof th?.label !== 'string' || !th.label) problems.push(`${where} needs a label.`);
    if (typeof th?.definition !== 'string' || !th.definition) problems.push(`${where} needs a definition.`);
    if (typeof th?.family !== 'string' || !th.family) problems.push(`${where} needs a family.`);
    if (!Array.isArray(th?.rules) || th.rules.length === 0) problems.push(`${where} needs at least one match rule.`);
    else
      th.rules.forEach((r, k) => {
        const lists = [r.phrases, r.acronyms, r.requires].filter((l) => l !== undefined);
        if (!r.phrases?.length && !r.acronyms?.length) problems.push(`${where}, rule ${k + 1}, has neither phrases nor acronyms.`);
        if (lists.some((l) => !Array.isArray(l) || l.some((s) => typeof s !== 'string' || !s.trim()))) problems.push(`${where}, rule ${k + 1}, has a list that is not of non-empty strings.`);
        for (const a of r.acronyms ?? []) if (typeof a === 'string' && a !== a.trim()) problems.push(`${where}: the acronym “${a}” has spaces around it.`);
        for (const flag of ['weak', 'name'] as const) if (r[flag] !== undefined && typeof r[flag] !== 'boolean') problems.push(`${where}, rule ${k + 1}: “${flag}” must be true or false.`);
      });
  });
  for (const id of THEME_IDS) if (!seen.has(id)) problems.push(`The theme taxonomy has no theme “${id}”.`);
  if (problems.length === 0) {
    try {
      compileTaxonomy(t as Taxonomy);
    } catch (e) {
      problems.push(errorMessage(e));
    }
  }
  return problems;
}

/** Validates and compiles; throws with every problem listed. */
export function loadTaxonomy(raw: unknown): { taxonomy: Taxonomy; compiled: CompiledTaxonomy } {
  const problems = validateTaxonomy(raw);
  if (problems.length) throw new Error(`The theme taxonomy cannot be used: ${problems.join(' ')}`);
  const taxonomy = raw as Taxonomy;
  return { taxonomy, compiled: compileTaxonomy(taxonomy) };
}
