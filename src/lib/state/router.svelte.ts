import { decodeHash, DEFAULT_LINK, encodeHash, type LinkParams, type View } from './url-codec';

/**
 * The current view, read from and written to `location.hash`.
 * Selection changes replace the history entry (so Back leaves the view rather than
 * undoing every click); moving to another view adds one.
 */
export class Router {
  view = $state.raw<View>({ name: 'data' });
  /** Problems with the link as opened; cleared once the user changes the view. */
  problems = $state.raw<string[]>([]);
  /** Version, data edition and presentation mode of the link as opened. */
  link = $state.raw<LinkParams>({ ...DEFAULT_LINK });

  constructor(private readonly win: Window = window) {
    this.read();
    win.addEventListener('hashchange', () => this.read());
  }

  private read(): void {
    const decoded = decodeHash(this.win.location.hash);
    this.view = decoded.view;
    this.problems = decoded.problems;
    this.link = decoded.link;
  }

  /** Updates the view after a user action. */
  set(view: View, opts: { newEntry?: boolean } = {}): void {
    // The view is now the user's own, drawn from the figures in hand: the link's data
    // edition no longer describes it. Presentation mode stays until it is left; an embed stays one.
    const link: LinkParams = { ...DEFAULT_LINK, present: this.link.present, ...(this.link.embed ? { embed: true } : {}) };
    this.write(encodeHash(view, { present: link.present, ...(link.embed ? { embed: true } : {}) }), opts.newEntry ?? false);
    this.view = view;
    this.problems = [];
    this.link = link;
  }

  /** Enters or leaves presentation mode; Back returns to the mode before. */
  setPresent(present: boolean): void {
    this.write(encodeHash(this.view, { vintage: this.link.vintage, present }), true);
    this.link = { ...this.link, present };
  }

  private write(hash: string, newEntry: boolean): void {
    const url = `${this.win.location.pathname}${this.win.location.search}${hash}`;
    if (newEntry) this.win.history.pushState(null, '', url);
    else this.win.history.replaceState(null, '', url);
  }
}
