/** What went wrong, in words: an Error's message, or the thrown value as text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The thrown value as an Error, for state that holds one (a failed query). */
export function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
