/**
 * What the app shell needs to know about carried data, kept tiny so that it costs the
 * initial download nothing: whether a link or dashboard file with data is being
 * opened (the view waits for the recipient's choice), and the temporary database the
 * views read while the data is viewed without saving. Reading, checking and the
 * panels are in the lazily loaded CarriedData component.
 */
import type { LensDb } from '../../db/database';

export type CarryRequest = { id: number; kind: 'link'; param: string } | { id: number; kind: 'file'; file: File };

class CarryHolder {
  /** The link parameter or file being opened; null when there is none. */
  request = $state.raw<CarryRequest | null>(null);
  /** True while the carried data is read and the recipient chooses: the view is not shown yet. */
  waiting = $state(false);
  /** While carried data is viewed without saving: the temporary database the views read. */
  viewDb = $state.raw<LensDb | null>(null);
  private lastParam: string | undefined;
  private nextId = 1;

  /** A link's `carry` parameter, each time the link is read; the same parameter read again is not reopened. */
  fromLink(param: string | undefined): void {
    if (param === undefined) {
      // The link no longer carries it (the view changed): opening the link again reopens it.
      this.lastParam = undefined;
      return;
    }
    if (param === this.lastParam) return;
    this.lastParam = param;
    this.request = { id: this.nextId++, kind: 'link', param };
    this.viewDb = null;
    this.waiting = true;
  }

  fromFile(file: File): void {
    this.request = { id: this.nextId++, kind: 'file', file };
    this.viewDb = null;
    this.waiting = true;
  }

  /** The recipient has chosen (or the data could not be read): show the view. */
  proceed(viewDb: LensDb | null): void {
    this.viewDb = viewDb;
    this.waiting = false;
  }

  /** Nothing carried any more: the views read the library. */
  clear(): void {
    this.request = null;
    this.viewDb = null;
    this.waiting = false;
  }
}

export const carrying = new CarryHolder();
