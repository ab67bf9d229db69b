import { describe, expect, it } from 'vitest';
import { decodePeerFixes, encodePeerFixes, type PeerFix } from './peer-fixes.ts';

describe('peer fixes', () => {
  it('round-trips exact coordinates and times, so nodes can compare fix times', () => {
    const fixes: PeerFix[] = [
      { index: 0, lon: 114.0223456789, lat: 32.9801234567, time: 1_800_000_000_123, speed: 1.5, heading: 270, busy: false },
      { index: 70_000, lon: -179.999, lat: -89.5, time: 1, speed: 0, heading: 0, busy: true },
    ];
    expect(decodePeerFixes(encodePeerFixes(fixes))).toEqual(fixes);
    expect(decodePeerFixes(encodePeerFixes([]))).toEqual([]);
  });

  it('refuses what is not a message of this version and size', () => {
    const good = encodePeerFixes([{ index: 1, lon: 114, lat: 33, time: 5, speed: 0, heading: 0, busy: false }]);
    expect(decodePeerFixes('not bytes')).toBeNull();
    expect(decodePeerFixes(good.subarray(0, good.length - 1))).toBeNull();
    const wrongVersion = good.slice();
    wrongVersion[0] = 9;
    expect(decodePeerFixes(wrongVersion)).toBeNull();
    const nan = good.slice();
    new DataView(nan.buffer).setFloat64(5 + 4, Number.NaN, true);
    expect(decodePeerFixes(nan)).toBeNull();
  });
});
