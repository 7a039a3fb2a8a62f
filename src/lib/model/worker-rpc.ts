/**
 * One typed way to talk to a Web Worker: requests carry an id, replies carry it back;
 * some replies are progress along the way, the others settle the request. Cancel ends
 * the worker outright (a new one starts on the next request), so a long read or a long
 * tagging stops at once, mid-loop, and every pending promise rejects with the error
 * `cancelled()` gives. A worker that crashes rejects everything in flight.
 *
 * Each worker keeps its own discriminated unions of messages (`import/messages.ts`,
 * `themes/messages.ts`); this class only routes them.
 */
import { trackWork } from './activity';
export interface RpcReply {
  id: number;
}

export interface WorkerRpcOptions<Res extends RpcReply, P> {
  /** The worker to start, on first use and after a cancel or crash. */
  create: () => Worker;
  /** The progress a reply reports, or undefined when it settles its request. */
  progressOf?: (reply: Res) => P | undefined;
  /** The error a crash rejects with, from what the browser said. */
  crashed: (message: string) => Error;
  /** The error a cancel rejects with. */
  cancelled: () => Error;
}

/** A request as the caller writes it: without the id, which the client gives (distributes over a union). */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Pending<Res, P> {
  resolve: (r: Res) => void;
  reject: (e: Error) => void;
  onProgress: ((p: P) => void) | undefined;
}

export class WorkerRpc<Req extends { id: number }, Res extends RpcReply, P = never> {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending<Res, P>>();

  constructor(private readonly opts: WorkerRpcOptions<Res, P>) {}

  private get w(): Worker {
    if (this.worker) return this.worker;
    const worker = this.opts.create();
    worker.onmessage = (e: MessageEvent<Res>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      const progress = this.opts.progressOf?.(e.data);
      if (progress !== undefined) {
        p.onProgress?.(progress);
        return;
      }
      this.pending.delete(e.data.id);
      p.resolve(e.data);
    };
    worker.onerror = (e) => {
      // A crash (out of memory, say) fails everything in flight; the next request starts afresh.
      this.stop(this.opts.crashed(e.message || 'the worker stopped'));
    };
    this.worker = worker;
    return worker;
  }

  /** Sends a request (its id is given here); resolves with the reply that settles it. */
  request(msg: WithoutId<Req>, opts: { transfer?: Transferable[]; onProgress?: (p: P) => void; signal?: AbortSignal } = {}): Promise<Res> {
    if (opts.signal?.aborted) return Promise.reject(this.opts.cancelled());
    const id = this.nextId++;
    // Counted as unfinished work until it settles, for the page's ready signal.
    return trackWork(new Promise<Res>((resolve, reject) => {
      const onAbort = () => this.cancel();
      // Once settled, a later abort of the same signal must not cancel other requests.
      const settle = () => opts.signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (r) => (settle(), resolve(r)),
        reject: (e) => (settle(), reject(e)),
        onProgress: opts.onProgress,
      });
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.w.postMessage({ ...msg, id }, opts.transfer ?? []);
    }));
  }

  /** Stops whatever the worker is doing; pending promises reject with the cancelled error. */
  cancel(): void {
    this.stop(this.opts.cancelled());
  }

  private stop(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }
}
