// Builds the real app for tests: demo accounts, a fresh data dir, no simulator unless asked, no client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@cw/shared/realtime/events';
import { loadConfig } from '../config.ts';
import { buildApp } from '../build-app.ts';

export interface TestApp {
  app: FastifyInstance;
  dataDir: string;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function buildTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'cw-test-'));
  const config = loadConfig({ DEMO: '1', DATA_DIR: dir, SIMULATE: '0', CLIENT_DIST: '', LOG_LEVEL: 'silent', LOGIN_RATE_MAX: '1000', ...env });
  const app = await buildApp({ config }, false);
  await app.ready();
  return {
    app,
    dataDir: dir,
    async login(username, password = 'zmd-demo') {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Listens on a free port and returns a connector for real socket.io clients. */
export async function listen(app: FastifyInstance): Promise<{ url: string; connect(token: string): Promise<TestSocket> }> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    connect(token) {
      const s: TestSocket = ioClient(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      return new Promise((resolve, reject) => {
        s.once('connect', () => resolve(s));
        s.once('connect_error', (err) => { s.close(); reject(err); });
      });
    },
  };
}

export function once<T>(s: TestSocket, event: keyof ServerToClientEvents, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out waiting for ${String(event)}`)), timeoutMs);
    (s as unknown as { once: (e: string, fn: (v: T) => void) => void }).once(event, (v: T) => { clearTimeout(t); resolve(v); });
  });
}
