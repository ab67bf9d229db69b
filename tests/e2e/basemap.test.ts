// The PMTiles basemap in a real browser: the server is started with a small raster archive written
// here (tests/support/pmtiles-writer.ts, checked against the reference reader), a kiosk wall opens
// with its display token (no cookie: the archive's range requests must carry the bearer token), and
// the wall reads the archive in byte ranges (206) from its own server and from nowhere else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../support/browser.ts';
import { login, repoRoot, startServer, type ServerProcess } from '../support/server-process.ts';
import { encodePng, tilesCovering, writePmtiles, TILE_TYPE } from '../support/pmtiles-writer.ts';

const shots = join(repoRoot, 'tests', 'e2e', 'screenshots');
/** Around 驿城区 and 开发区, with room to spare. */
const BOUNDS: [number, number, number, number] = [113.8, 32.75, 114.35, 33.15];
const ATTRIBUTION = '测试底图 e2e';

/** A street-map-like test pattern: blocks, avenues every 64 px, a river across, tinted by zoom. */
function tilePng(z: number, x: number, y: number): Buffer {
  return encodePng(256, (px, py) => {
    const gx = x * 256 + px;
    const gy = y * 256 + py;
    if (Math.abs(((gx + gy * 0.6) % 900) - 450) < 10) return [60, 110, 180];
    if (gx % 64 < 3 || gy % 64 < 3) return [200, 190, 170];
    const block = ((gx >> 6) * 7 + (gy >> 6) * 13) % 3;
    return block === 0 ? [120, 160, 110] : [150 + z * 3, 150, 160 - z * 2];
  });
}

describe('the wall over a PMTiles basemap', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dir: string;
  let archiveBytes = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cw-e2e-basemap-'));
    const tiles = [];
    for (let z = 0; z <= 13; z++) for (const { x, y } of tilesCovering(BOUNDS, z)) tiles.push({ z, x, y, data: tilePng(z, x, y) });
    const archive = writePmtiles(tiles, { tileType: TILE_TYPE.png, bounds: BOUNDS, metadata: { name: 'e2e test pattern' } });
    archiveBytes = archive.length;
    const file = join(dir, 'city.pmtiles');
    writeFileSync(file, archive);
    server = await startServer({
      SIMULATE: '50', CLIENT_DIST: join(repoRoot, 'client', 'dist'),
      BASEMAP: 'pmtiles', BASEMAP_PMTILES: file, BASEMAP_ATTRIBUTION: ATTRIBUTION,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the archive in byte ranges from its own server, shows the credit, and requests nothing elsewhere', async () => {
    const admin = await login(server.url, 'admin');
    const created = await fetch(`${server.url}/api/v1/auth/display-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ label: 'e2e basemap wall' }),
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const outside: string[] = [];
    // Every request of the context (pages and their workers): anything not for this server is
    // recorded and stopped, so the proof does not depend on the network being closed.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
      outside.push(url);
      return route.abort();
    });
    const ranges: { range: string; status: number; contentRange: string | null }[] = [];
    const page = await context.newPage();
    page.on('response', (res) => {
      if (!res.url().startsWith(`${server.url}/api/v1/basemap.pmtiles`)) return;
      const req: Request = res.request();
      void req.allHeaders().then((h) => ranges.push({ range: h.range ?? '', status: res.status(), contentRange: res.headers()['content-range'] ?? null }));
    });
    await page.goto(`${server.url}/wall?display=${token}`);
    await page.waitForFunction(() => !!window.__cw && window.__cw.patrolsShown() > 10, null, { timeout: 90_000 });
    // The header and root directory first, then tiles further into the file.
    await expect.poll(() => ranges.filter((r) => r.status === 206).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => ranges.some((r) => r.status === 206 && Number(/^bytes (\d+)-/.exec(r.contentRange ?? '')?.[1]) > 0), { timeout: 60_000 }).toBe(true);
    for (const r of ranges) {
      expect(r.status, JSON.stringify(r)).toBe(206);
      expect(r.range).toMatch(/^bytes=\d+-\d+$/);
      expect(r.contentRange).toMatch(new RegExp(`^bytes \\d+-\\d+/${archiveBytes}$`));
    }
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').innerText(), { timeout: 10_000 }).toContain(ATTRIBUTION);
    // The street names drawn too, so the screenshot shows the basemap under a complete wall.
    await page.waitForFunction(() => window.__cw!.labelsShown() > 5, null, { timeout: 90_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(shots, 'wall-basemap-pmtiles-1920.png') });
    await context.close();
    expect(outside).toEqual([]);
  });
});
