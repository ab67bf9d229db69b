import { describe, expect, it } from 'vitest';
import { encodeFrame, type PatrolFix } from '@cw/shared/realtime/patrol-frame';
import { PatrolTrack } from '../realtime/patrol-track.ts';
import { PatrolDiffer, TOO_MANY, diffSize } from './patrol-diff.ts';

const fix = (index: number, lon: number, extra: Partial<PatrolFix> = {}): PatrolFix => ({
  index, lon, lat: 33, status: 'online', busy: false, heading: 0, speed: 1, ...extra,
});

describe('PatrolDiffer', () => {
  it('adds new patrols once, with their kind and status, keyed by index', () => {
    const track = new PatrolTrack(1000);
    track.setKind(4, 'volunteer');
    track.mergeFrame(encodeFrame([fix(4, 114)], 0), 0);
    const differ = new PatrolDiffer();
    const first = differ.build(track, 0)!;
    expect(first.add).toEqual([
      { type: 'Feature', id: 4, geometry: { type: 'Point', coordinates: [114, 33] }, properties: { kind: 'volunteer', status: 0, busy: 0 } },
    ]);
    expect(differ.build(track, 10)).toBeNull();
    expect(differ.shown).toBe(1);
  });

  it('sends interpolated geometry while a patrol glides, and nothing once it arrived', () => {
    const track = new PatrolTrack(1000);
    track.mergeFrame(encodeFrame([fix(0, 114), fix(1, 114.5)], 0), 0);
    const differ = new PatrolDiffer();
    differ.build(track, 0);
    track.mergeFrame(encodeFrame([fix(0, 114.001)], 0), 1000);
    const mid = differ.build(track, 1500)!;
    expect(mid.update).toEqual([{ id: 0, newGeometry: { type: 'Point', coordinates: [114.0005, 33] } }]);
    const end = differ.build(track, 2500)!;
    expect(end.update?.[0]?.newGeometry).toEqual({ type: 'Point', coordinates: [114.001, 33] });
    expect(differ.build(track, 3000)).toBeNull();
  });

  it('updates properties when status changes and removes patrols that lost their fix', () => {
    const track = new PatrolTrack(1000);
    track.mergeFrame(encodeFrame([fix(0, 114), fix(1, 114.01)], 0), 0);
    const differ = new PatrolDiffer();
    differ.build(track, 0);
    track.mergeFrame(encodeFrame([fix(0, 114, { status: 'stale' })], 0), 10);
    const restyle = differ.build(track, 20)!;
    expect(restyle.update).toEqual([{ id: 0, addOrUpdateProperties: [
      { key: 'kind', value: 'unknown' }, { key: 'status', value: 1 }, { key: 'busy', value: 0 },
    ] }]);
    track.reset();
    track.mergeFrame(encodeFrame([fix(1, 114.01)], 0, true), 30);
    const after = differ.build(track, 40)!;
    expect(after.remove).toEqual([0]);
    expect(differ.shown).toBe(1);
    // Patrol 1 came back in the snapshot unmoved: only its properties are re-sent.
    expect(after.update?.map((u) => [u.id, u.newGeometry])).toEqual([[1, undefined]]);
    expect(diffSize(after)).toBe(2);
  });
});

describe('PatrolDiffer with a change limit', () => {
  it('gives up on a diff past the limit, and a snapshot then carries everything', () => {
    const track = new PatrolTrack(1000);
    track.mergeFrame(encodeFrame([fix(0, 114), fix(1, 114.01), fix(2, 114.02)], 0, true), 0);
    const differ = new PatrolDiffer();
    expect(differ.build(track, 0, 2)).toBe(TOO_MANY);
    const all = differ.snapshot(track, 0);
    expect(all.features.map((f) => f.id)).toEqual([0, 1, 2]);
    expect(differ.shown).toBe(3);
    expect(differ.build(track, 10, 2)).toBeNull();
  });
});
