// Redis, when REDIS_URL joins this node to others: the channel their Socket.IO adapter and live
// patrol state travel through. A node that cannot reach Redis at start refuses to start, as it does
// without its database; a connection lost later is retried by the client and shows in /api/ready.
import fp from 'fastify-plugin';
import type { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Null when this node runs alone. */
    redis: RedisClient | null;
  }
}

const CONNECT_TIMEOUT_MS = 10_000;

export default fp<{ url: string | null }>(async (app, opts) => {
  if (!opts.url) {
    app.decorate('redis', null);
    return;
  }
  // Loaded only here: a node running alone does not pay for the client at start.
  const { createClient } = await import('redis');
  const client = createClient({
    url: opts.url,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
  });
  // Without a listener a dropped connection would be an uncaught 'error' ending the process.
  client.on('error', (err: Error) => app.log.warn({ err: err.message }, 'Redis connection error'));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`Redis at ${withoutPassword(opts.url!)} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS); }),
    ]);
  } catch (err) {
    client.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  app.decorate('redis', client);
  // Registered before realtime, so this runs after Socket.IO and its adapter have closed.
  app.addHook('onClose', async () => {
    if (!client.isOpen) return;
    // close() waits for queued commands; while Redis is unreachable they never finish, so a node
    // shutting down then drops them instead of hanging until it is killed.
    if (client.isReady) await client.close();
    else client.destroy();
  });
}, { name: 'redis' });

function withoutPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
