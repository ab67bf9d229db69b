// The leader's review (/review): what is being asked — window, filters, map mode, level, metric,
// the period compared with — and the answers the map draws. Panels fetch their own tables from
// the same window and filters (review/use-resource.ts); this store holds what the map needs.
// Replies are kept whole in shallowRefs; values per area are plain Maps rebuilt per answer or step.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { reviewApi, type ChoroplethReply, type CompareReply, type HeatReply, type MetaReply, type SeriesReply } from '../api/review-api.ts';
import { getJson } from '../api/http.ts';
import {
  compareWindow, EMPTY_FILTERS, filterParams, presetWindow, reviewUrl, toggleCode, windowDays, withCodes,
  type AreaLevel, type ComparePreset, type FilterKey, type Filters, type Metric, type TimeWindow, type WindowPreset,
} from '../review/review-query.ts';
import { DaySeries, type SlideMode } from '../review/day-series.ts';
import { divergingScale, robustTop, sequentialScale, type ColorScale } from '../review/color-scales.ts';
import { Latest } from '../review/latest.ts';

export type ReviewMode = 'heat' | 'choropleth' | 'compare';
export type CompareView = 'diff' | 'split';
export type ReviewTab = 'rankings' | 'assessment' | 'coverage' | 'duty' | 'replay';

/** Heat bins of 0.002° (about 200 m): fine enough for a street, coarse enough to stay smooth. */
export const HEAT_SCALE = 2;
/** The server's limit for day series of unit cells and heat bins. */
export const FINE_SERIES_MAX_DAYS = 92;
const HOUR_MS = 3_600_000;

export interface HeatPoint {
  lon: number;
  lat: number;
  /** Cases in the bin. */
  n: number;
}

/** The values one map shows: area code → number, on a scale. */
export interface AreaPicture {
  level: AreaLevel;
  values: ReadonlyMap<string, number>;
  scale: ColorScale;
}

