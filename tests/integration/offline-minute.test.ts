// A wall that was away for a whole minute (network cut, screen rebooted) while patrols kept moving
// and cases kept coming: on reconnecting it gets exactly the case events it missed — the same ones,
// in the same order, as a display that never left — and a fresh position snapshot, within a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '@cw/shared/schemas/cases';
import { login, startServer, type ServerProcess } from '../support/server-process.ts';
import { connectDisplay, type Display } from '../support/display.ts';
import { createCase, reportFix } from '../support/field.ts';

const OFFLINE_MS = 60_000;
const DEVICES = ['away-1', 'away-2', 'away-3'];

const seqs = (events: readonly CaseEvent[]) => events.map((e) => e.seq);

describe('a display offline for 60 s', () => {
  let server: ServerProcess;
  let witness: Display;
  beforeAll(async () => {
    server = await startServer({ SIMULATE: '0', TICK_MS: '200', CLIENT_DIST: '' });
  });
  afterAll(async () => {
    witness?.close();
    await server?.stop();
  });

  it('catches up exactly the missed case events and gets a fresh snapshot within a second', async () => {
    const dispatcher = await login(server.url, 'dispatcher');
    const wallToken = await login(server.url, 'wall');
    witness = await connectDisplay(server.url, wallToken);
    await witness.subscribe();
    const wall = await connectDisplay(server.url, wallToken);
    await wall.subscribe();
    for (const [k, id] of DEVICES.entries()) await reportFix(server, id, 114.01 + k * 0.01, 32.97);
    await createCase(server, dispatcher, 0, 'while away 0');
    await expect.poll(() => wall.events.length, { timeout: 5000 }).toBe(1);
    const lastSeen = Math.max(...seqs(wall.events));
    wall.close();

    // A minute away: a case every 5 s, every device reporting every second.
    const last = new Map<string, { lon: number; lat: number }>();
    const started = Date.now();
    for (let second = 1; Date.now() - started < OFFLINE_MS; second++) {
      const tick = Date.now();
      for (const [k, id] of DEVICES.entries()) {
        const fix = { lon: 114.01 + k * 0.01 + second * 1e-5, lat: 32.97 + second * 1e-5 };
        await reportFix(server, id, fix.lon, fix.lat);
        last.set(id, fix);
      }
      if (second % 5 === 0) await createCase(server, dispatcher, second, `while away ${second}`);
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - tick))));
    }
    // The witness has everything written while the wall was away (at least the 12 cases).
    await expect.poll(() => witness.events.length, { timeout: 5000 }).toBeGreaterThanOrEqual(1 + 11);
    const missed = witness.events.filter((e) => e.seq > lastSeen);

    const t0 = performance.now();
    const back = await connectDisplay(server.url, wallToken);
    const [caughtUp] = await Promise.all([back.catchUp(lastSeen), back.subscribe()]);
    const ms = performance.now() - t0;
    console.log(`after ${OFFLINE_MS / 1000} s away: ${caughtUp.events.length} case events and a snapshot in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
    expect(caughtUp.complete).toBe(true);
    expect(seqs(caughtUp.events)).toEqual(seqs(missed));
    expect(caughtUp.events.map((e) => [e.caseId, e.type])).toEqual(missed.map((e) => [e.caseId, e.type]));
    expect(caughtUp.events.filter((e) => e.case.description.startsWith('while away')).length).toBeGreaterThanOrEqual(11);
    // The snapshot holds each device's last fix of the minute (frames carry 1e-5° steps).
    const indexOf = new Map(witness.registered.map((p) => [p.deviceId, p.index]));
    for (const id of DEVICES) {
      const seen = back.positions.get(indexOf.get(id)!);
      expect(seen?.lon).toBeCloseTo(last.get(id)!.lon, 5);
      expect(seen?.lat).toBeCloseTo(last.get(id)!.lat, 5);
    }
    back.close();
  }, 120_000);
});
