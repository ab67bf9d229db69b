// The wall in a real browser: log in as `wall`, wait for the map, see patrols move and a new case
// appear, and keep screenshots at 1920×1080 and 3840×2160 for people to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium } from '../support/browser.ts';
import { login, repoRoot, startServer, type ServerProcess } from '../support/server-process.ts';

const shots = join(repoRoot, 'tests', 'e2e', 'screenshots');

describe('the wall', () => {
  let server: ServerProcess;
  let browser: Browser;
  const outsideRequests: string[] = [];

  beforeAll(async () => {
    server = await startServer({ SIMULATE: '200', SIMULATE_CASES_PER_HOUR: '600', CLIENT_DIST: join(repoRoot, 'client', 'dist') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openWall(width: number, height: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outsideRequests.push(r.url()); });
    await page.goto(`${server.url}/wall`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('wall');
    await page.getByTestId('login-password').fill('zmd-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/wall/);
    await page.waitForFunction(() => !!window.__cw && window.__cw.patrolsShown() > 100, null, { timeout: 60_000 });
    return page;
  }

  it('shows the live map at 1920×1080: patrols move, a new case appears', async () => {
    const page = await openWall(1920, 1080);
    const moved0 = await page.evaluate(() => window.__cw!.patrolsMoved());
    await page.waitForFunction((m0) => window.__cw!.patrolsMoved() > m0 + 50, moved0, { timeout: 20_000 });

    const cases0 = await page.evaluate(() => window.__cw!.casesShown());
    const seq0 = await page.evaluate(() => window.__cw!.lastSeq() ?? 0);
    const token = await login(server.url, 'dispatcher');
    const res = await fetch(`${server.url}/api/v1/cases`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ category: 'road_vending', lon: 114.0225, lat: 32.9805, description: '端到端测试：早市摊点越线经营' }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { code: string };
    await page.waitForFunction((s) => (window.__cw!.lastSeq() ?? 0) > s, seq0, { timeout: 10_000 });
    await page.waitForFunction((c) => window.__cw!.casesShown() > c, cases0, { timeout: 10_000 });
    await expect.poll(() => page.getByTestId('panel-ticker').innerText(), { timeout: 10_000 }).toContain(created.code);

    for (const id of ['panel-totals', 'panel-districts', 'panel-streets', 'panel-legend', 'clock', 'countdown']) {
      expect(await page.getByTestId(id).isVisible(), id).toBe(true);
    }
    // Designed on a 4K canvas and scaled: nothing scrolls.
    const overflow = await page.evaluate(() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]);
    expect(overflow).toEqual([0, 0]);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(shots, 'wall-1920.png') });
    await page.close();
  });

  it('fits a 3840×2160 wall and stays on its own host', async () => {
    const page = await openWall(3840, 2160);
    // Software GL draws 4K slowly here: wait until the district and street names are on the map.
    await page.waitForFunction(() => window.__cw!.labelsShown() > 5, null, { timeout: 90_000 });
    const overflow = await page.evaluate(() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]);
    expect(overflow).toEqual([0, 0]);
    await page.screenshot({ path: join(shots, 'wall-3840.png') });
    await page.close();
    expect(outsideRequests).toEqual([]);
  });
});
