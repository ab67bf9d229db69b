import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { isReactive, watch } from 'vue';
import { encodeFrame, type PatrolFix } from '@cw/shared/realtime/patrol-frame';
import type { Patrol } from '@cw/shared/schemas/patrols';
import { usePatrolsStore } from './patrols.ts';

const fix = (index: number, lon: number, status: PatrolFix['status'] = 'online'): PatrolFix => ({
  index, lon, lat: 33, status, busy: false, heading: 0, speed: 1,
});
const patrol = (index: number, kind: Patrol['kind'] = 'grid_member'): Patrol => ({
  id: `p${index}`, index, deviceId: `d${index}`, name: `巡查${index}`, kind, unit: 'ycq',
  district: '411702', street: null, status: 'online', busy: false, position: null,
});

describe('usePatrolsStore', () => {
  let flushes: (() => void)[];
  let now: number;

  beforeEach(() => {
    setActivePinia(createPinia());
    flushes = [];
    now = 0;
  });

  function store() {
    const s = usePatrolsStore();
    s.useScheduling((f) => flushes.push(f), () => now);
    return s;
  }

  it('starts from a snapshot: directory by index, positions, counts and tick', () => {
    const s = store();
    s.applySnapshot({
      patrols: [patrol(0), patrol(1, 'volunteer')],
      frame: encodeFrame([fix(0, 114), fix(1, 114.01, 'stale')], 0, true),
      tickMs: 2000,
    });
    expect(s.directory.get(1)?.kind).toBe('volunteer');
    expect(s.counts).toEqual({ online: 1, stale: 1, offline: 0 });
    expect(s.tickMs).toBe(2000);
    expect(s.track.glideMs).toBe(2000);
  });

  it('buffers frames and merges them in one flush, touching reactive state once', () => {
    const s = store();
    s.applySnapshot({ patrols: [patrol(0)], frame: encodeFrame([fix(0, 114)], 0, true), tickMs: 1000 });
    let countUpdates = 0;
    watch(() => s.counts, () => countUpdates++, { flush: 'sync' });
    s.receiveFrame(encodeFrame([fix(0, 114.001)], 1));
    s.receiveFrame(encodeFrame([fix(1, 114.002, 'offline')], 1));
    s.receiveFrame(encodeFrame([fix(0, 114.003)], 2));
    expect(flushes).toHaveLength(1);
    expect(s.track.fixesMerged).toBe(1);
    flushes[0]!();
    expect(s.track.fixesMerged).toBe(4);
    expect(countUpdates).toBe(1);
    expect(s.counts).toEqual({ online: 1, stale: 0, offline: 1 });
    expect(isReactive(s.track)).toBe(false);
  });

  it('drops a malformed frame and keeps going', () => {
    const s = store();
    s.receiveFrame(new Uint8Array([9, 9, 9]));
    s.receiveFrame(encodeFrame([fix(5, 114)], 0));
    flushes[0]!();
    expect(s.droppedFrames).toBe(1);
    expect(s.track.hasFix(5)).toBe(true);
  });

  it('registers patrols that join later and names their kind in the track', () => {
    const s = store();
    s.register([patrol(7, 'traffic_police')]);
    expect(s.directory.get(7)?.name).toBe('巡查7');
    expect(s.track.kind[7]).toBe(2);
  });

  it('keeps the directory loaded over HTTP when a snapshot comes without patrols (a reconnect)', () => {
    const s = store();
    s.register([patrol(0, 'volunteer'), patrol(1)]);
    s.applySnapshot({ patrols: [], frame: encodeFrame([fix(0, 114), fix(1, 114.01)], 0, true), tickMs: 1000 });
    expect(s.directory.get(0)?.name).toBe('巡查0');
    expect(s.track.kind[0]).toBe(3);
    expect(s.counts.online).toBe(2);
  });
});
