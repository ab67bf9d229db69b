import type { Ack } from '@cw/shared/realtime/events';
import { DomainError } from '../domain-error.ts';

/** Runs a socket command and answers its ack with { data } or { error }; never throws into socket.io. */
export async function answer<T>(ack: unknown, log: { error: (o: object, m: string) => void }, run: () => Promise<T>): Promise<void> {
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
