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

/** Bytes in words: "840 KB", "12.5 MB", "2.1 GB". */
export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024)).toLocaleString('en-GB')} KB`;
  const mb = n / (1024 * 1024);
  if (mb < 1024) return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-GB')} MB`;
  const gb = mb / 1024;
  return `${gb < 10 ? gb.toFixed(1) : Math.round(gb).toLocaleString('en-GB')} GB`;
}
