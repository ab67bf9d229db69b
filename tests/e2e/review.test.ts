// The leaders' review in a real browser, on a store seeded with generated history: log in as
// `leader`, filter, switch the map between heatmap and choropleth (level, measure), play the time
// slider, replay two patrols, look at the assessment tracker, patrol coverage and red-vest duty,
// export the map as PNG and a table as CSV, open the printable report;
// screenshots at 1920×1080 and 3840×2160 and of the report for people to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { repoRoot, startServer, type ServerProcess } from '../support/server-process.ts';

const shots = join(repoRoot, 'tests', 'e2e', 'screenshots');
const run = promisify(execFile);

describe('the leaders\' review', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  const timings: Record<string, number> = {};
  const started = Date.now();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cw-e2e-review-'));
    // History first: the generator needs the store to itself.
    const t0 = Date.now();
    await run(process.execPath, [
      join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'server', 'src', 'history', 'cli.ts'),
      '--cases', '5000', '--days', '120', '--patrols', '20', '--patrol-days', '2', '--data-dir', dataDir,
    ], { cwd: join(repoRoot, 'server') });
    timings.history = Date.now() - t0;
    server = await startServer({ SIMULATE: '0', CLIENT_DIST: join(repoRoot, 'client', 'dist') }, dataDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    console.log('[review e2e] timings (ms):', { ...timings, total: Date.now() - started });
  });

  const analysed = (page: Page, ...parts: string[]) =>
    page.waitForFunction((p) => {
      const a = window.__cwReview?.analysis();
      return !!a && !a.loading && !!a.url && p.every((x) => a.url!.includes(x));
    }, parts, { timeout: 15_000 });

  it('filters, maps, plays, replays, exports and prints', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // A leader lands on /review.
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('leader');
    await page.getByTestId('login-password').fill('zmd-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/review$/);
    await page.waitForFunction(() => (window.__cwReview?.shown().heatPoints ?? 0) > 50, null, { timeout: 30_000 });

    // Filters: a category and a district narrow the heatmap.
    const before = await page.evaluate(() => window.__cwReview!.shown().heatPoints);
    await page.getByTestId('filter-category').locator('button').first().click();
    await page.getByTestId('filter-category-search').fill('占道');
    await page.locator('[data-testid=filter-category] label[data-code=road_vending] input').check();
    await page.getByTestId('filter-category-done').click();
    await page.getByTestId('filter-district').locator('button').first().click();
    await page.locator('[data-testid=filter-district] label[data-code="411702"] input').check();
    await page.getByTestId('filter-district-done').click();
    await analysed(page, 'category=road_vending', 'district=411702');
    const filtered = await page.evaluate(() => window.__cwReview!.shown().heatPoints);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(before);
    await expect.poll(() => page.getByTestId('rankings-table').locator('tbody tr').count()).toBeGreaterThan(1);

    // Choropleth: level and measure.
    await page.locator('[data-testid=mode] [data-value=choropleth]').click();
    await page.locator('[data-testid=level] [data-value=community]').click();
    await page.locator('[data-testid=metric] [data-value=overdue_rate]').click();
    await analysed(page, 'choropleth?', 'level=community', 'metric=overdue_rate');
    await page.getByTestId('filters-clear').click();
    await page.locator('[data-testid=metric] [data-value=count]').click();
    await page.locator('[data-testid=level] [data-value=street]').click();
    await analysed(page, 'choropleth?', 'level=street', 'metric=count');
    await page.waitForFunction(() => window.__cwReview!.shown().areas > 5);

    // The time slider plays day by day from one /series answer.
    const seriesAsked: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/review/series')) seriesAsked.push(r.url()); });
    await page.locator('[data-testid=slider-rate]').selectOption('4');
    await page.getByTestId('slider-play').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=time-slider]')?.getAttribute('data-day') || -1) >= 4, null, { timeout: 15_000 });
    await page.getByTestId('slider-play').click();
    expect(seriesAsked).toHaveLength(1);
    const steps = await page.evaluate(() => window.__cwReview!.sliderTimings());
    expect(steps.length).toBeGreaterThanOrEqual(3);
    timings.sliderApplyMsMax = Math.max(...steps.map((s) => s.applyMs));
    timings.sliderRenderMsMedian = [...steps.map((s) => s.renderMs)].sort((a, b) => a - b)[Math.floor(steps.length / 2)]!;
    await page.getByTestId('slider-whole').click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(shots, 'review-1920.png') });

    // Exports: the map as a PNG, a ranking as CSV (with the session's token).
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.url()).toMatch(/^data:image\/png;base64,/);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(100_000);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rankings-csv').click()]);
    const lines = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv.suggestedFilename()).toMatch(/^rankings-street-\d{8}-\d{8}\.csv$/);
    expect(lines[0]).toContain('街道');
    expect(lines[0]).toContain('按期率');
    expect(lines[1]).toMatch(/^1,4117\d{5},[^,]+,\d+,/);

    // Replay of two patrols at 60×: the clock runs and both tracks are on the map.
    await page.getByTestId('tab-replay').click();
    await page.locator('[data-testid=replay-patrols] label[data-id=P00001] input').check();
    await page.locator('[data-testid=replay-patrols] label[data-id=P00002] input').check();
    await page.getByTestId('replay-24h').click();
    await page.getByTestId('replay-load').click();
    await page.waitForFunction(() => window.__cwReview!.shown().replayPatrols === 2 && window.__cwReview!.replayTime() !== null);
    await page.locator('[data-testid=replay-speed] [data-value="60"]').click();
    const t0 = await page.evaluate(() => window.__cwReview!.replayTime()!);
    await page.getByTestId('replay-play').click();
    await page.waitForFunction((t) => window.__cwReview!.replayTime()! > t + 60_000, t0, { timeout: 10_000 });
    await page.waitForFunction(() => window.__cwReview!.map.queryRenderedFeatures({ layers: ['replay-tracks'] }).length > 0);
    await page.getByTestId('replay-play').click();

    // The assessment tracker (挂图作战): the labelled sample taxonomy's 12 items with open and
    // overdue counts; an item opens to its contents; the 38 site categories and the sites at risk.
    await page.getByTestId('tab-assessment').click();
    const items = page.locator('[data-testid=panel-assessment] tbody tr[data-code]');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(12);
    expect(await page.getByTestId('sample-label').count()).toBe(1);
    const openCounts = await items.locator('td.num:nth-child(2)').allTextContents();
    expect(openCounts.map(Number).every(Number.isInteger)).toBe(true);
    expect(openCounts.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await items.first().click();
    await expect.poll(() => page.locator('[data-testid=panel-assessment] tr.items__contents li').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('site-categories').locator('li').count()).toBe(38);
    await expect.poll(() => page.getByTestId('sites-at-risk').locator('li[data-id]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(shots, 'review-assessment-1920.png') });

    // Patrol coverage (巡查覆盖率): per street visited/cells over the window; the "not visited in N
    // days" count follows the chosen N and the cells are drawn on the map.
    await page.getByTestId('tab-coverage').click();
    await page.locator('[data-testid=coverage-period] [data-value=window]').click();
    const coverage = page.getByTestId('coverage-rows').locator('li[data-code]');
    await expect.poll(() => coverage.count(), { timeout: 15_000 }).toBeGreaterThan(5);
    const shares = await coverage.locator('.cov__n').allTextContents();
    for (const s of shares) {
      const [visited, cells] = s.split('/').map(Number);
      expect(cells).toBeGreaterThan(0);
      expect(visited).toBeGreaterThanOrEqual(0);
      expect(visited).toBeLessThanOrEqual(cells!);
    }
    expect(shares.some((s) => Number(s.split('/')[0]) > 0)).toBe(true);
    // "{n} 个网格 {d} 天无人巡查": [n, d]
    const stale = async () => ((await page.getByTestId('stale-count').textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
    await page.getByTestId('stale-days').selectOption('1');
    await expect.poll(async () => (await stale())[1]).toBe(1);
    const stale1 = (await stale())[0]!;
    await page.getByTestId('stale-days').selectOption('30');
    await expect.poll(async () => (await stale())[1]).toBe(30);
    const stale30 = (await stale())[0]!;
    // A cell unvisited for 30 days is also unvisited for 1 day.
    expect(stale30).toBeLessThanOrEqual(stale1);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(shots, 'review-coverage-1920.png') });

    // Red-vest duty (分包路段): the contracted road sections, who is on shift, and the headline of
    // sections with nobody present right now.
    await page.getByTestId('tab-duty').click();
    const sections = page.locator('[data-testid=panel-duty] li[data-section]');
    await expect.poll(() => sections.count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect((await page.getByTestId('duty-uncovered').textContent())!.trim()).not.toBe('');
    await sections.first().click();
    await expect.poll(() => page.locator('[data-testid=panel-duty] li.picked').count()).toBe(1);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(shots, 'review-duty-1920.png') });

    // The printable report: one A4 page.
    await page.getByTestId('tab-rankings').click();
    await page.getByTestId('open-report').click();
    await page.waitForSelector('[data-testid=report-sheet][data-ready=yes]');
    await expect.poll(() => page.getByTestId('report-kpis').locator('.kpi').count()).toBe(7);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'review-report.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

    // Back on the review, opened afresh on a 4K screen: the same layout, scaled.
    await page.getByTestId('report-back').click();
    await page.waitForURL(/\/review$/);
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.reload();
    await page.waitForFunction(() => (window.__cwReview?.shown().heatPoints ?? 0) > 50, null, { timeout: 30_000 });
    await page.locator('[data-testid=mode] [data-value=choropleth]').click();
    await page.waitForFunction(() => (window.__cwReview?.shown().areas ?? 0) > 5, null, { timeout: 30_000 });
    await page.waitForTimeout(2500);
    const overflow = await page.evaluate(() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]);
    expect(overflow).toEqual([0, 0]);
    await page.screenshot({ path: join(shots, 'review-3840.png') });
    expect(errors).toEqual([]);
    await page.close();
    timings.test = Date.now() - started;
  }, 300_000);
});
