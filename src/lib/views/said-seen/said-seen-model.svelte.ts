/**
 * The said-and-seen rows of some areas (one on its page, the chosen ones on Themes),
 * read live: their documents, theme mentions, priorities and inspections, the theme
 * links with the user's edits, and every linked measure's figures for the areas,
 * England and each area's statistical neighbours. Imported documents, priorities and
 * indicators take part as they arrive. Also the links themselves ("How themes are
 * linked to figures") and the user's changes to them.
 */
import type { LensDb } from '../../db/database';
import { live, type Live } from '../../db/live.svelte';
import { getObservationsOfMany } from '../../db/observations-of-many';
import { getNeighbourModel, listIndicators, listInspections } from '../../db/queries';
import { listThemeLinkEdits, resetThemeLink, setThemeLink } from '../../db/theme-links';
import { listDocumentHeads, listPriorities, listThemeMentions } from '../../db/theme-queries';
import { ENGLAND } from '../../model/england';
import type { Inspection } from '../../model/inspections';
import type { Area, AreaCode, Indicator, NeighbourModel, Observation, Period, Priority, ThemeLinkEdit, ThemeMention } from '../../model/types';
import { readAreaYear, type AreaYear, type ReadingOptions } from '../../stats/area-year';
import { neighbourLinks } from '../../state/neighbours';
import { encodeHash } from '../../state/url-codec';
import type { DocumentHead } from '../../themes/evidence';
import { bundledThemeLinks, themeMeasures, type ThemeMeasures } from '../../themes/measure-links';
import { loadThemeLabels, type ThemeLabel } from '../../themes/theme-labels';
import { saidSeenRows, type SaidSeenRow } from './said-seen';

export interface SaidSeenDeps {
  areas: readonly Area[];
  /** The statistical neighbour model whose average is shown; null for none. */
  neighbourModel: string | null;
  /** Years said is read in; figures up to `to`. Absent: every year held. */
  from?: Period | undefined;
  to?: Period | undefined;
  /** The link's `level` and `average`: every comparison's level (absent: 95%) and the neighbours' mean or median (absent: mean). */
  level?: ReadingOptions['level'];
  average?: ReadingOptions['average'];
}

interface AreaRecords {
  priorities: Priority[];
  mentions: ThemeMention[];
  documents: DocumentHead[];
  inspections: Inspection[];
}

export class SaidSeenModel {
  themes: ThemeLabel[] = $state.raw([]);
  /** Each theme's measures: the bundled links with the user's edits, indicators held only. */
  links: ReadonlyMap<string, ThemeMeasures>;
  indicators: ReadonlyMap<string, Indicator>;
  /** One row per area and theme, areas in the order given, themes in taxonomy order. */
  rows: SaidSeenRow[];
  /** "How themes are linked to figures": each theme's measures, those the user unlinked, and why when none. */
  linkSentences: { themeId: string; label: string; why: string; measures: { id: string; label: string; origin: 'bundled' | 'user' }[]; unlinked: { id: string; label: string }[] }[];
  readonly #db: LensDb;
  readonly #edits: Live<ThemeLinkEdit[]>;
  readonly #indicators: Live<Indicator[]>;
  readonly #records: Live<AreaRecords>;
  readonly #neighbourModel: Live<NeighbourModel | null>;
  readonly #observations: Live<Map<string, Observation[]>>;
  #neighboursOf: ReadonlyMap<AreaCode, AreaCode[]>;
  readonly #reading: () => ReadingOptions;

