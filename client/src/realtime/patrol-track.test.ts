import { describe, expect, it } from 'vitest';
import { encodeFrame, type PatrolFix } from '@cw/shared/realtime/patrol-frame';
import { KIND_UNKNOWN, PatrolTrack } from './patrol-track.ts';

const fix = (index: number, lon: number, lat: number, extra: Partial<PatrolFix> = {}): PatrolFix => ({
  index, lon, lat, status: 'online', busy: false, heading: 90, speed: 1.5, ...extra,
});

const at = (track: PatrolTrack, index: number, now: number) => {
  const out = new Float64Array(2);
  track.positionAt(index, now, out);
  return [Number(out[0]!.toFixed(5)), Number(out[1]!.toFixed(5))];
};

describe('PatrolTrack', () => {
  it('places a first fix in place and glides to the next over glideMs', () => {
    const track = new PatrolTrack(1000);
    track.mergeFrame(encodeFrame([fix(3, 114.0, 33.0)], 0), 0);
    expect(at(track, 3, 0)).toEqual([114.0, 33.0]);
    track.mergeFrame(encodeFrame([fix(3, 114.001, 33.002)], 1000), 100);
    expect(at(track, 3, 100)).toEqual([114.0, 33.0]);
    expect(at(track, 3, 600)).toEqual([114.0005, 33.001]);
    expect(at(track, 3, 5000)).toEqual([114.001, 33.002]);
  });

  it('starts a new glide from where the patrol is shown, not from the old fix', () => {
    const track = new PatrolTrack(1000);
    track.mergeFrame(encodeFrame([fix(0, 114.0, 33.0)], 0), 0);
    track.mergeFrame(encodeFrame([fix(0, 114.002, 33.0)], 0), 0);
    track.mergeFrame(encodeFrame([fix(0, 114.002, 33.002)], 0), 500);
    expect(at(track, 0, 500)).toEqual([114.001, 33.0]);
    expect(at(track, 0, 1500)).toEqual([114.002, 33.002]);
  });

  it('jumps instead of gliding across kilometres', () => {
    const track = new PatrolTrack(1000);
    track.mergeFrame(encodeFrame([fix(0, 114.0, 33.0)], 0), 0);
    track.mergeFrame(encodeFrame([fix(0, 114.1, 33.0)], 0), 0);
    expect(at(track, 0, 1)).toEqual([114.1, 33.0]);
  });

  it('merges only the patrols in a frame and grows to new indices', () => {
    const track = new PatrolTrack(1000);
    track.mergeFrame(encodeFrame([fix(0, 114, 33), fix(1, 114.01, 33.01)], 0, true), 0);
    track.mergeFrame(encodeFrame([fix(700, 114.02, 33.02, { status: 'stale' })], 0), 10);
    expect(track.size).toBe(701);
    expect(track.hasFix(1)).toBe(true);
    expect(track.hasFix(500)).toBe(false);
    expect(at(track, 1, 20)).toEqual([114.01, 33.01]);
    expect(track.countStatuses()).toEqual({ online: 2, stale: 1, offline: 0 });
    expect(track.fixesMerged).toBe(3);
  });

  it('bumps propsVersion only when status, busy or kind change', () => {
    const track = new PatrolTrack(1000);
    track.setKind(2, 'volunteer');
    const v0 = track.propsVersion[2]!;
    track.setKind(2, 'volunteer');
    expect(track.propsVersion[2]).toBe(v0);
    track.mergeFrame(encodeFrame([fix(2, 114, 33)], 0), 0);
    const v1 = track.propsVersion[2]!;
    expect(v1).toBeGreaterThan(v0);
    track.mergeFrame(encodeFrame([fix(2, 114.0001, 33)], 0), 10);
    expect(track.propsVersion[2]).toBe(v1);
    track.mergeFrame(encodeFrame([fix(2, 114.0001, 33, { busy: true })], 0), 20);
    expect(track.propsVersion[2]).toBeGreaterThan(v1);
  });

  it('forgets positions on reset but keeps kinds', () => {
    const track = new PatrolTrack(1000);
    track.setKind(0, 'traffic_police');
    track.mergeFrame(encodeFrame([fix(0, 114, 33)], 0), 0);
    track.reset();
    expect(track.hasFix(0)).toBe(false);
    expect(track.kind[0]).not.toBe(KIND_UNKNOWN);
  });

  it('merges a 10k frame quickly', () => {
    const fixes = Array.from({ length: 10_000 }, (_, i) => fix(i, 114 + (i % 100) * 1e-3, 33 + Math.floor(i / 100) * 1e-3));
    const frame = encodeFrame(fixes, 0, true);
    const track = new PatrolTrack(1000);
    track.mergeFrame(frame, 0);
    const t0 = performance.now();
    for (let k = 1; k <= 10; k++) track.mergeFrame(frame, k);
    const perFrame = (performance.now() - t0) / 10;
    expect(track.fixesMerged).toBe(110_000);
    expect(perFrame).toBeLessThan(50);
  });
});
