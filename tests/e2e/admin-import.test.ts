// The admin's layer import in a real browser: from the dispatch desk to /admin, upload a
// communities layer with a mistake (the report names it, Apply stays off), cancel, upload a good
// one (progress, report, Apply), see a display refetch the new version, then undo it.
// Screenshots at 1920×1080 for people to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { repoRoot, startServer, type ServerProcess } from '../support/server-process.ts';

const shots = join(repoRoot, 'tests', 'e2e', 'screenshots');

interface Fc { type: string; features: { properties: Record<string, unknown> }[] }

function communitiesFile(mutate: (fc: Fc) => void): Buffer {
  const fc = JSON.parse(readFileSync(join(repoRoot, 'data', 'communities.geojson'), 'utf8')) as Fc;
  mutate(fc);
  return Buffer.from(JSON.stringify(fc));
}

async function signIn(page: Page, url: string, user: string) {
  // Sized for a loaded 2-core machine (other servers and browsers running beside this one).
  page.setDefaultTimeout(90_000);
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill('zmd-demo');
  await page.getByTestId('login-submit').click();
}

describe('layer import (admin)', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ SIMULATE: '0', CLIENT_DIST: join(repoRoot, 'client', 'dist') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads, reports, applies, is seen by a display, and undoes', async () => {
    // A duty officer's desk is open: it will refetch the communities when they change.
    const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const deskLoaded = desk.waitForRequest((r) => r.url().includes('/api/v1/layers/communities?v=0'), { timeout: 90_000 });
    await signIn(desk, server.url, 'dispatcher');
    await desk.waitForURL(/\/dispatch$/);
    await deskLoaded;

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server.url, 'admin');
    await page.waitForURL(/\/dispatch$/);
    await page.getByTestId('to-admin').click();
    await page.waitForURL(/\/admin$/);
    await expect.poll(() => page.getByTestId('history-active').textContent()).toContain('随系统提供的数据');

    // A file with a duplicate code: the report says which feature and why; Apply stays off.
    await page.getByTestId('import-file').setInputFiles({
      name: '社区-有误.geojson', mimeType: 'application/geo+json',
      buffer: communitiesFile((fc) => { fc.features[5]!.properties.code = fc.features[4]!.properties.code; }),
    });
    await expect.poll(() => page.getByTestId('import-format').inputValue()).toBe('geojson');
    await page.getByTestId('import-upload').click();
    await expect.poll(() => page.getByTestId('count-errors').textContent(), { timeout: 60_000 }).toBe('1');
    await expect.poll(() => page.getByTestId('issues-errors').textContent()).toContain('#5');
    expect(await page.getByTestId('issues-errors').textContent()).toContain('重复');
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    await page.screenshot({ path: join(shots, 'admin-import-errors-1920.png') });
    await page.getByTestId('import-cancel').click();

    // A good file: one community renamed.
    await page.getByTestId('import-file').setInputFiles({
      name: '社区-2026.geojson', mimeType: 'application/geo+json',
      buffer: communitiesFile((fc) => { fc.features[0]!.properties.name = '中山街社区（导入）'; }),
    });
    await page.getByTestId('import-upload').click();
    await expect.poll(() => page.getByTestId('count-errors').textContent(), { timeout: 60_000 }).toBe('0');
    expect(await page.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('report-counts').textContent()).toContain('231');
    await page.screenshot({ path: join(shots, 'admin-import-report-1920.png') });

    const refetched = desk.waitForRequest((r) => r.url().includes('/api/v1/layers/communities?v=1'), { timeout: 30_000 });
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-applied').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('history-active').textContent()).toContain('v1');
    await refetched;
    const served = await page.evaluate(async () => (await (await fetch('/api/v1/layers/communities?v=1')).json()) as Fc);
    expect(served.features[0]!.properties.name).toBe('中山街社区（导入）');
    await page.screenshot({ path: join(shots, 'admin-import-applied-1920.png') });

    // Undo: the shipped layer again, and the display goes back too.
    const back = desk.waitForRequest((r) => r.url().includes('/api/v1/layers/communities?v=0'), { timeout: 30_000 });
    await page.getByTestId('layer-undo').click();
    await expect.poll(() => page.getByTestId('history-active').textContent(), { timeout: 30_000 }).toContain('随系统提供的数据');
    await back;
    expect(await page.getByTestId('version-1').textContent()).toContain('社区-2026.geojson');
    expect(errors).toEqual([]);
  }, 240_000);
});
