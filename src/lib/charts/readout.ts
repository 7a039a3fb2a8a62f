/**
 * What a chart's live region says as the keyboard cursor moves: plain words, or words
 * with marks among them (a funnel zone's ○ △ ▼) that are shown but hidden from screen
 * readers. A mark only repeats the words beside it, and read aloud it would come out
 * as "black down-pointing triangle" before them.
 */
export type Readout = string | readonly ReadoutPart[];

/** Words, read out; or a mark, shown only. */
export type ReadoutPart = string | { mark: string };
