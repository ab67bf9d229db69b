// A data dir in which the benchmark's devices are already registered. Registering an unknown device
// costs the real server one synchronous SQLite transaction (~5 ms here), so 10k first reports take
// close to a minute; the dir is built once, kept in the OS temp dir (keyed by the store's code and
// the device layout), and each server gets a fresh copy of it.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { login, repoRoot, startServer } from '../../tests/support/server-process.ts';
import { trackChild } from '../lib/teardown.ts';
import type { BenchContext } from '../lib/context.ts';
import { deviceId, positionOf } from './positions.ts';
import { DEVICE_PREFIX } from './protocol.ts';

function fixtureKey(devices: number): string {
  const h = createHash('sha1');
  for (const f of ['server/src/store/sqlite/migrations.ts', 'server/src/store/sqlite/patrols-positions.ts', 'bench/ingest/positions.ts']) {
    h.update(readFileSync(join(repoRoot, f)));
  }
  h.update(`${DEVICE_PREFIX}:${devices}`);
  return h.digest('hex').slice(0, 12);
}

async function build(dir: string, devices: number, ctx: BenchContext): Promise<void> {
  const s = await startServer({ CLIENT_DIST: '' }, dir);
  trackChild(s.proc);
  const stop = ctx.teardown.add('fixture server', () => s.stop());
  try {
    const token = await login(s.url, 'admin');
    const pool = new Pool(s.url, { connections: 1 });
    const t0 = performance.now();
    for (let from = 0; from < devices; from += 1000) {
      const positions = [];
      for (let k = from; k < Math.min(devices, from + 1000); k++) positions.push({ deviceId: deviceId(DEVICE_PREFIX, k), ...positionOf(k, 0) });
      const res = await pool.request({
        path: '/api/v1/positions/batch', method: 'POST', headersTimeout: 300_000, bodyTimeout: 300_000,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ positions }),
      });
      const r = (await res.body.json()) as { accepted: number };
      if (res.statusCode !== 200 || r.accepted !== positions.length) throw new Error(`registering devices: ${res.statusCode} ${JSON.stringify(r).slice(0, 300)}`);
    }
    await pool.close();
    ctx.log(`  registered ${devices} devices in ${((performance.now() - t0) / 1000).toFixed(1)} s (fixture, built once)`);
  } finally {
    await stop();
  }
}

/** A fresh data dir holding `devices` registered benchmark devices; the caller removes it. */
export async function registeredDataDir(ctx: BenchContext, devices: number): Promise<string> {
  const template = join(tmpdir(), 'cw-bench', `devices-${fixtureKey(devices)}`);
  if (!existsSync(template)) {
    const building = mkdtempSync(join(tmpdir(), 'cw-bench-fixture-'));
    try {
      await build(building, devices, ctx);
      cpSync(building, `${template}.tmp`, { recursive: true });
      renameSync(`${template}.tmp`, template);
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-data-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}
