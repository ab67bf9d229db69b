import { describe, expect, it } from 'vitest';
import type { Case } from '@cw/shared/schemas/cases';
import { makeCase } from '../test/fixtures.ts';
import { CaseDiffer } from './case-diff.ts';

const open = (...cases: Case[]) => new Map(cases.map((c) => [c.id, c]));

describe('CaseDiffer', () => {
  it('adds, restyles and removes cases by id', () => {
    const differ = new CaseDiffer();
    const first = differ.build(open(makeCase({ id: 'a' }), makeCase({ id: 'b', priority: 'urgent' })))!;
    expect(first.add?.map((f) => f.properties)).toEqual([
      { id: 'a', urgency: 'normal', escalated: 0 },
      { id: 'b', urgency: 'urgent', escalated: 0 },
    ]);
    expect(differ.build(open(makeCase({ id: 'a' }), makeCase({ id: 'b', priority: 'urgent' })))).toBeNull();

    const next = differ.build(open(makeCase({ id: 'a', overdue: true, escalation: 1 })))!;
    expect(next.remove).toEqual(['b']);
    expect(next.update).toEqual([{ id: 'a', addOrUpdateProperties: [{ key: 'urgency', value: 'overdue' }, { key: 'escalated', value: 1 }] }]);
    expect(differ.size).toBe(1);
  });

  it('moves a case whose location was corrected', () => {
    const differ = new CaseDiffer();
    differ.build(open(makeCase({ id: 'a' })));
    const moved = differ.build(open(makeCase({ id: 'a', lon: 114.05 })))!;
    expect(moved.update?.[0]?.newGeometry).toEqual({ type: 'Point', coordinates: [114.05, 32.98] });
  });
});
