import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useReviewStore } from './review.ts';
import { DAY_MS, presetWindow } from '../review/review-query.ts';
import { colorAt } from '../review/color-scales.ts';

const META = {
  districts: [{ code: '411702', name: '驿城区' }, { code: '411771', name: '经济开发区' }],
  streets: [{ code: '411702001', name: '人民街街道', district: '411702' }, { code: '411702009', name: '顺河街道', district: '411702' }],
  communities: [],
  cells: ['4117020010010001', '4117020010010002'],
  categories: [], items: [], units: [], states: [], sources: [],
  heat: { lon0: 113.4, lat0: 32.74, res: 0.001, width: 941, height: 420, scales: [1, 2, 4, 8, 16] },
};

/** Answers by path; records every URL asked. */
function serve(replies: Record<string, unknown>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    asked.push(url);
    const path = new URL(url, 'http://x').pathname.replace('/api/v1/review/', '');
    if (!(path in replies)) return new Response('{}', { status: 404 });
    return new Response(JSON.stringify(replies[path]), { headers: { 'content-type': 'application/json' } });
  }));
  return asked;
}

const NOW = Date.parse('2026-03-10T07:30:00Z');

describe('review store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('builds the map\'s question from window, filters, mode, level and metric', () => {
    const s = useReviewStore();
    s.setPreset('7d', NOW);
    const w = presetWindow('7d', NOW);
    s.setMode('choropleth');
    s.toggleFilter('district', '411771');
    s.toggleFilter('category', 'road_vending');
    s.toggleFilter('category', 'dust');
    s.setLevel('community');
    s.setMetric('overdue_rate');
    expect(s.analysisUrl).toBe(`/api/v1/review/choropleth?from=${w.from}&to=${w.to}&category=dust%2Croad_vending&district=411771&level=community&metric=overdue_rate`);
    s.setMode('heat');
    expect(s.analysisUrl).toBe(`/api/v1/review/heat?from=${w.from}&to=${w.to}&category=dust%2Croad_vending&district=411771&scale=2`);
    s.setMode('compare');
    expect(s.analysisUrl).toBe(`/api/v1/review/compare?aFrom=${w.from - 7 * DAY_MS}&aTo=${w.from}&bFrom=${w.from}&bTo=${w.to}&category=dust%2Croad_vending&district=411771&level=community`);
  });

  it('asks for one day series per window, and none the server would refuse', () => {
    const s = useReviewStore();
    s.setPreset('30d', NOW);
    s.setMode('heat');
    expect(s.seriesUrl).toContain('/series?');
    expect(s.seriesUrl).toContain('level=bin&scale=2');
    s.setPreset('365d', NOW);
    expect(s.seriesUrl).toBeNull(); // bins: at most 92 days
    s.setMode('choropleth');
    s.setLevel('street');
    expect(s.seriesUrl).toContain('level=street');
    s.setLevel('cell');
    expect(s.seriesUrl).toBeNull();
    s.setMode('compare');
    expect(s.seriesUrl).toBeNull();
  });

  it('a click on an area filters to it, a second click clears it', () => {
    const s = useReviewStore();
    s.focusArea('street', '411702009');
    expect(s.filters.street).toEqual(['411702009']);
    expect(s.analysisUrl).toContain('street=411702009');
    s.focusArea('street', '411702009');
    expect(s.filters.street).toEqual([]);
  });

  it('turns a choropleth reply into values by area code, hours for handling time', async () => {
    serve({ meta: META, choropleth: { level: 'street', metric: 'mean_handling', total: 9, ids: [1], values: [7_200_000], counts: [3] } });
    const s = useReviewStore();
    await s.loadMeta();
    s.setMode('choropleth');
    s.setMetric('mean_handling');
    await s.loadAnalysis();
    const [pic] = s.pictures;
    expect([...pic!.values]).toEqual([['411702009', 2]]);
    expect(s.shownTotal).toBe(9);
  });

  it('plays the window from one /series answer: each step is a different day, no request per step', async () => {
    const asked = serve({
      meta: META,
      series: { level: 'street', firstDay: 0, days: 3, totals: [4, 0, 6], binColumns: null, res: null, triples: [0, 0, 4, 1, 2, 6] },
    });
    const s = useReviewStore();
    await s.loadMeta();
    s.setMode('choropleth');
    await s.loadSeries();
    const before = asked.length;
    s.sliderDay = 0;
    expect([...s.pictures[0]!.values]).toEqual([['411702001', 4]]);
    expect(s.shownTotal).toBe(4);
    s.sliderDay = 2;
    expect([...s.pictures[0]!.values]).toEqual([['411702009', 6]]);
    s.slideMode = 'cumulative';
    expect(Object.fromEntries(s.pictures[0]!.values)).toEqual({ '411702001': 4, '411702009': 6 });
    expect(s.shownTotal).toBe(10);
    expect(asked.length).toBe(before);
    // A new question ends the playback.
    s.toggleFilter('district', '411702');
    expect(s.sliderDay).toBeNull();
  });

  it('maps heat series bins back to bin centres', async () => {
    serve({
      meta: META,
      series: { level: 'bin', firstDay: 0, days: 1, totals: [2], binColumns: 471, res: 0.002, triples: [471 * 3 + 5, 0, 2] },
    });
    const s = useReviewStore();
    await s.loadMeta();
    s.setMode('heat');
    await s.loadSeries();
    s.sliderDay = 0;
    const [p] = s.heatPoints.points;
    expect(p!.lon).toBeCloseTo(113.4 + 5.5 * 0.002, 9);
    expect(p!.lat).toBeCloseTo(32.74 + 3.5 * 0.002, 9);
    expect(p!.n).toBe(2);
  });

  it('colours the difference map by more or fewer cases, scaled to the same period length', async () => {
    serve({ meta: META, compare: { level: 'street', totals: [10, 30], days: [7, 14], ids: [0, 1], a: [10, 0], b: [10, 30] } });
    const s = useReviewStore();
    await s.loadMeta();
    s.setMode('compare');
    s.setLevel('street');
    await s.loadAnalysis();
    const [pic] = s.pictures;
    // A had 10 in 7 days = 20 per 14 days; B 10: ten fewer. Street 2: 30 more.
    expect(Object.fromEntries(pic!.values)).toEqual({ '411702001': -10, '411702009': 30 });
    expect(pic!.scale.kind).toBe('diverging');
    const [r, , b] = [1, 3, 5].map((i) => Number.parseInt(colorAt(pic!.scale, 30).slice(i, i + 2), 16));
    expect(r!).toBeGreaterThan(b!);
    s.compareView = 'split';
    expect(s.pictures).toHaveLength(2);
    expect(s.pictures[0]!.scale).toBe(s.pictures[1]!.scale);
  });

  it('applies only the answer to the latest question', async () => {
    let release: (v: Response) => void = () => {};
    const slow = new Promise<Response>((r) => { release = r; });
    const fetchMock = vi.fn()
      .mockImplementationOnce(() => slow)
      .mockImplementationOnce(async () => new Response(JSON.stringify({ level: 'street', metric: 'count', total: 2, ids: [0], values: [2], counts: [2] })));
    vi.stubGlobal('fetch', fetchMock);
    const s = useReviewStore();
    s.meta = META;
    s.setMode('choropleth');
    const first = s.loadAnalysis();
    s.toggleFilter('district', '411702');
    await s.loadAnalysis();
    release(new Response(JSON.stringify({ level: 'street', metric: 'count', total: 99, ids: [1], values: [99], counts: [99] })));
    await first;
    expect(s.choropleth?.total).toBe(2);
    expect(s.analysisFor).toContain('district=411702');
  });
});
