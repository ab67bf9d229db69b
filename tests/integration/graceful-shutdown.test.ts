// SIGTERM drains: the node says it is going (displays are disconnected, so they reconnect through
// the load balancer elsewhere), lets running commands answer, flushes the position history it had
// not yet written, and exits 0. A restart on the same data has the last fix of every device.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, startServer } from '../support/server-process.ts';
import { connectDisplay } from '../support/display.ts';

describe('graceful shutdown', () => {
  it('disconnects displays, flushes position history and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-drain-'));
    // The reports and the signal come within milliseconds, inside the second between history
    // flushes: only the flush on shutdown writes them.
    let server = await startServer({ CLIENT_DIST: '' }, dataDir);
    try {
      const token = await login(server.url, 'dispatcher');
      const display = await connectDisplay(server.url, token);
      const gone = new Promise<string>((resolve) => display.socket.once('disconnect', resolve));
      const t0 = Date.now();
      for (let k = 0; k < 5; k++) {
        const res = await fetch(`http://127.0.0.1:${server.osmandPort}/?id=drain-${k}&lat=32.98&lon=${114.02 + k * 1e-3}&timestamp=${t0 + k}`);
        expect(res.status).toBe(200);
      }
      expect(await server.stop('SIGTERM')).toBe(0);
      // The server closed the connection ('io server disconnect'), not the network.
      expect(await gone).toBe('io server disconnect');
      display.close();

      server = await startServer({ CLIENT_DIST: '' }, dataDir);
      const patrols = (await (await fetch(`${server.url}/api/v1/patrols`, { headers: { authorization: `Bearer ${await login(server.url, 'dispatcher')}` } })).json()) as {
        patrols: { deviceId: string; position: { lon: number; time: number } | null }[];
      };
      for (let k = 0; k < 5; k++) {
        expect(patrols.patrols.find((p) => p.deviceId === `drain-${k}`)?.position).toMatchObject({ lon: 114.02 + k * 1e-3, time: t0 + k });
      }
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
