/**
 * Everything the Themes view shows, read live from the database: the chosen areas'
 * documents, theme mentions and priorities, the years they cover, the heatmap and
 * its sentence, the priorities timeline, the evidence of an open cell, the open
 * document, and the priority being read or edited. Edits go to the database from
 * here; the view renders and hands user changes to `update`.
 */
import { buildHeatmap, heatmapSummary, type HeatmapData } from '../../charts/theme-heatmap-data';
import { USER_EDITS } from '../../db/bundled';
import type { LensDb } from '../../db/database';
import { live, type Live } from '../../db/live.svelte';
import { listAreas } from '../../db/queries';
import { getDocument, listDocumentHeads, listPriorities, listThemeMentions, removePriority, savePriority } from '../../db/theme-queries';
import { formatPeriod, periodRange } from '../../model/period';
import type { Area, AreaCode, EvidenceSnippet, Period, Priority, SourceDocument, ThemeMention } from '../../model/types';
import { DEFAULT_NEIGHBOURS, type ThemesView } from '../../state/url-codec';
import type { AreaYear } from '../../stats/area-year';
import { defaultTaxonomy } from '../../themes/default-taxonomy';
import { evidenceFor, prioritiesByCell, yearExtent, type DocumentHead } from '../../themes/evidence';
import { matchSpan } from '../../themes/match';
import type { Indicator } from '../../model/types';
import { SaidSeenModel } from '../said-seen/said-seen-model.svelte';

export interface ThemesDeps {
  view: ThemesView;
  /** Writes a changed view to the URL. */
  onchange: (view: ThemesView) => void;
}

type PriorityFields = Pick<Priority, 'areaCode' | 'period' | 'label' | 'themeIds'>;

export class ThemesModel {
  /** Every theme of the taxonomy, as the heatmap's columns. */
  readonly columns: { id: string; label: string }[];
  readonly themeLabel: ReadonlyMap<string, string>;
  areasByCode: ReadonlyMap<AreaCode, Area>;
  /** Every area, for the area picker (which puts its matches in order). */
  areas: readonly Area[];
  /** The link's areas that exist, in its order. */
  chosen: Area[];
  rows: { code: AreaCode; label: string }[];
  /** Every year with a document or priority of the chosen areas, and the link's years. */
  allYears: Period[];
  from: Period;
  to: Period;
  /** Documents of the chosen areas in the years, by area and year. */
  documents: DocumentHead[];
  heatmap: HeatmapData;
  heatmapSummary: string;
  /** The timeline's chips by `${areaCode}|${year}`. */
  chips: ReadonlyMap<string, { id: string; label: string; themeIds: string[]; userEdited: boolean }[]>;
  problems: string[];
  /** The theme the link highlights, if it is one. */
  theme: string | undefined;
  /** The heatmap cell whose evidence is open. */
  cell: { areaCode: AreaCode; themeId: string } | undefined;
  cellHeading: string;
  cellEvidence: { doc: DocumentHead; evidence: EvidenceSnippet[] }[];
  /** The figures linked to the open cell's theme for its area and the years, beside its sentences. */
  cellFigures: { indicator: Indicator; years: AreaYear[] }[];
  /** Why no figure is linked to the open cell's theme, when none is. */
  cellNoFigures: string | undefined;
  /** Said and seen for the chosen areas over the years, and the theme links with the user's edits. */
  saidSeen: SaidSeenModel;
  /** The document open in full; `missing` when it is no longer held. */
  openDocument: { doc: SourceDocument | undefined; missing: boolean };
  /** The selection in words, for presentation mode. */
  selectionText: [string, string][];
  /** The priority chosen on the timeline, and whether the add form is open. */
  selectedPriority: string | undefined = $state();
  adding = $state(false);
  priority: Priority | undefined;
  priorityDocument: DocumentHead | undefined;
  readonly #deps: () => ThemesDeps;
  readonly #compiled: ReturnType<typeof defaultTaxonomy>['compiled'];
  readonly #db: LensDb;
  readonly #queries: [Live<Area[]>, Live<DocumentHead[]>, Live<Priority[]>, Live<ThemeMention[]>, Live<SourceDocument | undefined>];

