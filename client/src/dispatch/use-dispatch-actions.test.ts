import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { makeCase } from '../test/fixtures.ts';
import { useDispatchActions } from './use-dispatch-actions.ts';

function reply(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('useDispatchActions', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.unstubAllGlobals();
  });

  it('sends the version the dispatcher saw, with a fresh commandId, and shows the answer at once', async () => {
    const c = makeCase({ id: 'AJ20260310-00001', code: 'AJ20260310-00001', state: 'reported', version: 4 });
    const fetchMock = vi.fn(async () => reply(200, { ...c, state: 'dispatched', version: 5 }));
    vi.stubGlobal('fetch', fetchMock);
    const accept = vi.fn();
    const actions = useDispatchActions({ accept, refresh: vi.fn(async () => undefined) });
    expect(await actions.dispatchTo(c, { patrolId: 'P-DEMO-1', name: '甲', kind: 'grid_member', unit: 'x', distanceM: 10, etaS: 5, responsible: true, score: 3 })).toBe(true);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/cases/AJ20260310-00001/transitions');
    const body = JSON.parse(init.body as string);
    expect(body).toMatchObject({ action: 'dispatch', patrolId: 'P-DEMO-1', unit: c.unit, expectedVersion: 4 });
    expect(body.commandId).toMatch(/.{8,}/);
    expect(accept).toHaveBeenCalledWith(expect.objectContaining({ state: 'dispatched', version: 5 }));
    expect(actions.notice.value?.kind).toBe('ok');
  });

  it('explains a 409 as handled by another duty officer and reloads the case', async () => {
    const c = makeCase({ code: 'AJ20260310-00002', state: 'reported', version: 1 });
    vi.stubGlobal('fetch', vi.fn(async () => reply(409, { statusCode: 409, error: 'Conflict', message: 'case changed since you loaded it' })));
    const refresh = vi.fn(async () => undefined);
    const actions = useDispatchActions({ accept: vi.fn(), refresh });
    actions.pending.value = 'reject';
    expect(await actions.act(c, 'reject', { reason: '重复上报' })).toBe(false);
    expect(actions.notice.value?.kind).toBe('conflict');
    expect(actions.notice.value?.text).toContain('已被其他调度员处理');
    expect(actions.notice.value?.text).toContain('AJ20260310-00002');
    expect(refresh).toHaveBeenCalledOnce();
    expect(actions.pending.value).toBeNull();
  });

  it('dispatches ticked cases one by one, each to its own top recommendation', async () => {
    const { useCasesStore } = await import('../stores/cases.ts');
    const cases = useCasesStore();
    cases.openCases = new Map([
      ['a', makeCase({ id: 'a', state: 'reported', version: 1 })],
      ['b', makeCase({ id: 'b', state: 'in_progress', version: 3 })],
    ]);
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/recommendations')) return reply(200, { recommendations: [{ patrolId: 'P7' }] });
      sent.push(JSON.parse(init!.body as string));
      return reply(200, makeCase({ id: 'a', state: 'dispatched', version: 2 }));
    }));
    const actions = useDispatchActions({ accept: vi.fn(), refresh: vi.fn(async () => undefined) });
    expect(await actions.dispatchBatch(['a', 'b'])).toEqual({ sent: ['a'], failed: ['b'] });
    expect(sent).toEqual([expect.objectContaining({ action: 'dispatch', patrolId: 'P7', expectedVersion: 1 })]);
  });
});
