// Where every position enters, whatever the transport (OsmAnd listener, gateway batch, simulator,
// the patrol app): checks the device and the place, then hands the fix to the live registry.
import type { DeviceReport } from './osmand-parse.ts';
import type { LivePatrols } from '../patrols/live-patrols.ts';
import type { Locator } from '../geo/locator.ts';

export type IngestResult = { ok: true; index: number } | { ok: false; reason: string };

export class PositionIngest {
  /** Accepted reports since start, for metrics and benchmarks. */
  accepted = 0;

  constructor(
    private readonly live: LivePatrols,
    private readonly locator: Locator,
    private readonly registerUnknown: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** The synchronous path, for a known device or a refusal; null when the device must first be
   *  registered (a durable write: `accept` awaits it). Saves a promise per fix on the device port. */
  acceptKnown(r: DeviceReport): IngestResult | null {
    if (!this.locator.nearServiceArea(r.lon, r.lat)) {
      return { ok: false, reason: `position ${r.lat},${r.lon} is far outside the service area` };
    }
    const patrol = this.live.byDeviceId(r.deviceId);
    if (!patrol) return this.registerUnknown ? null : { ok: false, reason: `unknown device ${r.deviceId}` };
    this.live.report(patrol.index, { lon: r.lon, lat: r.lat, time: r.time, speed: r.speed, heading: r.heading });
    this.accepted++;
    return { ok: true, index: patrol.index };
  }

  async accept(r: DeviceReport): Promise<IngestResult> {
    const known = this.acceptKnown(r);
    if (known) return known;
    const place = this.locator.locate(r.lon, r.lat);
    const patrol = await this.live.register({
      id: `dev-${r.deviceId}`, deviceId: r.deviceId, name: r.deviceId, kind: 'grid_member',
      unit: '未分配', homeStreet: place.street,
    }, this.now());
    this.live.report(patrol.index, { lon: r.lon, lat: r.lat, time: r.time, speed: r.speed, heading: r.heading });
    this.accepted++;
    return { ok: true, index: patrol.index };
  }
}