  constructor(db: LensDb, deps: () => ThemesDeps) {
    this.#db = db;
    this.#deps = deps;
    const { taxonomy, compiled } = defaultTaxonomy();
    this.#compiled = compiled;
    this.columns = taxonomy.themes.map((t) => ({ id: t.id, label: t.label }));
    this.themeLabel = new Map(this.columns.map((c) => [c.id, c.label]));
    const view = () => deps().view;

    const areasQ = live(
      () => null,
      () => listAreas(db),
    );
    // Every document and priority of the chosen areas: the year choices come from them.
    const docsQ = live(
      () => [...view().areas],
      (areas) => listDocumentHeads(db, { areas }),
    );
    const prioritiesQ = live(
      () => [...view().areas],
      (areas) => listPriorities(db, { areas }),
    );
    const mentionsQ = live(
      () => [...view().areas],
      (areas) => listThemeMentions(db, { areas }),
    );
    const documentQ = live(
      () => view().doc,
      (id) => (id ? getDocument(db, id) : Promise.resolve(undefined)),
    );
    this.#queries = [areasQ, docsQ, prioritiesQ, mentionsQ, documentQ];

    this.areasByCode = $derived(new Map((areasQ.current ?? []).map((a) => [a.code, a])));
    this.areas = $derived(areasQ.current ?? []);
    this.chosen = $derived(view().areas.map((c) => this.areasByCode.get(c)).filter((a) => a !== undefined));
    this.rows = $derived(this.chosen.map((a) => ({ code: a.code, label: a.name })));

    const extent: [Period, Period] = $derived(yearExtent([...(docsQ.current ?? []), ...(prioritiesQ.current ?? [])]) ?? [2017, 2025]);
    this.allYears = $derived(periodRange(Math.min(extent[0], view().from ?? extent[0]), Math.max(extent[1], view().to ?? extent[1])));
    this.from = $derived(view().from ?? extent[0]);
    this.to = $derived(view().to ?? extent[1]);
    const inRange = (p: Period) => p >= this.from && p <= this.to;

    this.documents = $derived((docsQ.current ?? []).filter((d) => inRange(d.period)));
    const mentions = $derived((mentionsQ.current ?? []).filter((m) => inRange(m.period)));
    this.heatmap = $derived.by(() => {
      const perArea = new Map<AreaCode, number>();
      for (const d of this.documents) perArea.set(d.areaCode, (perArea.get(d.areaCode) ?? 0) + 1);
      return buildHeatmap(mentions, perArea, this.rows, this.columns);
    });
    this.heatmapSummary = $derived(heatmapSummary(this.heatmap));
    this.chips = $derived(
      new Map(
        [...prioritiesByCell((prioritiesQ.current ?? []).filter((p) => inRange(p.period)))].map(([k, list]) => [
          k,
          list.map((p) => ({ id: p.id, label: p.label, themeIds: p.themeIds, userEdited: p.userEdited === true })),
        ]),
      ),
    );

    this.problems = $derived([
      ...(view().theme !== undefined && !this.themeLabel.has(view().theme!) ? [`There is no theme “${view().theme}”, so no theme is chosen.`] : []),
      ...(areasQ.current ? view().areas.filter((c) => !this.areasByCode.has(c)).map((c) => `No area has the code ${c}.`) : []),
    ]);
    this.theme = $derived(view().theme !== undefined && this.themeLabel.has(view().theme!) ? view().theme : undefined);
    this.cell = $derived(this.theme && view().area ? { areaCode: view().area!, themeId: this.theme } : undefined);
    this.cellEvidence = $derived(this.cell ? evidenceFor(mentions, this.documents, this.cell.areaCode, this.cell.themeId) : []);
    // The 2025 statistical neighbours, as on Compare and the area page by default; Themes' link names no model.
    this.saidSeen = new SaidSeenModel(db, () => ({ areas: this.chosen, neighbourModel: DEFAULT_NEIGHBOURS, from: this.from, to: this.to, level: view().level ?? 95, average: view().average ?? 'mean' }));
    this.cellFigures = $derived(this.cell ? this.saidSeen.figuresFor(this.cell.areaCode, this.cell.themeId, this.from, this.to) : []);
    this.cellNoFigures = $derived(this.cell && !this.cellFigures.length ? this.saidSeen.links.get(this.cell.themeId)?.why : undefined);
    this.cellHeading = $derived(
      this.cell
        ? `${this.themeLabel.get(this.cell.themeId)} in ${this.areasByCode.get(this.cell.areaCode)?.name ?? this.cell.areaCode}, ${formatPeriod(this.from)} to ${formatPeriod(this.to)}`
        : '',
    );
    this.openDocument = $derived({ doc: documentQ.current, missing: documentQ.current === undefined && !documentQ.isLoading });
    this.selectionText = $derived([
      ['Areas', this.chosen.map((a) => a.name).join(', ') || 'none chosen'],
      ['Years', `${formatPeriod(this.from)} to ${formatPeriod(this.to)}`],
      ['Theme highlighted', this.theme ? (this.themeLabel.get(this.theme) ?? this.theme) : 'none'],
    ]);
    this.priority = $derived(this.selectedPriority ? (prioritiesQ.current ?? []).find((p) => p.id === this.selectedPriority) : undefined);
    this.priorityDocument = $derived(this.priority?.documentId ? (docsQ.current ?? []).find((d) => d.id === this.priority!.documentId) : undefined);
  }

