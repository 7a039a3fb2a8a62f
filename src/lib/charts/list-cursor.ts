/**
 * Keyboard movement over a chart's marks in a fixed order (the ranked bars, the map's
 * authorities): left and right one at a time, Page Up and Page Down ten, Home and End,
 * and up and down jumping between the chosen areas (`chosen`, ascending indices),
 * wrapping round. Returns the new index, or null for a key it does not handle.
 */
export function moveListCursor(key: string, cursor: number, n: number, chosen: readonly number[]): number | null {
  switch (key) {
    case 'ArrowRight':
      return Math.min(n - 1, cursor + 1);
    case 'ArrowLeft':
      return Math.max(0, cursor - 1);
    case 'PageDown':
      return Math.min(n - 1, cursor + 10);
    case 'PageUp':
      return Math.max(0, cursor - 10);
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    case 'ArrowDown':
      return chosen.find((i) => i > cursor) ?? chosen[0] ?? cursor;
    case 'ArrowUp':
      return chosen.findLast((i) => i < cursor) ?? chosen.at(-1) ?? cursor;
    default:
      return null;
  }
}
