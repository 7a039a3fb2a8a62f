import { moveListCursor } from '../list-cursor';

/**
 * A keyboard cursor over a chart's marks in a fixed order (ranked bars, the map's
 * authorities, a profile's rows), shown while the chart has focus. It starts on
 * the first chosen mark; `move` turns a key into the next index (by default left,
 * right, Page Up/Down, Home, End, and up/down between the chosen marks).
 */
export class ListCursor {
  index = $state(-1);
  focused = $state(false);
  readonly #deps: () => { count: number; chosen: readonly number[]; move?: (key: string, index: number, count: number) => number | null };

  constructor(deps: () => { count: number; chosen: readonly number[]; move?: (key: string, index: number, count: number) => number | null }) {
    this.#deps = deps;
  }

  /** The mark under the cursor while the chart has focus, else -1. */
  get shown(): number {
    return this.focused ? this.index : -1;
  }

  onkey = (key: string): boolean => {
    const { count, chosen, move } = this.#deps();
    if (!count) return false;
    if (this.index < 0) this.index = chosen[0] ?? 0;
    const next = move ? move(key, this.index, count) : moveListCursor(key, this.index, count, chosen);
    if (next === null) return false;
    this.index = next;
    return true;
  };

  onfocuschange = (focused: boolean): void => {
    this.focused = focused;
    const { count, chosen } = this.#deps();
    if (focused && (this.index < 0 || this.index >= count)) this.index = chosen[0] ?? 0;
  };
}
