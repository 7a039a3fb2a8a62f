/**
 * The statistical neighbours a view shows (Compare, Area): whose and from which
 * model (from the link), the model's links for that authority, and their average
 * as a benchmark for the ranking and as a line for the trend chart.
 */
import type { LineSpec } from '../charts/trend-data';
import type { LensDb } from '../db/database';
import { live, type Live } from '../db/live.svelte';
import { getNeighbourModel, listNeighbourModels } from '../db/queries';
import type { Area, AreaCode, NeighbourLink, NeighbourModel, Observation } from '../model/types';
import { neighbourAverageSeries, type AverageMethod, type NeighbourGroup } from '../stats/benchmarks';
import { chooseNeighbours, neighbourLineCode, neighbourLinks, neighboursDescription, NEIGHBOURS_LABEL, type NeighbourChoice } from '../state/neighbours';

export interface NeighbourDeps {
  /** The link's `neighbours`, `neighboursOf` and `average`. */
  view: { neighbours?: string | undefined; neighboursOf?: AreaCode | undefined; average?: AverageMethod | undefined };
  /** The areas on screen: the neighbours are those of one of their authorities. */
  chosen: readonly Area[];
}

export class NeighboursModel {
  /** Which model, and whose neighbours. */
  choice: NeighbourChoice;
  links: NeighbourLink[];
  /** Whose neighbours, which, and how their average is named; undefined when none are shown. */
  group: NeighbourGroup | undefined;
  /** The neighbours' average as a trend line. */
  lineSpec: LineSpec | undefined;
  readonly #model: Live<NeighbourModel | null>;
  /** The models held, so a link naming another is reported (state/neighbours.ts). */
  readonly #models: Live<{ id: string }[]>;

  constructor(db: LensDb, deps: () => NeighbourDeps) {
    this.#models = live(
      () => null,
      () => listNeighbourModels(db),
    );
    this.choice = $derived(chooseNeighbours(deps().view, deps().chosen, this.#models.current));
    this.#model = live(
      () => this.choice.modelId,
      (id) => (id ? getNeighbourModel(db, id).then((m) => m ?? null) : Promise.resolve(null)),
    );
    this.links = $derived(neighbourLinks(this.#model.current, this.choice.of));
    this.group = $derived.by(() => {
      const { of } = this.choice;
      const model = this.#model.current;
      const average = deps().view.average ?? 'mean';
      return of && model && this.links.length
        ? { of, links: this.links, label: NEIGHBOURS_LABEL, description: neighboursDescription(of, this.links.length, model.label, average), average }
        : undefined;
    });
    this.lineSpec = $derived(this.group ? { code: neighbourLineCode(this.group.of), label: NEIGHBOURS_LABEL, role: 'neighbours' } : undefined);
  }

  get error(): Error | undefined {
    return this.#model.error;
  }

  /** The neighbours' codes, to read their figures with the chosen areas'. */
  get codes(): AreaCode[] {
    return this.links.map((l) => l.code);
  }

  /** The observations with the neighbours' average for each year added, as its line's. */
  withAverage(observations: Observation[], indicatorId: string): Observation[] {
    if (!this.group) return observations;
    return [...observations, ...neighbourAverageSeries(observations, this.links, neighbourLineCode(this.group.of), indicatorId, this.group.average)];
  }
}
