// Request/reply over a worker's message port: each command is answered by the worker's next message.
import type { Worker } from 'node:worker_threads';
import { withTimeout } from './teardown.ts';

export class WorkerDriver<Cmd, Reply extends { type: string }> {
  private readonly waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor(readonly worker: Worker, private readonly name: string) {
    worker.on('message', (m: Reply) => {
      if (m.type === 'failed') this.fail(new Error(`${name}: ${(m as unknown as { message: string }).message}`));
      else this.waiting.shift()?.resolve(m);
    });
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`${name} exited (${code})`)));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    while (this.waiting.length) this.waiting.shift()!.reject(err);
  }

  /** The worker's next message (e.g. 'ready' after start). */
  next(timeoutMs = 60_000): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return withTimeout(new Promise<Reply>((resolve, reject) => this.waiting.push({ resolve, reject })), timeoutMs, `waiting for ${this.name}`);
  }

  request(cmd: Cmd, timeoutMs = 60_000): Promise<Reply> {
    const reply = this.next(timeoutMs);
    this.worker.postMessage(cmd);
    return reply;
  }

  /** Fire-and-forget command (no reply expected). */
  send(cmd: Cmd): void {
    this.worker.postMessage(cmd);
  }
}
