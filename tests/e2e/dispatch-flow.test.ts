// "Cases to zero" in real browsers, three faces at once: the duty officer's desk (1920×1080), a
// patrol's phone (390×844, its position from faked geolocation) and the wall. A problem is placed
// on the map, dispatched to the phone beside it, acknowledged, fixed with a photo taken while the
// phone is offline (sent once when it is back), verified and closed; the wall shows every step.
// Screenshots of the desk (1920 and 3840 wide) and the phone are kept for people to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { launchChromium } from '../support/browser.ts';
import { login, repoRoot, startServer, type ServerProcess } from '../support/server-process.ts';

const shots = join(repoRoot, 'tests', 'e2e', 'screenshots');
/** The phone stands here (near the city centre); the problem is placed a few metres away. */
const PHONE = { latitude: 32.9802, longitude: 114.0221 };
const PROBLEM = { lon: 114.0223, lat: 32.9803 };

/** A small, valid PNG (a green square), as a phone camera would hand over a file. */
function png(size = 32): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([40, 170, 90]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

async function signIn(page: Page, url: string, username: string, landing: RegExp): Promise<void> {
  await page.goto(url);
  await page.waitForURL(/\/login/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('zmd-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(landing);
}

describe('dispatch flow: desk, phone and wall', () => {
  let server: ServerProcess;
  let browser: Browser;
  let phoneContext: BrowserContext;
  let desk: Page;
  let phone: Page;
  let wall: Page;
  const t0 = Date.now();
  const timings: Record<string, number> = {};
  const mark = (step: string) => { timings[step] = Date.now() - t0; };
  const errors: string[] = [];

  // The server serves a copy of the built client, so a rebuild in the work tree during the run
  // cannot pull the assets from under the pages.
  const dist = mkdtempSync(join(tmpdir(), 'cw-dist-'));

  beforeAll(async () => {
    cpSync(join(repoRoot, 'client', 'dist'), dist, { recursive: true });
    server = await startServer({ SIMULATE: '20', SIMULATE_CASES_PER_HOUR: '0', CLIENT_DIST: dist });
    browser = await launchChromium();
    const deskContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1,
      permissions: ['geolocation'], geolocation: PHONE,
    });
    const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    desk = await deskContext.newPage();
    phone = await phoneContext.newPage();
    wall = await wallContext.newPage();
    for (const [name, page] of [['desk', desk], ['phone', phone], ['wall', wall]] as const) {
      page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`));
    }
    mark('server + browser');
  });

  afterAll(async () => {
    console.log('[dispatch-flow] timings (ms since start):', JSON.stringify(timings));
    await browser?.close();
    await server?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  /** The wall's ticker lines that mention the case. */
  const wallLines = (code: string) =>
    wall.getByTestId('panel-ticker').locator('li').filter({ hasText: code }).allInnerTexts();

  it('takes a problem from the map to closed, with the phone and the wall following each step', async () => {
    await Promise.all([
      signIn(desk, `${server.url}/dispatch`, 'dispatcher', /\/dispatch/),
      signIn(phone, `${server.url}/patrol`, 'patrol1', /\/patrol/),
      signIn(wall, `${server.url}/wall`, 'wall', /\/wall/),
    ]);
    await wall.waitForFunction(() => window.__cw?.lastSeq() != null, null, { timeout: 90_000 });
    // The phone shares its position, so the command center knows where patrol1 is.
    await expect.poll(() => phone.getByTestId('geo-status').innerText(), { timeout: 40_000 }).toMatch(/前已上报/);
    await desk.waitForFunction(() => !!window.__cwConsole?.map.loaded(), null, { timeout: 90_000 });
    mark('signed in, phone sharing');

    // 1. The duty officer places a problem on the map.
    await desk.getByTestId('new-case').click();
    const at = await desk.evaluate(({ lon, lat }) => {
      const map = window.__cwConsole!.map;
      const p = map.project([lon, lat]);
      const box = map.getContainer().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, PROBLEM);
    await desk.mouse.click(at.x, at.y);
    await expect.poll(() => desk.getByTestId('place-preview').innerText()).toMatch(/街道/);
    await desk.getByTestId('new-category').selectOption('street_dirty');
    await desk.getByTestId('new-description').fill('端到端测试：人行道垃圾堆积');
    await desk.getByTestId('new-address').fill('解放路与雪松路交叉口');
    mark('placed on the map');
    await desk.getByTestId('new-submit').click();
    const detail = desk.getByTestId('case-detail');
    await expect.poll(() => detail.getAttribute('data-state'), { timeout: 20_000 }).toBe('reported');
    const caseId = (await detail.getAttribute('data-case'))!;
    const code = caseId;
    expect(code).toMatch(/^AJ\d{8}-\d{5}$/);
    await expect.poll(() => wallLines(code), { timeout: 20_000 }).toEqual([expect.stringContaining('新上报')]);
    mark('created, on the wall');

    // 2. Dispatched to the demo patrol standing next to it (picked in the recommendation list).
    const rec = desk.locator('[data-testid=recommendation][data-patrol="P-DEMO-1"]');
    await expect.poll(() => rec.count(), { timeout: 40_000 }).toBe(1);
    const firstRecommended = await desk.getByTestId('recommendation').first().getAttribute('data-patrol');
    await rec.getByTestId('dispatch-button').click();
    await expect.poll(() => detail.getAttribute('data-state'), { timeout: 20_000 }).toBe('dispatched');
    await expect.poll(() => wallLines(code), { timeout: 20_000 }).toContainEqual(expect.stringContaining('派遣'));
    mark('dispatched');

    // 3. The phone gets the task live and acknowledges it; the desk sees it at once.
    const task = phone.locator(`[data-testid=task-item][data-case="${caseId}"]`);
    await task.waitFor({ timeout: 20_000 });
    await task.click();
    await phone.getByTestId('navigate').click();
    await expect.poll(() => phone.getByTestId('way').innerText()).toMatch(/米/);
    await phone.getByTestId('acknowledge').click();
    await expect.poll(() => phone.getByTestId('task-state').innerText(), { timeout: 20_000 }).toBe('处置');
    await expect.poll(() => detail.getAttribute('data-state'), { timeout: 20_000 }).toBe('in_progress');
    await expect.poll(() => desk.getByTestId('notice').innerText(), { timeout: 15_000 }).toContain('已签收');
    await expect.poll(() => wallLines(code), { timeout: 20_000 }).toContainEqual(expect.stringContaining('处置'));
    mark('acknowledged');

    // 4. Offline: the fix is reported with a photo while the phone has no network; it waits in the
    //    outbox, and is sent once the network is back — applied exactly once.
    await phoneContext.setOffline(true);
    await expect.poll(() => phone.getByTestId('phone-link').innerText()).toContain('离线');
    await phone.getByTestId('after-photo').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: png() });
    await phone.getByTestId('report-done').click();
    await expect.poll(() => phone.getByTestId('queued-count').innerText()).toContain('待发送 1 项');
    await expect.poll(() => phone.getByTestId('outbox-item').count()).toBe(1);
    await phone.waitForTimeout(1500);
    expect(await detail.getAttribute('data-state')).toBe('in_progress');
    await phone.screenshot({ path: join(shots, 'patrol-390-offline.png') });
    await phoneContext.setOffline(false);
    await expect.poll(() => detail.getAttribute('data-state'), { timeout: 40_000 }).toBe('feedback');
    await expect.poll(() => phone.getByTestId('outbox-item').count(), { timeout: 20_000 }).toBe(0);
    const token = await login(server.url, 'dispatcher');
    const events = (await (await fetch(`${server.url}/api/v1/cases/${caseId}/events`, { headers: { authorization: `Bearer ${token}` } })).json()) as
      { action: string | null; type: string; note: string | null }[];
    expect(events.filter((e) => e.action === 'report_done')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'photo' && e.note?.startsWith('after:'))).toHaveLength(1);
    await expect.poll(() => desk.locator('[data-testid=case-photos] [data-stage=after]').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => wallLines(code), { timeout: 20_000 }).toContainEqual(expect.stringContaining('反馈'));
    mark('reported done offline, sent once online');

    // 5. The duty officer verifies and closes.
    await desk.locator('[data-action=verify_pass]').click();
    await expect.poll(() => detail.getAttribute('data-state'), { timeout: 20_000 }).toBe('verified');
    await desk.locator('[data-action=close]').click();
    await expect.poll(() => detail.getAttribute('data-state'), { timeout: 20_000 }).toBe('closed');
    await expect.poll(() => wallLines(code), { timeout: 20_000 }).toContainEqual(expect.stringContaining('结案'));
    await expect.poll(() => phone.locator(`[data-testid=task-item][data-case="${caseId}"]`).count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => desk.getByTestId('case-timeline').innerText(), { timeout: 20_000 }).toContain('结案');
    const trail = await desk.getByTestId('case-timeline').innerText();
    for (const step of ['上报', '派遣', '签收', '处置反馈', '核查通过']) expect(trail).toContain(step);
    mark('verified and closed');
    console.log(`[dispatch-flow] first recommended patrol: ${firstRecommended}`);
    expect(errors).toEqual([]);
  });

  it('keeps screenshots of the desk at 1920 and 3840 and of the phone at 390', async () => {
    // A queue with a few problems, one opened with its recommendations, and a task on the phone.
    const token = await login(server.url, 'dispatcher');
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
      });
      expect(res.status).toBeLessThan(300);
      return (await res.json()) as { id: string; unit: string };
    };
    const more = [
      { category: 'illegal_parking', lon: 114.0262, lat: 32.9841, description: '机动车占用人行道停放', address: '雪松路北段', priority: 'high' },
      { category: 'ad_missing', lon: 114.0178, lat: 32.9768, description: '公益广告牌破损', address: '健康路口' },
      { category: 'toilet_unclean', lon: 114.0301, lat: 32.9789, description: '公厕地面积水、无纸巾', address: '人民公园东门公厕' },
      { category: 'traffic_order', lon: 114.0203, lat: 32.9862, description: '早高峰路口行人闯红灯', address: '解放路与交通路交叉口' },
    ];
    for (const body of more) await post('/api/v1/cases', body);
    const phoneTask = await post('/api/v1/cases', { category: 'street_dirty', lon: 114.0232, lat: 32.9818, description: '绿化带内白色垃圾', address: '中山街 12 号门前' });
    await post(`/api/v1/cases/${phoneTask.id}/transitions`, { action: 'dispatch', patrolId: 'P-DEMO-1', unit: phoneTask.unit });
    const shown = await post('/api/v1/cases', { category: 'road_vending', lon: 114.0215, lat: 32.9812, description: '早市摊点越线经营，占用盲道', address: '解放路中段' });
    // The keyboard drives the desk: ? help, j/Enter open the top of the queue, Esc closes.
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('?');
    await desk.getByTestId('help-overlay').waitFor();
    await desk.keyboard.press('Escape');
    expect(await desk.getByTestId('help-overlay').count()).toBe(0);
    await expect.poll(() => desk.getByTestId('queue-row').count()).toBeGreaterThanOrEqual(6);
    const top = await desk.getByTestId('queue-row').first().getAttribute('data-case');
    await desk.keyboard.press('j');
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.getByTestId('case-detail').getAttribute('data-case')).toBe(top);
    await desk.locator(`[data-testid=queue-row][data-case="${shown.id}"]`).click();
    await expect.poll(() => desk.getByTestId('recommendation').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await desk.waitForTimeout(1200);
    mark('desk ready for pictures');
    await desk.screenshot({ path: join(shots, 'dispatch-1920.png') });
    mark('dispatch-1920.png');
    await desk.setViewportSize({ width: 3840, height: 2160 });
    await desk.waitForTimeout(2500);
    const overflow = await desk.evaluate(() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]);
    expect(overflow).toEqual([0, 0]);
    await desk.screenshot({ path: join(shots, 'dispatch-3840.png') });
    mark('dispatch-3840.png');

    // d sends the opened case to its first recommended patrol.
    await desk.keyboard.press('d');
    await expect.poll(() => desk.getByTestId('case-detail').getAttribute('data-state'), { timeout: 20_000 }).toBe('dispatched');

    await phoneContext.setGeolocation({ latitude: 32.9809, longitude: 114.0219 });
    await phone.getByTestId('tab-tasks').click();
    const task = phone.locator(`[data-testid=task-item][data-case="${phoneTask.id}"]`);
    await task.waitFor({ timeout: 20_000 });
    await task.click();
    await phone.getByTestId('navigate').click();
    await phone.waitForTimeout(1500);
    expect(await phone.getByTestId('phone-body').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    await phone.screenshot({ path: join(shots, 'patrol-390.png') });
    mark('patrol-390.png');
    // The smallest phones in use are 360 wide: nothing spills sideways there either.
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.waitForTimeout(500);
    expect(await phone.getByTestId('phone-body').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    await phone.screenshot({ path: join(shots, 'patrol-360.png') });
    mark('screenshots');
  });
});
