import { describe, expect, it, vi } from 'vitest';
import { createTestingPinia } from '@pinia/testing';
import { makeCase } from '../test/fixtures.ts';
import { useCasesStore } from './cases.ts';
import { useGridStore } from './grid.ts';

describe('useGridStore', () => {
  it('counts open and overdue cases per grid cell', () => {
    createTestingPinia({ createSpy: vi.fn });
    const cases = useCasesStore();
    cases.openCases = new Map([
      ['a', makeCase({ id: 'a', cell: '4117020010010001' })],
      ['b', makeCase({ id: 'b', cell: '4117020010010001', overdue: true })],
      ['c', makeCase({ id: 'c', cell: null })],
      ['d', makeCase({ id: 'd', cell: '4117020010010002' })],
    ]);
    const grid = useGridStore();
    expect(grid.loadByCell.get('4117020010010001')).toEqual({ open: 2, overdue: 1 });
    expect(grid.loadByCell.get('4117020010010002')).toEqual({ open: 1, overdue: 0 });
    expect(grid.loadByCell.size).toBe(2);
  });
});