export const useReviewStore = defineStore('review', () => {
  const meta = shallowRef<MetaReply | null>(null);
  const preset = ref<WindowPreset | 'custom'>('30d');
  const timeWindow = shallowRef<TimeWindow>(presetWindow('30d', Date.now()));
  const filters = shallowRef<Filters>(EMPTY_FILTERS);
  const mode = ref<ReviewMode>('heat');
  const level = ref<AreaLevel>('street');
  const metric = ref<Metric>('count');
  const comparePreset = ref<ComparePreset>('previous');
  const compareView = ref<CompareView>('diff');
  const tab = ref<ReviewTab>('rankings');
  /** The map as it was when the printable report was opened (a JPEG data URL), for the report. */
  const snapshot = shallowRef<{ image: string; caption: string } | null>(null);

  // --- the questions ----------------------------------------------------------------------------
  const filterQuery = computed(() => filterParams(filters.value));
  const scope = computed(() => ({ from: timeWindow.value.from, to: timeWindow.value.to, ...filterQuery.value }));
  const comparePeriod = computed(() => compareWindow(timeWindow.value, comparePreset.value));
  const days = computed(() => windowDays(timeWindow.value));

  /** What the map asks the server for in the current mode (one request per change, none per step). */
  const analysisUrl = computed(() => {
    if (mode.value === 'heat') return reviewUrl('heat', { ...scope.value, scale: HEAT_SCALE });
    if (mode.value === 'compare') {
      const a = comparePeriod.value;
      const b = timeWindow.value;
      return reviewUrl('compare', { aFrom: a.from, aTo: a.to, bFrom: b.from, bTo: b.to, ...filterQuery.value, level: level.value });
    }
    return reviewUrl('choropleth', { ...scope.value, level: level.value, metric: metric.value });
  });

  /** The slider's day series: heat bins in heat mode, areas of the level otherwise; null when the
   *  window is too long for the server (cells and bins: 92 days) or the mode does not play. */
  const seriesUrl = computed(() => {
    if (mode.value === 'compare') return null;
    const fine = mode.value === 'heat' || level.value === 'cell';
    if (fine && days.value > FINE_SERIES_MAX_DAYS) return null;
    return mode.value === 'heat'
      ? reviewUrl('series', { ...scope.value, level: 'bin', scale: HEAT_SCALE })
      : reviewUrl('series', { ...scope.value, level: level.value });
  });

  // --- the answers ------------------------------------------------------------------------------
  const choropleth = shallowRef<ChoroplethReply | null>(null);
  const heat = shallowRef<HeatReply | null>(null);
  const compare = shallowRef<CompareReply | null>(null);
  const series = shallowRef<DaySeries | null>(null);
  const seriesFor = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const analysisFor = ref<string | null>(null);
  const analysisLatest = new Latest();
  const seriesLatest = new Latest();

  async function loadMeta(): Promise<MetaReply> {
    meta.value ??= await reviewApi.meta();
    return meta.value;
  }

  async function loadAnalysis(): Promise<void> {
    const url = analysisUrl.value;
    const m = mode.value;
    loading.value = true;
    error.value = null;
    try {
      await analysisLatest.run(
        () => getJson<HeatReply | CompareReply | ChoroplethReply>(url),
        (reply) => {
          if (m === 'heat') heat.value = reply as HeatReply;
          else if (m === 'compare') compare.value = reply as CompareReply;
          else choropleth.value = reply as ChoroplethReply;
          analysisFor.value = url;
          loading.value = false;
        },
      );
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
      loading.value = false;
    }
  }

  // --- the time slider --------------------------------------------------------------------------
  /** The day shown (0 = first of the window), or null: the whole window at once. */
  const sliderDay = ref<number | null>(null);
  const slideMode = ref<SlideMode>('day');

  async function loadSeries(): Promise<DaySeries | null> {
    const url = seriesUrl.value;
    if (!url) return null;
    if (seriesFor.value === url && series.value) return series.value;
    await seriesLatest.run(() => getJson<SeriesReply>(url), (reply) => {
      series.value = new DaySeries(reply);
      seriesFor.value = url;
    });
    return seriesFor.value === url ? series.value : null;
  }

  function stopSliding(): void {
    sliderDay.value = null;
  }

  /** True when the slider's series answers the current question (not an older one). */
  const seriesReady = computed(() => series.value !== null && seriesFor.value !== null && seriesFor.value === seriesUrl.value);

  // --- what the map draws -----------------------------------------------------------------------
  const areaCodes = computed((): Record<AreaLevel, readonly string[]> => {
    const m = meta.value;
    return {
      district: m?.districts.map((d) => d.code) ?? [],
      street: m?.streets.map((s) => s.code) ?? [],
      community: m?.communities.map((c) => c.code) ?? [],
      cell: m?.cells ?? [],
    };
  });

  function byCode(level_: AreaLevel, ids: readonly number[], values: readonly (number | null)[]): Map<string, number> {
    const codes = areaCodes.value[level_];
    const out = new Map<string, number>();
    ids.forEach((id, i) => {
      const code = codes[id];
      const v = values[i];
      if (code !== undefined && v !== null && v !== undefined) out.set(code, v);
    });
    return out;
  }

  const sliding = computed(() => sliderDay.value !== null && seriesReady.value);

  /** One day (or the running total) of the series, by area code. */
  const slideFrame = computed((): Map<string, number> | null => {
    if (!sliding.value || mode.value === 'heat') return null;
    const frame = series.value!.frame(sliderDay.value!, slideMode.value);
    return byCode(level.value, [...frame.keys()], [...frame.values()]);
  });

  /** The picture(s) of the area map: one for choropleth and difference, two (A, B) side by side. */
  const pictures = computed((): AreaPicture[] => {
    const lv = level.value;
    if (mode.value === 'heat') return [];
    if (mode.value === 'compare') {
      const c = compare.value;
      if (!c || c.level !== lv) return [];
      if (compareView.value === 'diff') {
        // Periods of different length compare per day: A is scaled to B's length.
        const k = c.days[0]! > 0 ? c.days[1]! / c.days[0]! : 1;
        const diff = c.ids.map((_, i) => Math.round((c.b[i]! - c.a[i]! * k) * 10) / 10);
        const values = byCode(lv, c.ids, diff);
        const maxAbs = Math.max(1, ...[...values.values()].map(Math.abs));
        return [{ level: lv, values, scale: divergingScale(maxAbs) }];
      }
      const a = byCode(lv, c.ids, c.a);
      const b = byCode(lv, c.ids, c.b);
      const scale = sequentialScale(Math.max(1, ...a.values(), ...b.values()), { spacing: 'sqrt' });
      return [{ level: lv, values: a, scale }, { level: lv, values: b, scale }];
    }
    const frame = slideFrame.value;
    if (frame) {
      const s = series.value!;
      const { top, overflow } = s.topFor(slideMode.value);
      return [{ level: lv, values: frame, scale: { ...sequentialScale(top, { spacing: 'sqrt' }), overflow } }];
    }
    const r = choropleth.value;
    if (!r || r.level !== lv) return [];
    const m = r.metric as Metric;
    const raw = m === 'mean_handling' ? r.values.map((v) => (v === null ? null : v / HOUR_MS)) : r.values;
    const values = byCode(lv, r.ids, raw);
    const { top, overflow } = robustTop(values.values());
    const scale = m === 'overdue_rate'
      ? sequentialScale(Math.min(1, top || 0.01))
      : { ...sequentialScale(top, { spacing: m === 'count' ? 'sqrt' : 'linear' }), overflow };
    return [{ level: lv, values, scale }];
  });

  /** Heat points: a day of the series while sliding, else the window's bins. */
  const heatPoints = computed((): { points: HeatPoint[]; max: number } => {
    const m = meta.value;
    if (mode.value !== 'heat' || !m) return { points: [], max: 1 };
    const { lon0, lat0 } = m.heat;
    if (sliding.value) {
      const s = series.value!;
      const res = s.res ?? m.heat.res * HEAT_SCALE;
      const cols = s.binColumns ?? Math.ceil(m.heat.width / HEAT_SCALE);
      const frame = s.frame(sliderDay.value!, slideMode.value);
      const points: HeatPoint[] = [];
      for (const [area, n] of frame) {
        const x = area % cols;
        const y = Math.floor(area / cols);
        points.push({ lon: lon0 + (x + 0.5) * res, lat: lat0 + (y + 0.5) * res, n });
      }
      return { points, max: Math.max(1, s.maxFor(slideMode.value)) };
    }
    const h = heat.value;
    if (!h) return { points: [], max: 1 };
    const points: HeatPoint[] = [];
    let max = 1;
    for (let i = 0; i + 2 < h.bins.length; i += 3) {
      const n = h.bins[i + 2]!;
      points.push({ lon: h.lon0 + (h.bins[i]! + 0.5) * h.res, lat: h.lat0 + (h.bins[i + 1]! + 0.5) * h.res, n });
      if (n > max) max = n;
    }
    return { points, max };
  });

  /** Cases the map stands for now (the legend's headline). */
  const shownTotal = computed((): number | null => {
    if (sliding.value) return series.value!.total(sliderDay.value!, slideMode.value);
    if (mode.value === 'heat') return heat.value?.total ?? null;
    if (mode.value === 'compare') return compare.value?.totals[1] ?? null;
    return choropleth.value?.total ?? null;
  });

  // --- changing the question --------------------------------------------------------------------
  function setPreset(p: WindowPreset, now = Date.now()): void {
    preset.value = p;
    setWindow(presetWindow(p, now), p);
  }

  function setWindow(w: TimeWindow, p: WindowPreset | 'custom' = 'custom'): void {
    preset.value = p;
    timeWindow.value = w;
    stopSliding();
  }

  function toggleFilter(key: FilterKey, code: string): void {
    filters.value = toggleCode(filters.value, key, code);
    stopSliding();
  }

  function setFilter(key: FilterKey, codes: readonly string[]): void {
    filters.value = withCodes(filters.value, key, codes);
    stopSliding();
  }

  function clearFilters(): void {
    filters.value = EMPTY_FILTERS;
    stopSliding();
  }

  /** A click on an area of the map (or a ranking row) narrows the filters to it; again clears it. */
  function focusArea(key: FilterKey, code: string): void {
    const only = filters.value[key].length === 1 && filters.value[key][0] === code;
    setFilter(key, only ? [] : [code]);
  }

  function setMode(m: ReviewMode): void {
    mode.value = m;
    stopSliding();
  }

  function setLevel(l: AreaLevel): void {
    level.value = l;
    stopSliding();
  }

  function setMetric(m: Metric): void {
    metric.value = m;
  }

  return {
    meta, preset, timeWindow, filters, mode, level, metric, comparePreset, compareView, tab, snapshot,
    filterQuery, scope, comparePeriod, days, analysisUrl, seriesUrl,
    choropleth, heat, compare, series, loading, error, analysisFor, seriesReady,
    sliderDay, slideMode, sliding, pictures, heatPoints, shownTotal, areaCodes,
    loadMeta, loadAnalysis, loadSeries, stopSliding,
    setPreset, setWindow, toggleFilter, setFilter, clearFilters, focusArea, setMode, setLevel, setMetric,
  };
});

