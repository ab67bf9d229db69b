// Starts the real server as its own process (as `npm start` does, minus the install: the bundle
// built from the current sources, run by plain node), on free ports with a fresh data dir, and stops
// it afterwards. Browser and multi-process tests use this.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleServer } from '@cw/server/bundle';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

let bundle: Promise<string> | null = null;
/** The server bundle, built once per test process from the sources as they are now. */
export function serverBundle(): Promise<string> {
  bundle ??= bundleServer();
  return bundle;
}

export interface ServerProcess {
  url: string;
  port: number;
  osmandPort: number;
  dataDir: string;
  proc: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startServer(env: Record<string, string> = {}, dataDir?: string): Promise<ServerProcess> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'cw-e2e-'));
  const port = await freePort();
  const osmandPort = await freePort();
  const proc = spawn(process.execPath, [await serverBundle()], {
    cwd: join(repoRoot, 'server'),
    env: {
      ...process.env, DEMO: '1', SIMULATE: '0', HOST: '127.0.0.1', PORT: String(port), OSMAND_PORT: String(osmandPort),
      DATA_DIR: dir, LOG_LEVEL: 'warn', LOGIN_RATE_MAX: '1000', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { proc.kill('SIGKILL'); throw new Error(`server did not start:\n${out}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url, port, osmandPort, dataDir: dir, proc,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      // Already gone (killed by a test, or crashed): nothing to wait for.
      const gone = proc.exitCode !== null || proc.signalCode !== null;
      const code = gone ? proc.exitCode : await new Promise<number | null>((res) => { proc.once('exit', (c) => res(c)); proc.kill(signal); });
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

export async function login(url: string, username: string, password = 'zmd-demo'): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
