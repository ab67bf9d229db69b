// The phone's own position from the browser Geolocation API, shared with the command center at
// most once every 5 s (the newest fix wins). While the link is down nothing is queued — an old
// position is of no use — but the latest fix goes out as soon as the link is back.
import { onBeforeUnmount, ref, shallowRef } from 'vue';
import type { PhonePosition } from '@cw/shared/realtime/events';
import { ReportThrottle } from './report-throttle.ts';

export const REPORT_GAP_MS = 5000;
/** A phone standing still may get no new fix for minutes; the center marks a patrol stale after
 *  60 s without one, so a fresh fix is asked for when the last is this old. */
const REFRESH_AFTER_MS = 25_000;
const REFRESH_CHECK_MS = 10_000;

export type GeoStatus = 'off' | 'asking' | 'sharing' | 'denied' | 'unavailable' | 'unsupported';

/** What the browser gives, made to fit the server's schema (NaN and negative values dropped). */
export function toPhonePosition(pos: { coords: GeolocationCoordinates; timestamp: number }): PhonePosition {
  const c = pos.coords;
  const finite = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const speed = finite(c.speed);
  const heading = finite(c.heading);
  return {
    lon: c.longitude,
    lat: c.latitude,
    time: Math.round(pos.timestamp),
    accuracy: Math.min(100_000, Math.max(0, finite(c.accuracy) ?? 0)),
    speed: speed !== null && speed >= 0 && speed <= 150 ? speed : null,
    heading: heading !== null && heading >= 0 && heading <= 360 ? heading : null,
  };
}

export function useGeolocation(send: (fix: PhonePosition) => Promise<void>) {
  const status = ref<GeoStatus>('off');
  const fix = shallowRef<PhonePosition | null>(null);
  const lastSentAt = ref<number | null>(null);
  const sendFailing = ref(false);
  let watchId: number | null = null;
  let refreshTimer: ReturnType<typeof setInterval> | undefined;
  let unsent: PhonePosition | null = null;

  const throttle = new ReportThrottle<PhonePosition>(REPORT_GAP_MS, (f) => {
    send(f).then(
      () => {
        lastSentAt.value = Date.now();
        sendFailing.value = false;
        if (unsent === f) unsent = null;
      },
      () => {
        sendFailing.value = true;
        unsent = f;
      },
    );
  });

  function onFix(pos: GeolocationPosition): void {
    status.value = 'sharing';
    const next = toPhonePosition(pos);
    fix.value = next;
    unsent = next;
    throttle.offer(next);
  }

  function onError(err: GeolocationPositionError): void {
    status.value = err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable';
    if (err.code === err.PERMISSION_DENIED) stop();
  }

  function start(): void {
    if (watchId !== null) return;
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      status.value = 'unsupported';
      return;
    }
    status.value = 'asking';
    watchId = navigator.geolocation.watchPosition(onFix, onError, { enableHighAccuracy: true, maximumAge: 5000, timeout: 30_000 });
    refreshTimer = setInterval(() => {
      const last = fix.value;
      if (status.value === 'sharing' && last && Date.now() - last.time > REFRESH_AFTER_MS) {
        navigator.geolocation.getCurrentPosition(onFix, () => undefined, { enableHighAccuracy: true, maximumAge: 0, timeout: 20_000 });
      }
    }, REFRESH_CHECK_MS);
  }

  function stop(): void {
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    watchId = null;
    clearInterval(refreshTimer);
    throttle.stop();
  }

  /** The link is back: the newest fix that did not get through goes now (within the 5 s rule). */
  function resend(): void {
    if (unsent) throttle.offer(unsent);
  }

  onBeforeUnmount(stop);

  return { status, fix, lastSentAt, sendFailing, start, stop, resend };
}
