import { liveQuery } from 'dexie';
import { beginWork } from '../model/activity';
import { asError } from '../model/errors';
import { firstLook } from './first-look.svelte';

export interface Live<T> {
  readonly current: T | undefined;
  readonly isLoading: boolean;
  readonly error: Error | undefined;
}

/**
 * The one bridge from Dexie to runes. `deps` is read inside an effect, so a change
 * to any rune it reads re-runs the query; Dexie's liveQuery re-runs it when the
 * tables it read change, in this tab or another. During the first look the query reads
 * the core's view (core-view.ts), plain promises of which liveQuery observes nothing; when
 * the first look ends (first-look.svelte.ts) it asks again, of the library, keeping its
 * answer until then, and follows the library from then on. Before the first look begins
 * (the core is not in yet) it waits, loading.
 */
export function live<D, T>(deps: () => D, query: (deps: D) => Promise<T>): Live<T> {
  let current = $state.raw<T | undefined>(undefined);
  let isLoading = $state(true);
  let error = $state.raw<Error | undefined>(undefined);

  $effect(() => {
    void firstLook.active;
    // The core's view answers it once the core is in; the library is not to be opened for it before.
    if (firstLook.coming) return;
    const d = deps();
    isLoading = true;
    // Until its first answer, the query keeps the page from reading as ready.
    const answered = beginWork();
    const subscription = liveQuery(() => query(d)).subscribe({
      next: (value) => {
        current = value;
        isLoading = false;
        error = undefined;
        answered();
      },
      error: (e: unknown) => {
        error = asError(e);
        isLoading = false;
        answered();
      },
    });
    return () => {
      subscription.unsubscribe();
      answered();
    };
  });

  return {
    get current() {
      return current;
    },
    get isLoading() {
      return isLoading;
    },
    get error() {
      return error;
    },
  };
}
