import { describe, expect, it } from 'vitest';
import { WorkerRpc } from '../../../src/lib/model/worker-rpc';

type Req = { id: number; type: 'echo'; text: string; steps: number } | { id: number; type: 'hang' };
type Res = { id: number; type: 'progress'; step: number } | { id: number; type: 'done'; text: string };

/** A stand-in worker: "echo" reports each step, then replies; "hang" never replies. */
class FakeWorker {
  onmessage: ((e: MessageEvent<Res>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  static made: FakeWorker[] = [];
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(msg: Req): void {
    if (msg.type === 'hang') return;
    setTimeout(() => {
      for (let step = 1; step <= msg.steps; step++) this.onmessage?.({ data: { id: msg.id, type: 'progress', step } } as MessageEvent<Res>);
      this.onmessage?.({ data: { id: msg.id, type: 'done', text: msg.text } } as MessageEvent<Res>);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
  crash(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
}

const client = () =>
  new WorkerRpc<Req, Res, number>({
    create: () => new FakeWorker() as unknown as Worker,
    progressOf: (m) => (m.type === 'progress' ? m.step : undefined),
    crashed: (why) => new Error(`crashed: ${why}`),
    cancelled: () => new Error('cancelled'),
  });

describe('WorkerRpc', () => {
  it('routes progress to its request and resolves with the reply that settles it', async () => {
    const rpc = client();
    const steps: number[] = [];
    const [a, b] = await Promise.all([rpc.request({ type: 'echo', text: 'a', steps: 2 }, { onProgress: (s) => steps.push(s) }), rpc.request({ type: 'echo', text: 'b', steps: 0 })]);
    expect([a, b].map((r) => r.type === 'done' && r.text)).toEqual(['a', 'b']);
    expect(steps).toEqual([1, 2]);
  });

  it('cancel ends the worker and rejects what is pending; the next request starts a new worker', async () => {
    FakeWorker.made = [];
    const rpc = client();
    const hung = rpc.request({ type: 'hang' });
    rpc.cancel();
    await expect(hung).rejects.toThrow('cancelled');
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    await expect(rpc.request({ type: 'echo', text: 'again', steps: 0 })).resolves.toMatchObject({ text: 'again' });
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('an aborted signal cancels its request, and a settled request’s signal cancels nothing later', async () => {
    const rpc = client();
    const first = new AbortController();
    await rpc.request({ type: 'echo', text: 'x', steps: 0 }, { signal: first.signal });
    const later = rpc.request({ type: 'echo', text: 'y', steps: 0 });
    first.abort();
    await expect(later).resolves.toMatchObject({ text: 'y' });
    const second = new AbortController();
    const hung = rpc.request({ type: 'hang' }, { signal: second.signal });
    second.abort();
    await expect(hung).rejects.toThrow('cancelled');
    second.abort();
    await expect(rpc.request({ type: 'hang' }, { signal: second.signal })).rejects.toThrow('cancelled');
  });

  it('a crash rejects everything in flight with what the browser said', async () => {
    FakeWorker.made = [];
    const rpc = client();
    const hung = rpc.request({ type: 'hang' });
    FakeWorker.made[0]!.crash('out of memory');
    await expect(hung).rejects.toThrow('crashed: out of memory');
  });
});
