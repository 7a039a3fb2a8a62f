import type { Period } from '../model/types';
import type { View } from './url-codec';

/** Parameters whose default depends on the data held: the years a view resolved them to. */
export interface ResolvedYears {
  from?: Period;
  to?: Period;
  year?: Period;
}

/**
 * What the page on screen resolved from the data for parameters that have no fixed
 * default (`from`, `to`, `year`), so that a link made with Share names the years the
 * sender saw rather than "whatever is latest" when the recipient opens it.
 */
class ShownView {
  #view = $state.raw<View | null>(null);
  #years = $state.raw<ResolvedYears>({});

  /** Called by a view once it has resolved `view` against the data. */
  pin(view: View, years: ResolvedYears): void {
    this.#view = view;
    this.#years = years;
  }

  /**
   * `view` with the years the page resolved for it filled in where the view leaves them
   * out, if the page on screen has resolved this very view; otherwise `view` as it is.
   */
  resolve(view: View): View {
    if (this.#view !== view || (view.name !== 'compare' && view.name !== 'themes')) return view;
    const years = view.name === 'compare' ? this.#years : { from: this.#years.from, to: this.#years.to };
    const filled: ResolvedYears = {};
    for (const key of ['from', 'to', 'year'] as const) if (view[key as keyof View] === undefined && years[key] !== undefined) filled[key] = years[key];
    return { ...view, ...filled };
  }
}

export const shownView = new ShownView();
