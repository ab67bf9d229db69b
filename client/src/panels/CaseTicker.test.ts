import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createTestingPinia } from '@pinia/testing';
import { useCasesStore, type TickerEntry } from '../stores/cases.ts';
import { setLocale } from '../i18n/index.ts';
import CaseTicker from './CaseTicker.vue';

const entry = (over: Partial<TickerEntry>): TickerEntry => ({
  seq: 1, at: Date.UTC(2020, 8, 1, 2, 3, 4), type: 'created', to: 'reported', caseId: 'c1', code: 'AJ-1',
  category: 'road_vending', street: null, overdue: false, priority: 'normal', ...over,
});

describe('CaseTicker', () => {
  it('lists events newest first in China time, and renders names only as text', () => {
    setLocale('zh-CN');
    const pinia = createTestingPinia({ createSpy: vi.fn });
    useCasesStore().ticker = [
      entry({ seq: 2, category: '<img src=x onerror=alert(1)>', overdue: true }),
      entry({ seq: 1 }),
    ];
    const wrapper = mount(CaseTicker, { global: { plugins: [pinia] } });
    const rows = wrapper.findAll('li');
    expect(rows.map((r) => r.attributes('data-seq'))).toEqual(['2', '1']);
    expect(rows[1]!.text()).toContain('10:03:04');
    expect(rows[1]!.text()).toContain('违法占道经营');
    expect(wrapper.find('img').exists()).toBe(false);
    expect(rows[0]!.text()).toContain('<img src=x onerror=alert(1)>');
    expect(rows[0]!.find('.ticker__dot').classes()).toContain('overdue');
  });
});
