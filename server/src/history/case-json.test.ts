import { describe, expect, it } from 'vitest';
import Compile from 'typebox/compile';
import { Case } from '@cw/shared/schemas/cases';
import { fixedJson, snapshotJson } from './case-json.ts';

describe('case documents written by template', () => {
  it('parse to the same case JSON.stringify would have written, tricky text included', () => {
    const c = {
      id: 'AJ20260301-00042', code: 'AJ20260301-00042', state: 'deferred' as const, category: 'road_vending', item: 'A09', unit: 'cgj',
      priority: 'high' as const, source: 'hotline' as const, lon: 114.012345, lat: 32.987654, cell: null, community: '411702001001',
      street: '411702001', district: '411702', description: '他说"马上改"\\n\n换行\t制表 😀 </script>', address: '人民街“东段”',
      reporter: '12345热线', patrolId: 'P00012', createdAt: 1772330000000, updatedAt: 1772340000000, deadlineAt: 1772350000000,
      closedAt: null, overdue: true, escalation: 2 as const, photos: [], deferredFrom: 'registered' as const, deferredUntil: 1772900000000, version: 4,
    };
    const json = snapshotJson(fixedJson(c), c, c.updatedAt, c.version);
    const parsed = JSON.parse(json);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(c)));
    expect(Compile(Case).Check(parsed)).toBe(true);
    const closed = { ...c, state: 'closed' as const, closedAt: 1772345000000, deferredFrom: null, deferredUntil: null, overdue: false, escalation: 0 as const, patrolId: null };
    expect(JSON.parse(snapshotJson(fixedJson(closed), closed, closed.updatedAt, 5))).toEqual({ ...JSON.parse(JSON.stringify(closed)), version: 5 });
  });
});
