import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestingPinia } from '@pinia/testing';
import { encodeFrame } from '@cw/shared/realtime/patrol-frame';
import type { CatchUp } from '@cw/shared/realtime/events';
import { PATROL_DIRECTORY_PATH } from '@cw/shared/realtime/patrol-directory';
import type { Patrol } from '@cw/shared/schemas/patrols';
import { makeCase, makeEvent, makeStats } from '../test/fixtures.ts';
import { useCasesStore } from '../stores/cases.ts';
import { usePatrolsStore } from '../stores/patrols.ts';
import { useSessionStore } from '../stores/session.ts';
import { startRealtime, type RealtimeSocket } from './socket.ts';

type Handler = (...args: unknown[]) => void;

/** Stands in for a Socket.IO client: records commands, answers them, and fires server events. */
class FakeSocket {
  connected = false;
  handlers = new Map<string, Handler[]>();
  sent: { event: string; payload: unknown }[] = [];
  answers: Record<string, (payload: unknown) => unknown> = {};

  on(event: string, fn: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  emit(event: string, payload: unknown, ack: (res: unknown) => void) {
    this.sent.push({ event, payload });
    const answer = this.answers[event];
    if (answer) queueMicrotask(() => ack({ data: answer(payload) }));
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  disconnect() {
    this.connected = false;
    return this;
  }
}

const patrol: Patrol = {
  id: 'p0', index: 0, deviceId: 'd0', name: '网格员甲', kind: 'grid_member', unit: 'ycq',
  district: '411702', street: null, status: 'online', busy: false, position: null,
};

function mockServerRest(lastSeq: number) {
  const fetchMock = vi.fn(async (url: string) => {
    if (url.startsWith('/api/v1/cases/stats')) return new Response(JSON.stringify(makeStats()));
    if (url === PATROL_DIRECTORY_PATH) return new Response(JSON.stringify({ patrols: [{ id: 'p9', index: 9, name: '志愿者乙', kind: 'volunteer', unit: 'ycq', street: null }] }));
    if (url.startsWith('/api/v1/cases')) {
      return new Response(JSON.stringify({ total: 1, lastSeq, cases: [makeCase({ id: 'listed' })] }));
    }
    return new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('startRealtime', () => {
  let fake: FakeSocket;

  beforeEach(() => {
    createTestingPinia({ stubActions: false, createSpy: vi.fn });
    fake = new FakeSocket();
    fake.answers['patrols:subscribe'] = () => ({
      patrols: [patrol],
      frame: encodeFrame([{ index: 0, lon: 114, lat: 33, status: 'online', busy: false, heading: 0, speed: 1 }], 0, true),
      tickMs: 1000,
    });
  });

  function start() {
    return startRealtime({ token: 't', connect: () => fake as unknown as RealtimeSocket });
  }

  it('on connect: subscribes positions, loads the case list, then catches up from its seq', async () => {
    mockServerRest(5);
    fake.answers['cases:catch-up'] = (): CatchUp => ({
      complete: true, lastSeq: 6, events: [makeEvent(6, { id: 'after-list' }, { type: 'created' })],
    });
    const rt = start();
    fake.fire('connect');
    await vi.waitFor(() => expect(useCasesStore().lastSeq).toBe(6));
    await rt.settled();
    expect(useSessionStore().link).toBe('live');
    expect(usePatrolsStore().counts.online).toBe(1);
    // Positions come in the snapshot, names from the directory over HTTP.
    expect(fake.sent.find((s) => s.event === 'patrols:subscribe')?.payload).toEqual({ directory: false });
    await vi.waitFor(() => expect(usePatrolsStore().directory.get(9)?.name).toBe('志愿者乙'));
    expect(usePatrolsStore().track.kind[9]).toBe(3);
    // The feed is empty, so the first catch-up reaches back to fill it.
    expect(fake.sent.find((s) => s.event === 'cases:catch-up')?.payload).toEqual({ afterSeq: 0 });
    expect([...useCasesStore().openCases.keys()].sort()).toEqual(['after-list', 'listed']);
    await vi.waitFor(() => expect(useCasesStore().stats?.open).toBe(12));
    rt.stop();
  });

  it('routes live events to store actions and catches up on a gap', async () => {
    mockServerRest(10);
    fake.answers['cases:catch-up'] = (p): CatchUp => {
      const afterSeq = (p as { afterSeq: number }).afterSeq;
      return afterSeq < 11
        ? { complete: true, lastSeq: 10, events: [makeEvent(10, { id: 'listed' })] }
        : { complete: true, lastSeq: 13, events: [makeEvent(12, { id: 'missed' }), makeEvent(13, { id: 'late' })] };
    };
    const rt = start();
    fake.fire('connect');
    await vi.waitFor(() => expect(useCasesStore().lastSeq).toBe(10));
    await rt.settled();

    fake.fire('case:changed', makeEvent(11, { id: 'live' }));
    expect(useCasesStore().lastSeq).toBe(11);
    fake.fire('case:changed', makeEvent(13, { id: 'late' }));
    await vi.waitFor(() => expect(useCasesStore().lastSeq).toBe(13));
    expect(fake.sent.filter((s) => s.event === 'cases:catch-up').map((s) => s.payload)).toEqual([
      { afterSeq: 0 },
      { afterSeq: 11 },
    ]);
    expect(useCasesStore().openCases.has('missed')).toBe(true);

    fake.fire('stats:updated', makeStats({ open: 99 }));
    expect(useCasesStore().stats?.open).toBe(99);
    fake.fire('patrols:registered', [{ ...patrol, index: 4, kind: 'volunteer' }]);
    expect(usePatrolsStore().directory.get(4)?.kind).toBe('volunteer');
    rt.stop();
  });

  it('ignores payloads that do not match the contract', async () => {
    mockServerRest(0);
    fake.answers['cases:catch-up'] = (): CatchUp => ({ complete: true, lastSeq: 0, events: [] });
    const rt = start();
    fake.fire('connect');
    await vi.waitFor(() => expect(useCasesStore().lastSeq).toBe(0));
    await rt.settled();
    fake.fire('case:changed', { seq: 1, case: { id: 'x' } });
    fake.fire('stats:updated', { open: 'many' });
    fake.fire('patrols:frame', 'not binary');
    expect(useCasesStore().lastSeq).toBe(0);
    expect(useCasesStore().applyEvent).toHaveBeenCalledTimes(0);
    expect(usePatrolsStore().receiveFrame).toHaveBeenCalledTimes(0);
    rt.stop();
  });

  it('after a reconnect: re-subscribes and reloads the list when the catch-up is incomplete', async () => {
    const fetchMock = mockServerRest(20);
    let catchUps = 0;
    fake.answers['cases:catch-up'] = (): CatchUp =>
      ++catchUps === 2 ? { complete: false, lastSeq: 500, events: [] } : { complete: true, lastSeq: 20, events: [] };
    const rt = start();
    fake.fire('connect');
    await vi.waitFor(() => expect(catchUps).toBe(1));
    await rt.settled();

    fake.fire('disconnect');
    expect(useSessionStore().link).toBe('lost');
    fake.fire('connect');
    await vi.waitFor(() => expect(catchUps).toBe(3));
    await rt.settled();
    const listLoads = fetchMock.mock.calls.filter(([u]) => u.startsWith('/api/v1/cases?')).length;
    expect(listLoads).toBe(2);
    expect(fake.sent.filter((s) => s.event === 'patrols:subscribe')).toHaveLength(2);
    // The directory is revalidated on every connect (the browser's cache turns it into a 304).
    expect(fetchMock.mock.calls.filter(([u]) => u === PATROL_DIRECTORY_PATH)).toHaveLength(2);
    rt.stop();
  });

  it('retries the directory when it fails or does not match the contract', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let calls = 0;
      vi.stubGlobal('fetch', vi.fn(async (url: string) => {
        if (url !== PATROL_DIRECTORY_PATH) return new Response(JSON.stringify({ total: 0, lastSeq: 0, cases: [] }));
        calls++;
        if (calls === 1) return new Response('busy', { status: 503 });
        if (calls === 2) return new Response(JSON.stringify({ patrols: [{ id: 'p1' }] }));
        return new Response(JSON.stringify({ patrols: [{ id: 'p1', index: 1, name: '网格员丙', kind: 'grid_member', unit: 'ycq', street: null }] }));
      }));
      fake.answers['cases:catch-up'] = (): CatchUp => ({ complete: true, lastSeq: 0, events: [] });
      const rt = start();
      fake.fire('connect');
      await vi.waitFor(() => expect(calls).toBe(1));
      await vi.advanceTimersByTimeAsync(5_000);
      await vi.waitFor(() => expect(calls).toBe(2));
      expect(usePatrolsStore().directory.get(1)).toBeUndefined();
      await vi.advanceTimersByTimeAsync(5_000);
      await vi.waitFor(() => expect(usePatrolsStore().directory.get(1)?.name).toBe('网格员丙'));
      rt.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
