import { describe, expect, it } from 'vitest';
import {
  chinaDate, chinaMidnight, compareWindow, dateWindow, EMPTY_FILTERS, filterParams, presetWindow, readQuery, reviewUrl,
  toggleCode, windowDays, DAY_MS,
} from './review-query.ts';

// 2026-03-10 15:30 China time = 07:30 UTC.
const NOW = Date.parse('2026-03-10T07:30:00Z');
const MIDNIGHT = Date.parse('2026-03-10T00:00:00+08:00');

describe('review query strings', () => {
  it('leaves empty filters out and sorts and de-duplicates codes, so equal questions give equal URLs', () => {
    const f = { ...EMPTY_FILTERS, district: ['411771', '411702', '411702'], category: ['road_vending'] };
    expect(filterParams(f)).toEqual({ category: 'road_vending', district: '411702,411771' });
    const a = reviewUrl('choropleth', { from: 1, to: 2, ...filterParams(f), level: 'street', metric: 'count' });
    const b = reviewUrl('choropleth', { from: 1, to: 2, ...filterParams({ ...f, district: ['411702', '411771'] }), level: 'street', metric: 'count' });
    expect(a).toBe(b);
    expect(a).toBe('/api/v1/review/choropleth?from=1&to=2&category=road_vending&district=411702%2C411771&level=street&metric=count');
  });

  it('skips undefined, null and empty parameters', () => {
    expect(reviewUrl('meta')).toBe('/api/v1/review/meta');
    expect(reviewUrl('heat', { from: 5, to: 9, scale: undefined, street: '', unit: null })).toBe('/api/v1/review/heat?from=5&to=9');
  });

  it('toggles one code of one filter without touching the others', () => {
    const a = toggleCode(EMPTY_FILTERS, 'street', '411702001');
    expect(a.street).toEqual(['411702001']);
    expect(toggleCode(a, 'street', '411702001').street).toEqual([]);
    expect(EMPTY_FILTERS.street).toEqual([]);
  });

  it('reads back a window and filters from a route query, and refuses a missing or inverted window', () => {
    expect(readQuery({ from: '10', to: '20', district: '411702,411771', unit: '' })).toEqual({
      window: { from: 10, to: 20 },
      filters: { ...EMPTY_FILTERS, district: ['411702', '411771'] },
    });
    expect(readQuery({ from: '20', to: '10' })).toBeNull();
    expect(readQuery({ to: '10' })).toBeNull();
  });
});

describe('China-day windows', () => {
  it('starts days at midnight China time whatever the machine zone', () => {
    expect(chinaMidnight(NOW)).toBe(MIDNIGHT);
    expect(chinaDate(NOW)).toBe('2026-03-10');
    // 23:30 UTC on the 9th is already the 10th in China.
    expect(chinaDate(Date.parse('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
  });

  it('makes presets of whole days ending with today', () => {
    expect(presetWindow('today', NOW)).toEqual({ from: MIDNIGHT, to: MIDNIGHT + DAY_MS });
    const w = presetWindow('30d', NOW);
    expect(w.from).toBe(MIDNIGHT - 29 * DAY_MS);
    expect(windowDays(w)).toBe(30);
  });

  it('turns two dates into a window including both', () => {
    expect(dateWindow('2026-03-01', '2026-03-10')).toEqual({ from: Date.parse('2026-03-01T00:00:00+08:00'), to: MIDNIGHT + DAY_MS });
    expect(dateWindow('2026-03-10', '2026-03-01')).toBeNull();
    expect(dateWindow('2026-3-1', '2026-03-10')).toBeNull();
  });

  it('compares with the equally long period before, or the same weekdays a year earlier', () => {
    const w = presetWindow('7d', NOW);
    expect(compareWindow(w, 'previous')).toEqual({ from: w.from - 7 * DAY_MS, to: w.from });
    const y = compareWindow(w, 'lastYear');
    expect(y.to - y.from).toBe(w.to - w.from);
    expect(new Date(y.from).getUTCDay()).toBe(new Date(w.from).getUTCDay());
  });
});
