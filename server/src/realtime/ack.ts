import type { Ack } from '@cw/shared/realtime/events';
import { DomainError } from '../domain-error.ts';
import type { Log } from './io-types.ts';

/** Runs a socket command and answers its ack with { data } or { error }; never throws into socket.io. */
export async function answer<T>(ack: unknown, log: Log, run: () => Promise<T>): Promise<void> {
  const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => {};
  try {
    reply({ data: await run() });
  } catch (err) {
    if (err instanceof DomainError) reply({ error: { code: err.code, message: err.message } });
    else {
      log.error({ err }, 'socket command failed');
      reply({ error: { code: 'internal', message: 'internal error' } });
    }
  }
}

/** Answers socket commands and keeps the ones still running, so a shutdown can let them finish
 *  (a case write acknowledged to nobody would be retried by the client as a new command). */
export class SocketCommands {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Log) {}

  answer<T>(ack: unknown, run: () => Promise<T>): Promise<void> {
    const p = answer(ack, this.log, run).finally(() => this.running.delete(p));
    this.running.add(p);
    return p;
  }

  /** Resolves when every command started so far has answered. */
  async settled(): Promise<void> {
    await Promise.all([...this.running]);
  }
}
