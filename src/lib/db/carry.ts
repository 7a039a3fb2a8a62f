/**
 * The imported records a view draws on, for carrying them with a shared link: only
 * the figures, areas, indicators, documents and priorities in the scope the view
 * names, and only where they come from an import (what is bundled, the recipient
 * has already).
 */
import { mergeSeries } from '../model/series';
import type { Area, AreaCode, Indicator, Observation, Period, Priority, SourceDocument, ThemeLinkEdit } from '../model/types';
import { BUNDLED, USER_EDITS } from './bundled';
import type { LensDb } from './database';
import { seriesInPrecedence } from './queries';

export interface CarryRange {
  from?: Period;
  to?: Period;
}

/** What a view shows, as far as carrying goes. */
export interface CarryScope {
  /** Areas the view names: those an import brought (custom areas) travel even without figures. */
  areas?: readonly AreaCode[];
  /** Indicators whose figures the view draws, for every area, in a range of years. */
  figures: ({ indicatorId: string } & CarryRange)[];
  /** Documents (with their text) of these areas in a range of years. */
  documents?: { areas: readonly AreaCode[] } & CarryRange;
  /** Priorities of these areas in a range of years. */
  priorities?: { areas: readonly AreaCode[] } & CarryRange;
  /** The user's theme links (said and seen reads figures through them). */
  themeLinks?: boolean;
}

export interface CarrySelection {
  areas: Area[];
  indicators: Indicator[];
  observations: Observation[];
  documents: SourceDocument[];
  priorities: Priority[];
  /** The user's choices of which measures show a theme. */
  themeLinks: ThemeLinkEdit[];
  /** File names of the imports the records come from, for the description. */
  sources: string[];
}

const inRange = (r: CarryRange, p: Period) => (r.from === undefined || p >= r.from) && (r.to === undefined || p <= r.to);

/**
 * The imported records in `scope`, as the view shows them: a figure is carried when
 * the figure the view draws (the latest import winning) comes from an import. Null
 * when the view uses nothing imported.
 */
export async function collectCarried(db: LensDb, scope: CarryScope): Promise<CarrySelection | null> {
  const observations: Observation[] = [];
  for (const f of scope.figures) {
    const series = await seriesInPrecedence(db, f.indicatorId);
    if (series.every((s) => s.importId === BUNDLED)) continue;
    const merged = mergeSeries(series, { ...(f.from !== undefined ? { from: f.from } : {}), ...(f.to !== undefined ? { to: f.to } : {}) });
    for (const o of merged) if (o.importId !== BUNDLED) observations.push(o);
  }
  observations.sort((a, b) => a.indicatorId.localeCompare(b.indicatorId) || a.areaCode.localeCompare(b.areaCode) || a.period - b.period);

  const imported = (x: { importId: string }) => x.importId !== BUNDLED;
  const documents: SourceDocument[] = [];
  if (scope.documents) {
    const d = scope.documents;
    const rows = d.areas.length ? await db.documents.where('areaCode').anyOf([...d.areas]).toArray() : [];
    documents.push(...rows.filter((x) => imported(x) && inRange(d, x.period)));
  }
  const priorities: Priority[] = [];
  if (scope.priorities) {
    const r = scope.priorities;
    const rows = r.areas.length ? await db.priorities.where('areaCode').anyOf([...r.areas]).toArray() : [];
    // Priorities the user added or edited ('user') are theirs, not bundled: they travel too.
    priorities.push(...rows.filter((x) => imported(x) && !x.removed && inRange(r, x.period)));
  }
  const named = (await db.areas.bulkGet([...(scope.areas ?? [])])).filter((a): a is Area => a !== undefined && imported(a));
  const indicatorIds = [...new Set(observations.map((o) => o.indicatorId))];
  const themeLinks = scope.themeLinks ? await carriedThemeLinks(db, new Set(indicatorIds)) : [];
  if (!observations.length && !documents.length && !priorities.length && !named.length && !themeLinks.length) return null;

  const areaCodes = [...new Set([...named.map((a) => a.code), ...observations.map((o) => o.areaCode), ...documents.map((d) => d.areaCode), ...priorities.map((p) => p.areaCode)])];
  const [indicators, areas] = await Promise.all([db.indicators.bulkGet(indicatorIds), db.areas.bulkGet(areaCodes)]);
  const importIds = new Set([...observations, ...documents, ...priorities].map((x) => x.importId));
  const imports = await db.imports.bulkGet([...importIds]);
  return {
    indicators: indicators.filter((i): i is Indicator => i !== undefined && imported(i)),
    areas: areas.filter((a): a is Area => a !== undefined && imported(a)),
    observations,
    documents,
    priorities,
    themeLinks,
    sources: imports.flatMap((i) => (i ? [i.fileName] : [])),
  };
}

/**
 * The user's theme links that make sense to the recipient: those of bundled indicators
 * (a link made or a bundled one removed) and of the indicators carried with them; a
 * link to an indicator that stays behind would name the sender's library for nothing.
 */
async function carriedThemeLinks(db: LensDb, carried: ReadonlySet<string>): Promise<ThemeLinkEdit[]> {
  const edits = await db.themeLinks.where('importId').equals(USER_EDITS).toArray();
  const indicators = await db.indicators.bulkGet(edits.map((e) => e.indicatorId));
  return edits.filter((e, i) => carried.has(e.indicatorId) || indicators[i]?.importId === BUNDLED).sort((a, b) => a.id.localeCompare(b.id));
}
