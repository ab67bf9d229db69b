// The unit grid (万米单元网格) as the wall colours it: open and overdue cases per cell code.
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { useCasesStore } from './cases.ts';

export interface CellLoad {
  open: number;
  overdue: number;
}

export const useGridStore = defineStore('grid', () => {
  const cases = useCasesStore();

  const loadByCell = computed(() => {
    const byCell = new Map<string, CellLoad>();
    for (const c of cases.openCases.values()) {
      if (!c.cell) continue;
      const load = byCell.get(c.cell) ?? { open: 0, overdue: 0 };
      load.open++;
      if (c.overdue) load.overdue++;
      byCell.set(c.cell, load);
    }
    return byCell as ReadonlyMap<string, CellLoad>;
  });

  return { loadByCell };
});
