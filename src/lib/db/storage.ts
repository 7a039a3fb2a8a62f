/**
 * The browser's storage for this site: how much is used and allowed, whether it
 * is kept when space runs low, and recognising a write refused for lack of room.
 */

/**
 * Whether an error is the browser refusing a write for lack of room. IndexedDB
 * raises QuotaExceededError; Dexie may wrap it (an aborted transaction's `inner`,
 * a bulk operation's `failures`), so the whole chain is searched.
 */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const x = e as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (x.name === 'QuotaExceededError') return true;
  if (isQuotaError(x.inner, depth + 1) || isQuotaError(x.cause, depth + 1)) return true;
  return Array.isArray(x.failures) && x.failures.some((f) => isQuotaError(f, depth + 1));
}

export interface StorageState {
  /** Bytes this site uses and may use, as the browser estimates them; undefined where it will not say. */
  usage?: number;
  quota?: number;
  /** Whether the browser has agreed not to clear this site's data to make room. */
  persisted?: boolean;
  /** Whether the browser lets the site ask. */
  canPersist: boolean;
}

export async function storageState(): Promise<StorageState> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!s) return { canPersist: false };
  const [estimate, persisted] = await Promise.all([s.estimate ? s.estimate().catch(() => undefined) : undefined, s.persisted ? s.persisted().catch(() => undefined) : undefined]);
  return {
    ...(estimate?.usage !== undefined ? { usage: estimate.usage } : {}),
    ...(estimate?.quota !== undefined ? { quota: estimate.quota } : {}),
    ...(persisted !== undefined ? { persisted } : {}),
    canPersist: typeof s.persist === 'function',
  };
}

/** Asks the browser to keep this site's data; resolves to whether it agreed. */
export async function requestPersistence(): Promise<boolean> {
  return (await navigator.storage?.persist?.()) ?? false;
}
