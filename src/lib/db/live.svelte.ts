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

  const next = (value: T) => {
    current = value;
    isLoading = false;
    error = undefined;
  };
  const fail = (e: unknown) => {
    error = asError(e);
    isLoading = false;
  };

  $effect(() => {
    const reading = firstLook.active;
    // The core's view answers it once the core is in; the library is not to be opened for it before.
    if (firstLook.coming) return;
    const d = deps();
    isLoading = true;
    // Until its first answer, the query keeps the page from reading as ready.
    const answered = beginWork();
    if (reading) {
      // The core's view answers with plain promises and never changes, so there is nothing
      // to observe: asked once, without liveQuery, whose zones would put each query of the
      // first view in a task of its own. The effect runs again when the library takes over.
      let stopped = false;
      query(d).then(
        (value) => stopped || (next(value), answered()),
        (e: unknown) => stopped || (fail(e), answered()),
      );
      return () => {
        stopped = true;
        answered();
      };
    }
    const subscription = liveQuery(() => query(d)).subscribe({
      next: (value) => (next(value), answered()),
      error: (e: unknown) => (fail(e), answered()),
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
