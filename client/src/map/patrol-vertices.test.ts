import { describe, expect, it } from 'vitest';
import { MercatorCoordinate } from 'maplibre-gl';
import { encodeFrame, type PatrolFix } from '@cw/shared/realtime/patrol-frame';
import { PatrolTrack } from '../realtime/patrol-track.ts';
import { MOTION_FLOATS, PatrolVertices, STYLE_BYTES, kindColors, matrixFromOrigin, mercatorX, mercatorY, rgb, sizeAtZoom } from './patrol-vertices.ts';

const fix = (index: number, lon: number, lat: number, extra: Partial<PatrolFix> = {}): PatrolFix => ({
  index, lon, lat, status: 'online', busy: false, heading: 0, speed: 1, ...extra,
});

describe('PatrolVertices', () => {
  it('projects like MapLibre', () => {
    const m = MercatorCoordinate.fromLngLat([114.03, 32.98]);
    expect(mercatorX(114.03)).toBeCloseTo(m.x, 12);
    expect(mercatorY(32.98)).toBeCloseTo(m.y, 12);
  });

  it('packs from/to relative to the first fix, glide start relative to now, and style bytes', () => {
    const track = new PatrolTrack(1000);
    track.setKind(2, 'volunteer');
    track.mergeFrame(encodeFrame([fix(0, 114.0, 33.0), fix(2, 114.01, 33.01, { status: 'stale', busy: true })], 0), 100);
    track.mergeFrame(encodeFrame([fix(0, 114.001, 33.0)], 0), 200);
    const v = new PatrolVertices();
    v.pack(track, 250);
    expect(v.count).toBe(3);
    expect(v.shown).toBe(2);
    // The origin is the first patrol's latest fix.
    expect(v.originX).toBeCloseTo(mercatorX(114.001), 12);
    expect(v.originY).toBeCloseTo(mercatorY(33.0), 12);
    expect(v.timeBase).toBe(250);
    expect(v.latestStart).toBe(200);
    // Patrol 0 glides from where it was shown (its first fix) to the new one, starting at 200.
    const p0 = [...v.motion.subarray(0, MOTION_FLOATS)];
    expect(p0[0]).toBeCloseTo(mercatorX(114.0) - mercatorX(114.001), 10);
    expect(p0[2]).toBeCloseTo(0, 10);
    expect(p0[3]).toBeCloseTo(0, 10);
    expect(p0[4]).toBe(-50);
    // Patrol 1 never had a fix: status 255 (the shader hides it). Patrol 2: volunteer, stale, busy.
    expect([...v.style.subarray(STYLE_BYTES, 2 * STYLE_BYTES)].slice(0, 2)).toEqual([255, 255]);
    expect([...v.style.subarray(2 * STYLE_BYTES, 3 * STYLE_BYTES)].slice(0, 3)).toEqual([3, 1, 1]);
    const p2 = v.motion.subarray(2 * MOTION_FLOATS, 3 * MOTION_FLOATS);
    expect(p2[2]).toBeCloseTo(mercatorX(114.01) - mercatorX(114.001), 9);
    expect(p2[3]).toBeCloseTo(mercatorY(33.01) - mercatorY(33.0), 9);
  });

  it('keeps its origin and grows with the track', () => {
    const track = new PatrolTrack(1000);
    const v = new PatrolVertices();
    v.pack(track, 0);
    expect(v.shown).toBe(0);
    expect(Number.isNaN(v.originX)).toBe(true);
    track.mergeFrame(encodeFrame([fix(1, 114.0, 33.0)], 0), 0);
    v.pack(track, 0);
    const origin = v.originX;
    track.mergeFrame(encodeFrame([fix(500, 114.1, 33.05)], 0), 0);
    v.pack(track, 0);
    expect(v.originX).toBe(origin);
    expect(v.count).toBe(501);
    expect(v.shown).toBe(2);
    expect(v.motion.length).toBeGreaterThanOrEqual(501 * MOTION_FLOATS);
  });
});

describe('matrixFromOrigin', () => {
  it('maps origin-relative points where the matrix maps absolute ones', () => {
    const m = [2, 0.1, 0, 0, 0.2, 3, 0, 0, 0, 0, 1, 0, -1, 0.5, 0, 1];
    const [ox, oy] = [0.8167, 0.4017];
    const [px, py] = [1e-4, -2e-4];
    const apply = (mat: ArrayLike<number>, x: number, y: number) => [0, 1, 3].map((r) => mat[r]! * x + mat[4 + r]! * y + mat[12 + r]!);
    const shifted = matrixFromOrigin(m, ox, oy);
    const a = apply(m, ox + px, oy + py);
    const b = apply(shifted, px, py);
    for (let k = 0; k < 3; k++) expect(b[k]).toBeCloseTo(a[k]!, 5);
  });
});

describe('sizes and colours', () => {
  const stops = [[10, 7], [12, 9], [16, 18]] as const;
  it('interpolates zoom stops linearly and clamps outside them', () => {
    expect(sizeAtZoom(stops, 8, 1)).toBe(7);
    expect(sizeAtZoom(stops, 11, 1)).toBe(8);
    expect(sizeAtZoom(stops, 14, 0.5)).toBeCloseTo(6.75);
    expect(sizeAtZoom(stops, 20, 2)).toBe(36);
  });

  it('reads hex colours and lists kinds then the unknown colour', () => {
    expect(rgb('#ff8000')).toEqual([1, 128 / 255, 0]);
    const c = kindColors((k) => (k === 'grid_member' ? '#ffffff' : '#000000'), '#0000ff');
    expect(c.length).toBe(15);
    expect([...c.subarray(0, 3)]).toEqual([1, 1, 1]);
    expect([...c.subarray(12, 15)]).toEqual([0, 0, 1]);
  });
});
