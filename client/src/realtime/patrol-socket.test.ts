import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { makeCase, makeEvent } from '../test/fixtures.ts';
import { usePatrolTasksStore } from '../stores/patrol-tasks.ts';
import { useSessionStore } from '../stores/session.ts';
import { startPatrolRealtime, type RealtimeSocket } from './socket.ts';

type Handler = (...args: unknown[]) => void;

class FakeSocket {
  connected = false;
  handlers = new Map<string, Handler[]>();
  sent: { event: string; payload: unknown }[] = [];
  on(event: string, fn: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  emit(event: string, payload: unknown, ack: (res: unknown) => void) {
    this.sent.push({ event, payload });
    queueMicrotask(() => ack({ data: { accepted: true } }));
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

describe('startPatrolRealtime', () => {
  let fake: FakeSocket;
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
    fake = new FakeSocket();
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({
      total: 1, lastSeq: 9, cases: [makeCase({ id: 'mine', state: 'dispatched', patrolId: 'P1' })],
    }))));
  });

  it('reloads its tasks on every connect, then follows the case events of its room', async () => {
    const tasks = usePatrolTasksStore();
    tasks.useAccount('patrol1', 'P1');
    const onConnect = vi.fn();
    const link = startPatrolRealtime({ token: 't', connect: () => fake as unknown as RealtimeSocket, onConnect });
    fake.fire('connect');
    expect(useSessionStore().link).toBe('live');
    expect(onConnect).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect([...tasks.tasks.keys()]).toEqual(['mine']));
    expect(fetch).toHaveBeenCalledWith('/api/v1/cases/assigned', expect.anything());

    fake.fire('case:changed', makeEvent(10, { id: 'new', state: 'dispatched', patrolId: 'P1' }));
    fake.fire('case:changed', { seq: 'junk' });
    expect([...tasks.tasks.keys()].sort()).toEqual(['mine', 'new']);
    link.stop();
  });

  it('shares positions over the socket, and refuses while disconnected', async () => {
    const link = startPatrolRealtime({ token: 't', connect: () => fake as unknown as RealtimeSocket });
    const fix = { lon: 114.02, lat: 32.98, time: 1, accuracy: 5, speed: null, heading: null };
    await expect(link.reportPosition(fix)).rejects.toThrow('not connected');
    fake.fire('connect');
    await link.reportPosition(fix);
    expect(fake.sent).toContainEqual({ event: 'patrol:report-position', payload: fix });
    fake.fire('disconnect');
    expect(useSessionStore().link).toBe('lost');
    link.stop();
  });
});
