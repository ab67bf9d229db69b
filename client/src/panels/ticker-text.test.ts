import { describe, expect, it } from 'vitest';
import type { TickerEntry } from '../stores/cases.ts';
import { tickerAction, tickerCategory } from './ticker-text.ts';

const entry = (over: Partial<TickerEntry>): TickerEntry => ({
  seq: 1, at: 0, type: 'created', to: 'reported', caseId: 'c', code: 'AJ-1', category: 'road_vending',
  street: null, overdue: false, priority: 'normal', ...over,
});

describe('ticker text', () => {
  it('names the action and category in Chinese and English', () => {
    expect(tickerAction(entry({}), 'zh-CN')).toBe('新上报');
    expect(tickerAction(entry({ type: 'transitioned', to: 'closed' }), 'zh-CN')).toBe('结案');
    expect(tickerAction(entry({ type: 'transitioned', to: 'closed' }), 'en')).toBe('Closed');
    expect(tickerCategory(entry({}), 'zh-CN')).toBe('违法占道经营');
    expect(tickerCategory(entry({ category: 'unknown_kind' }), 'en')).toBe('unknown_kind');
  });
});
