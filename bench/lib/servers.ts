// The processes benchmarks measure: the real server (through tests/support/server-process.ts, as the
// e2e tests start it) and the tutorial baseline server, each its own process so its CPU is its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { freePort, login, repoRoot, serverBundle, startServer } from '../../tests/support/server-process.ts';
import { trackChild, type Teardown } from './teardown.ts';

export { repoRoot };

export interface RunningServer {
  kind: 'project' | 'baseline';
  url: string;
  deviceUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** The real server with DEMO=1 SIMULATE=0 on free ports, in a fresh data dir or the given one (removed on stop). */
export async function startProject(teardown: Teardown, env: Record<string, string> = {}, dataDir?: string): Promise<RunningServer> {
  let s: Awaited<ReturnType<typeof startServer>>;
  try {
    s = await startServer({ CLIENT_DIST: '', ...env }, dataDir);
  } catch (err) {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  trackChild(s.proc);
  const stop = teardown.add('server', async () => {
    await s.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return { kind: 'project', url: s.url, deviceUrl: `http://127.0.0.1:${s.osmandPort}`, pid: s.proc.pid!, stop };
}

/** An admin's bearer token, and a display token (role wall) for the display sockets. */
export async function projectTokens(url: string): Promise<{ admin: string; display: string }> {
  const admin = await login(url, 'admin');
  const res = await fetch(`${url}/api/v1/auth/display-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ label: 'bench' }),
  });
  if (res.status !== 201) throw new Error(`display token: ${res.status} ${await res.text()}`);
  return { admin, display: ((await res.json()) as { token: string }).token };
}

export interface Spawned {
  proc: ChildProcess;
  url: string;
  port: number;
  osmandPort: number;
  /** Spawn → first 200 from /api/health. */
  bootMs: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawns `node <script>` and polls /api/health every few milliseconds, so the time to ready is
 * measured to the poll interval rather than startServer's 50 ms.
 */
export async function spawnServer(script: string, cwd: string, env: Record<string, string>, teardown: Teardown, pollMs = 5): Promise<Spawned> {
  const port = await freePort();
  const osmandPort = await freePort();
  const t0 = performance.now();
  const proc = spawn(process.execPath, [script], {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), OSMAND_PORT: String(osmandPort), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(proc);
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const stop = teardown.add(`${script} (pid ${proc.pid})`, () => new Promise<void>((res) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return res();
    const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.once('exit', () => { clearTimeout(kill); res(); });
    proc.kill('SIGTERM');
  }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = t0 + 60_000;
  for (;;) {
    if (proc.exitCode !== null) {
      await stop();
      throw new Error(`${script} exited with ${proc.exitCode}:\n${out}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch { /* not listening yet */ }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`${script} was not ready in 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return { proc, url, port, osmandPort, bootMs: performance.now() - t0, output: () => out, stop };
}

/** The real server spawned exactly as startServer does (its bundle, plain node, same cwd and environment). */
export async function spawnProject(teardown: Teardown, env: Record<string, string> = {}): Promise<Spawned> {
  const bundle = await serverBundle();
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-bench-'));
  const s = await spawnServer(bundle, join(repoRoot, 'server'), {
    DEMO: '1', SIMULATE: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOGIN_RATE_MAX: '1000', CLIENT_DIST: '', ...env,
  }, teardown);
  const stop = s.stop;
  return { ...s, stop: async () => { await stop(); rmSync(dataDir, { recursive: true, force: true }); } };
}

let tutorial: string | null = null;

/**
 * The tutorial server compiled to plain JavaScript (bench/dist/, git-ignored), so that it, like the
 * real server's bundle, runs under plain node with no compiler at start.
 */
export function tutorialScript(): string {
  if (tutorial) return tutorial;
  const source = join(repoRoot, 'bench', 'ingest', 'tutorial-server.ts');
  const out = ts.transpileModule(readFileSync(source, 'utf8'), {
    fileName: source,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
  });
  const dir = join(repoRoot, 'bench', 'dist');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tutorial-server.mjs');
  writeFileSync(`${file}.${process.pid}.tmp`, out.outputText);
  renameSync(`${file}.${process.pid}.tmp`, file);
  tutorial = file;
  return file;
}

export async function startBaseline(teardown: Teardown, env: Record<string, string> = {}): Promise<RunningServer> {
  const s = await spawnServer(tutorialScript(), join(repoRoot, 'bench'), env, teardown);
  return { kind: 'baseline', url: s.url, deviceUrl: `http://127.0.0.1:${s.osmandPort}`, pid: s.proc.pid!, stop: s.stop };
}
