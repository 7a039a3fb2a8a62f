/** The parts a table adds where sources differ, in one chunk for a table that loads them only then (TrendTable). */
export { default as SourcedFigures } from './SourcedFigures.svelte';
export { default as SourceConflictNote } from './SourceConflictNote.svelte';