  /** True until every query has answered once. */
  get loading(): boolean {
    return this.#queries.slice(0, 4).some((q) => q.current === undefined);
  }

  /** The first query that failed, if any: the view says so once. */
  get error(): Error | undefined {
    return this.#queries.map((q) => q.error).find((e) => e !== undefined) ?? this.saidSeen.error;
  }

  /** The areas the priority editor offers: the chosen ones, and the priority's own if it is not among them. */
  editorAreas(p: Priority): { code: AreaCode; label: string }[] {
    return this.rows.some((r) => r.code === p.areaCode) ? this.rows : [...this.rows, { code: p.areaCode, label: this.areasByCode.get(p.areaCode)?.name ?? p.areaCode }];
  }

  /** Themes whose phrases a priority's words match, offered while it is typed. */
  suggestThemes = (label: string): string[] => [...new Set(matchSpan(this.#compiled, label, 0, label.length).map((m) => m.themeId))];

  /** Writes a change, keeping what the user set explicitly; `drop` removes parameters. */
  update(patch: Partial<ThemesView>, drop: (keyof ThemesView)[] = []): void {
    const { view, onchange } = this.#deps();
    const next: ThemesView = { ...view, ...patch };
    for (const k of drop) delete next[k];
    onchange(next);
  }

  selectPriority(id: string): void {
    this.selectedPriority = this.selectedPriority === id ? undefined : id;
    this.adding = false;
  }

  toggleAdding(): void {
    this.adding = !this.adding;
    this.selectedPriority = undefined;
  }

  async saveEdit(p: Priority, patch: PriorityFields): Promise<void> {
    await savePriority(this.#db, { ...p, ...patch });
    this.selectedPriority = p.id;
  }

  async saveNew(patch: PriorityFields): Promise<void> {
    const id = `user:${crypto.randomUUID()}`;
    await savePriority(this.#db, { id, ...patch, importId: USER_EDITS });
    this.adding = false;
    this.selectedPriority = id;
  }

  async remove(p: Priority): Promise<void> {
    await removePriority(this.#db, p.id);
    this.selectedPriority = undefined;
  }
}