  constructor(db: LensDb, deps: () => SaidSeenDeps) {
    this.#db = db;
    this.#reading = () => ({ level: deps().level, average: deps().average });
    void loadThemeLabels().then((t) => (this.themes = t));
    this.#edits = live(
      () => null,
      () => listThemeLinkEdits(db),
    );
    this.#indicators = live(
      () => null,
      () => listIndicators(db),
    );
    this.indicators = $derived(new Map((this.#indicators.current ?? []).map((i) => [i.id, i])));
    this.links = $derived(themeMeasures(bundledThemeLinks(), this.#edits.current ?? [], new Set(this.indicators.keys())));

    const codes = $derived(deps().areas.map((a) => a.code));
    this.#records = live(
      () => [...codes],
      async (areas) => {
        const [priorities, mentions, documents, inspections] = await Promise.all([
          listPriorities(db, { areas }),
          listThemeMentions(db, { areas }),
          listDocumentHeads(db, { areas }),
          Promise.all(areas.map((c) => listInspections(db, c))),
        ]);
        return { priorities, mentions, documents, inspections: inspections.flatMap((i) => i.inspections) };
      },
    );
    this.#neighbourModel = live(
      () => deps().neighbourModel,
      (id) => (id ? getNeighbourModel(db, id).then((m) => m ?? null) : Promise.resolve(null)),
    );
    const neighboursOf = $derived(
      new Map(deps().areas.map((a) => [a.code, a.level === 'local_authority' ? neighbourLinks(this.#neighbourModel.current, a).map((l) => l.code) : []])),
    );
    this.#neighboursOf = $derived(neighboursOf);
    const measureIds = $derived([...new Set([...this.links.values()].flatMap((t) => t.measures.map((m) => m.indicatorId)))].sort());
    this.#observations = live(
      () => ({ ids: measureIds, areas: [...new Set([...codes, ENGLAND, ...[...neighboursOf.values()].flat()])].sort() }),
      ({ ids, areas }) => getObservationsOfMany(db, ids, areas),
    );

    this.rows = $derived.by(() => {
      const records = this.#records.current;
      const observations = this.#observations.current;
      if (!records || !observations || !this.themes.length || !this.#indicators.current) return [];
      const { from, to, level, average } = deps();
      // The evidence opens on Themes with the same level and average, so its said-and-seen reads the same.
      const same = { ...(level !== undefined ? { level } : {}), ...(average !== undefined ? { average } : {}) };
      return deps().areas.flatMap((area) =>
        saidSeenRows({
          area,
          themes: this.themes,
          links: this.links,
          indicators: this.indicators,
          observations,
          neighbourCodes: neighboursOf.get(area.code) ?? [],
          priorities: records.priorities.filter((p) => p.areaCode === area.code),
          mentions: records.mentions.filter((m) => m.areaCode === area.code),
          documents: records.documents.filter((d) => d.areaCode === area.code),
          inspections: records.inspections.filter((i) => i.areaCode === area.code),
          from,
          to,
          level,
          average,
          href: {
            sentence: (p) => encodeHash({ name: 'themes', areas: [p.areaCode], from: p.period, to: p.period, theme: p.themeId, doc: p.documentId, at: p.start, ...same }),
            cell: (p) => encodeHash({ name: 'themes', areas: [p.areaCode], from: p.period, to: p.period, theme: p.themeId, area: p.areaCode, ...same }),
          },
        }),
      );
    });

    const label = (id: string) => this.indicators.get(id)?.shortLabel ?? id;
    this.linkSentences = $derived(
      this.themes.map((t) => {
        const m = this.links.get(t.id) ?? { themeId: t.id, measures: [], unlinked: [], why: '' };
        return {
          themeId: t.id,
          label: t.label,
          why: m.why,
          measures: m.measures.map((x) => ({ id: x.indicatorId, label: label(x.indicatorId), origin: x.origin })),
          unlinked: m.unlinked.map((id) => ({ id, label: label(id) })),
        };
      }),
    );
  }

  /** True until every query has answered once. */
  get loading(): boolean {
    return this.rows.length === 0 && !this.error;
  }

  /** The first query that failed, if any. */
  get error(): Error | undefined {
    return this.#edits.error ?? this.#indicators.error ?? this.#records.error ?? this.#neighbourModel.error ?? this.#observations.error;
  }

  /**
   * The figures of a theme's linked measures for one area, year by year (those held
   * from `from` to `to`), against England and the neighbours: what the Themes
   * heatmap's evidence panel shows beside the sentences.
   */
  figuresFor(areaCode: AreaCode, themeId: string, from: Period, to: Period): { indicator: Indicator; years: AreaYear[] }[] {
    const observations = this.#observations.current;
    const measures = this.links.get(themeId)?.measures ?? [];
    if (!observations) return [];
    const neighbours = this.#neighboursOf.get(areaCode) ?? [];
    const reading = this.#reading();
    return measures.flatMap((m) => {
      const indicator = this.indicators.get(m.indicatorId);
      if (!indicator) return [];
      const obs = observations.get(m.indicatorId) ?? [];
      const years: AreaYear[] = [];
      for (let p = from; p <= to; p++) {
        const y = readAreaYear(indicator.unit, obs, areaCode, p, neighbours, reading);
        if (y) years.push(y);
      }
      return [{ indicator, years }];
    });
  }

  /** Every indicator held that is not an Ofsted judgement's or a count: what a theme can be linked to. */
  get linkable(): Indicator[] {
    return [...this.indicators.values()].filter((i) => i.unit !== 'count').sort((a, b) => a.shortLabel.localeCompare(b.shortLabel));
  }

  link(themeId: string, indicatorId: string): Promise<void> {
    return setThemeLink(this.#db, themeId, indicatorId, true);
  }
  unlink(themeId: string, indicatorId: string, origin: 'bundled' | 'user'): Promise<void> {
    // A link the user made is forgotten; a bundled one is kept as removed, so a new bundle does not bring it back.
    return origin === 'user' ? resetThemeLink(this.#db, themeId, indicatorId) : setThemeLink(this.#db, themeId, indicatorId, false);
  }
  relink(themeId: string, indicatorId: string): Promise<void> {
    return resetThemeLink(this.#db, themeId, indicatorId);
  }
}
