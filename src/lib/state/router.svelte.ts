import { decodeHash, encodeHash, type View } from './url-codec';

/**
 * The current view, read from and written to `location.hash`.
 * Selection changes replace the history entry (so Back leaves the view rather than
 * undoing every click); moving to another view adds one.
 */
export class Router {
  view = $state.raw<View>({ name: 'data' });
  /** Problems with the link as opened; cleared once the user changes the view. */
  problems = $state.raw<string[]>([]);

  constructor(private readonly win: Window = window) {
    this.read();
    win.addEventListener('hashchange', () => this.read());
  }

  private read(): void {
    const decoded = decodeHash(this.win.location.hash);
    this.view = decoded.view;
    this.problems = decoded.problems;
  }

  /** Updates the view after a user action. */
  set(view: View, opts: { newEntry?: boolean } = {}): void {
    const hash = encodeHash(view);
    const url = `${this.win.location.pathname}${this.win.location.search}${hash}`;
    if (opts.newEntry) this.win.history.pushState(null, '', url);
    else this.win.history.replaceState(null, '', url);
    this.view = view;
    this.problems = [];
  }
}
