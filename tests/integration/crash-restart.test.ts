// Crash safety: SIGKILL the server while devices report and dispatchers write cases, start it again
// on the same data, and check that every write it acknowledged is there, that the event seqs have
// no gap, and that it serves again within 3 s. Once on SQLite (one node) and once on PostgreSQL.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresAvailable, TestSchemas } from '@cw/server/store/postgres/test-schema';
import type { Case } from '@cw/shared/schemas/cases';
import { login, startServer, type ServerProcess } from '../support/server-process.ts';
import { connectDisplay } from '../support/display.ts';

const pgAvailable = await postgresAvailable();
const LOAD_MS = 1500;
const WRITERS = 4;
const DEVICES = 20;

interface Acked {
  id: string;
  version: number;
  state: Case['state'];
}

async function post(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
}

/** One dispatcher filing and registering cases until the server dies; returns what it acknowledged. */
async function writer(server: ServerProcess, token: string, w: number, until: () => boolean): Promise<Acked[]> {
  const acked: Acked[] = [];
  try {
    for (let k = 0; !until(); k++) {
      const created = await post(`${server.url}/api/v1/cases`, token, { category: 'street_dirty', lon: 114.02 + w * 1e-3, lat: 32.98 + k * 1e-5, description: `crash ${w}-${k}` });
      if (created.status !== 201) throw new Error(`create: ${created.status}`);
      const c = (await created.json()) as Case;
      acked.push({ id: c.id, version: c.version, state: c.state });
      const registered = await post(`${server.url}/api/v1/cases/${c.id}/transitions`, token, { action: 'register', expectedVersion: 1 });
      if (registered.status !== 200) throw new Error(`register: ${registered.status}`);
      const r = (await registered.json()) as Case;
      acked.push({ id: r.id, version: r.version, state: r.state });
    }
  } catch (err) {
    // The kill cuts requests off mid-flight: those were never acknowledged.
    if (!until()) throw err;
  }
  return acked;
}

async function devices(server: ServerProcess, until: () => boolean): Promise<number> {
  let sent = 0;
  while (!until()) {
    await Promise.all(Array.from({ length: DEVICES }, (_, d) =>
      fetch(`http://127.0.0.1:${server.osmandPort}/?id=crash-${d}&lat=${32.97 + sent * 1e-5}&lon=${114.01 + d * 1e-3}`).then(() => { sent++; }, () => undefined)));
  }
  return sent;
}

describe('a SIGKILLed server', () => {
  const schemas = new TestSchemas();
  afterAll(() => schemas.dropAll());
  const stores = [{ name: 'SQLite', pg: false }, ...(pgAvailable ? [{ name: 'PostgreSQL', pg: true }] : [])];

  it.each(stores)('keeps every acknowledged case write and serves again within 3 s ($name)', async ({ pg }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-crash-'));
    const env = { CLIENT_DIST: '', ...(pg ? { DATABASE_URL: (await schemas.create()).url } : {}) };
    let server = await startServer(env, dataDir);
    try {
      const token = await login(server.url, 'dispatcher');
      let dead = false;
      const load = Promise.all([
        ...Array.from({ length: WRITERS }, (_, w) => writer(server, token, w, () => dead)),
        devices(server, () => dead).then(() => []),
      ]);
      await new Promise((r) => setTimeout(r, LOAD_MS));
      server.proc.kill('SIGKILL');
      dead = true;
      await server.stop();
      const acked = (await load).flat();
      expect(acked.length).toBeGreaterThan(WRITERS * 2);

      const t0 = performance.now();
      server = await startServer(env, dataDir);
      const ready = await fetch(`${server.url}/api/ready`);
      const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      const restartMs = performance.now() - t0;
      expect(ready.status).toBe(200);
      // The session from before the crash is still good: it was durable too.
      expect(me.status).toBe(200);
      expect(restartMs).toBeLessThan(3000);

      const latest = new Map<string, Acked>();
      for (const a of acked) if ((latest.get(a.id)?.version ?? 0) < a.version) latest.set(a.id, a);
      for (const a of latest.values()) {
        const res = await fetch(`${server.url}/api/v1/cases/${a.id}`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status, a.id).toBe(200);
        const stored = (await res.json()) as Case;
        // A write may have committed and died before its answer went out, never the other way round.
        expect(stored.version, a.id).toBeGreaterThanOrEqual(a.version);
        if (stored.version === a.version) expect(stored.state).toBe(a.state);
      }
      // The event log a reconnecting display catches up from has no hole where the crash was.
      const display = await connectDisplay(server.url, token);
      const all = await display.catchUp(0);
      display.close();
      expect(all.complete).toBe(true);
      expect(all.events.map((e) => e.seq)).toEqual(all.events.map((_, k) => k + 1));
      expect(all.events.length).toBeGreaterThanOrEqual(acked.length);
      console.log(`${pg ? 'PostgreSQL' : 'SQLite'}: ${latest.size} acknowledged cases (${acked.length} writes) survived; restart to serving ${restartMs.toFixed(0)} ms`);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
