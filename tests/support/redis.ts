// Just enough Redis for tests to check it is there and to remove what a run left behind (the
// server's own client is not a dependency of this package): one RESP command per connection.
import { createConnection } from 'node:net';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

function command(args: string[], timeoutMs = 3000): Promise<string> {
  const { hostname, port } = new URL(TEST_REDIS_URL);
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    let reply = '';
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('Redis did not answer')));
    socket.on('connect', () => socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`));
    socket.on('data', (d) => {
      reply += d;
      if (reply.endsWith('\r\n')) { socket.end(); resolve(reply); }
    });
    socket.on('error', reject);
  });
}

/** Whether Redis answers; under CI its absence fails the caller instead of skipping it. */
export async function redisAvailable(): Promise<boolean> {
  try {
    return (await command(['PING'])).startsWith('+PONG');
  } catch (err) {
    const why = `Redis at ${TEST_REDIS_URL} is unreachable (${(err as Error).message})`;
    if (process.env.CI) throw new Error(`${why}; CI is set, so the multi-node tests fail instead of skipping`);
    console.warn(`${why}: skipping the multi-node tests`);
    return false;
  }
}

/** Deletes every key starting with `prefix` (a test run's REDIS_KEY_PREFIX). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  await command(['EVAL', "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end return 0", '0', `${prefix}*`]);
}
