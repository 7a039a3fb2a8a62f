/**
 * Which measures show each theme in the published figures: the bundled links
 * (data/theme-links.json, beside the taxonomy) with the user's edits applied. Pure
 * functions, so a view model can combine what the database holds
 * (db/theme-links.ts) without knowing how the links are kept.
 */
import raw from '../../../data/theme-links.json';
import type { ThemeLinkEdit } from '../model/types';

export const THEME_LINKS_FORMAT = 'safeguarding-lens/theme-links';

export interface ThemeLinkEntry {
  theme: string;
  /** Indicator ids, in the order they are best read. */
  measures: string[];
  /** What the measures show, or why none is bundled. */
  why: string;
  /**
   * Measures of this theme with no better or worse direction of their own (polarity
   * neither) whose higher figure shows more of the theme: a factor found in more
   * assessments. Only such a direction lets a difference from England be read as
   * more of the theme (said and seen).
   */
  higherShowsMore?: string[];
}

export interface ThemeLinks {
  themes: ThemeLinkEntry[];
}

/** Checks a links file against the taxonomy's theme ids and the bundled indicator ids: every theme once, every measure known. */
export function validateThemeLinks(json: unknown, themeIds: readonly string[], indicatorIds: ReadonlySet<string>): { links: ThemeLinks; problems: string[] } {
  const problems: string[] = [];
  const obj = json as { format?: unknown; themes?: unknown };
  if (!obj || obj.format !== THEME_LINKS_FORMAT || !Array.isArray(obj.themes)) return { links: { themes: [] }, problems: [`not a ${THEME_LINKS_FORMAT} file`] };
  const themes: ThemeLinkEntry[] = [];
  for (const [i, t] of (obj.themes as unknown[]).entries()) {
    const e = t as Partial<ThemeLinkEntry>;
    if (typeof e?.theme !== 'string' || !Array.isArray(e.measures) || typeof e.why !== 'string' || !e.why.trim()) {
      problems.push(`themes item ${i + 1}: needs theme, measures (a list) and why`);
      continue;
    }
    if (!themeIds.includes(e.theme)) problems.push(`themes item ${i + 1}: “${e.theme}” is not a theme of the taxonomy`);
    if (themes.some((x) => x.theme === e.theme)) problems.push(`themes item ${i + 1}: “${e.theme}” is listed twice`);
    for (const m of e.measures) if (typeof m !== 'string' || !indicatorIds.has(m)) problems.push(`${e.theme}: “${String(m)}” is not a bundled indicator`);
    const more = e.higherShowsMore === undefined ? [] : Array.isArray(e.higherShowsMore) ? e.higherShowsMore : null;
    if (!more) problems.push(`${e.theme}: higherShowsMore must be a list`);
    for (const m of more ?? []) if (!e.measures.includes(m)) problems.push(`${e.theme}: higherShowsMore names “${String(m)}”, which is not one of its measures`);
    themes.push({
      theme: e.theme,
      measures: e.measures.filter((m): m is string => typeof m === 'string'),
      why: e.why,
      ...(more?.length ? { higherShowsMore: more.filter((m): m is string => typeof m === 'string') } : {}),
    });
  }
  for (const id of themeIds) if (!themes.some((t) => t.theme === id)) problems.push(`the theme “${id}” has no entry (say why none is bundled if so)`);
  return { links: { themes }, problems };
}

/** The bundled links, as shipped (checked by a unit test against the taxonomy and the bundle). */
export function bundledThemeLinks(): ThemeLinks {
  return { themes: (raw as { themes: ThemeLinkEntry[] }).themes };
}

export interface LinkedMeasure {
  indicatorId: string;
  /** Where the link comes from: the bundled links, or the user. */
  origin: 'bundled' | 'user';
  /** The bundled links say a higher figure shows more of the theme (see ThemeLinkEntry). */
  higherShowsMore?: boolean;
}

export interface ThemeMeasures {
  themeId: string;
  /** Measures that show the theme, bundled first in their order, then the user's. */
  measures: LinkedMeasure[];
  /** Bundled links the user removed. */
  unlinked: string[];
  /** What the bundled measures show, or why none is bundled. */
  why: string;
}

/**
 * Each theme's measures: the bundled links, less those the user unlinked, plus those
 * the user linked. `held`, when given, keeps only indicators the database holds (an
 * imported indicator whose import was undone drops out, and comes back with the
 * edit intact when it is imported again).
 */
export function themeMeasures(links: ThemeLinks, edits: readonly ThemeLinkEdit[], held?: ReadonlySet<string>): Map<string, ThemeMeasures> {
  const out = new Map<string, ThemeMeasures>();
  const ok = (id: string) => !held || held.has(id);
  for (const t of links.themes) out.set(t.theme, { themeId: t.theme, measures: [], unlinked: [], why: t.why });
  const edit = new Map(edits.map((e) => [e.id, e]));
  for (const t of links.themes) {
    const entry = out.get(t.theme)!;
    for (const m of t.measures) {
      if (edit.get(linkId(t.theme, m))?.linked === false) entry.unlinked.push(m);
      else if (ok(m)) entry.measures.push({ indicatorId: m, origin: 'bundled', ...(t.higherShowsMore?.includes(m) ? { higherShowsMore: true } : {}) });
    }
  }
  for (const e of [...edits].sort((a, b) => a.editedAt.localeCompare(b.editedAt))) {
    const entry = out.get(e.themeId);
    if (!entry || !e.linked || !ok(e.indicatorId) || entry.measures.some((m) => m.indicatorId === e.indicatorId)) continue;
    entry.measures.push({ indicatorId: e.indicatorId, origin: 'user' });
  }
  return out;
}

/** The themes a measure shows, in taxonomy order. */
export function themesOfMeasure(measures: ReadonlyMap<string, ThemeMeasures>, indicatorId: string): string[] {
  return [...measures.values()].filter((t) => t.measures.some((m) => m.indicatorId === indicatorId)).map((t) => t.themeId);
}

export function linkId(themeId: string, indicatorId: string): string {
  return `${themeId}|${indicatorId}`;
}
