import { describe, expect, it } from 'vitest';
import { toPhonePosition } from './use-geolocation.ts';

const coords = (over: Partial<GeolocationCoordinates>) =>
  ({ latitude: 32.98, longitude: 114.02, accuracy: 12, altitude: null, altitudeAccuracy: null, heading: null, speed: null, ...over }) as GeolocationCoordinates;

describe('toPhonePosition', () => {
  it('passes a fix to the server in its own shape', () => {
    expect(toPhonePosition({ coords: coords({ speed: 1.5, heading: 90 }), timestamp: 1000.4 })).toEqual({
      lon: 114.02, lat: 32.98, time: 1000, accuracy: 12, speed: 1.5, heading: 90,
    });
  });

  it('drops what the schema would refuse: NaN heading, negative speed, absurd accuracy', () => {
    const p = toPhonePosition({ coords: coords({ heading: Number.NaN, speed: -1, accuracy: 1e9 }), timestamp: 5 });
    expect(p).toMatchObject({ heading: null, speed: null, accuracy: 100_000 });
  });
});
