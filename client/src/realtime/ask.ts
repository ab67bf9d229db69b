// A socket command as a promise: resolves with the ack's data, rejects on { error } or timeout.
// (socket.io-client's own emitWithAck loses the ack's type once a timeout is set.)
import type { Ack, AckError, AckFn } from '@cw/shared/realtime/events';

export class AckFailure extends Error {
  constructor(readonly error: AckError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'AckFailure';
  }
}

export function ask<T>(send: (ack: AckFn<T>) => void, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack within ${timeoutMs} ms`)), timeoutMs);
    send((res: Ack<T>) => {
      clearTimeout(timer);
      if ('error' in res) reject(new AckFailure(res.error));
      else resolve(res.data);
    });
  });
}
