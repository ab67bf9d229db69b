import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Case, CaseCommand, NewCase } from '@cw/shared/schemas/cases';
import { HttpError } from '../api/http.ts';
import { makeCase } from '../test/fixtures.ts';
import { MemoryOutboxStorage, Outbox, isPermanentFailure, type OutboxTransport } from './outbox.ts';

/** A server as the outbox sees it: dedupes commands by commandId and creates by clientRef, and
 *  can be offline (nothing arrives) or lose its answer (applied, but the phone never hears). */
class FakeServer implements OutboxTransport {
  cases = new Map<string, Case>();
  applied: { caseId: string; action: string }[] = [];
  commandIds = new Set<string>();
  refs = new Map<string, string>();
  uploads = 0;
  offline = false;
  loseNextAnswer = false;
  /** Refuses the next command with this error. */
  refuseNext: HttpError | null = null;
  private photoSeq = 0;

  private reach(): void {
    if (this.offline) throw new TypeError('Failed to fetch');
  }
  private answer<T>(value: T): T {
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new TypeError('network connection lost');
    }
    return structuredClone(value);
  }

  async transition(caseId: string, command: CaseCommand): Promise<Case> {
    this.reach();
    const refusal = this.refuseNext;
    this.refuseNext = null;
    if (refusal) throw refusal;
    const c = this.cases.get(caseId)!;
    if (!command.commandId || !this.commandIds.has(command.commandId)) {
      if (command.commandId) this.commandIds.add(command.commandId);
      if (command.action === 'report_done' && !c.photos.some((p) => p.id === command.afterPhotoId)) {
        throw new HttpError(400, 'no such photo', 'after-photo is not attached');
      }
      this.applied.push({ caseId, action: command.action });
      c.version++;
      c.state = command.action === 'acknowledge' ? 'in_progress' : command.action === 'report_done' ? 'feedback' : c.state;
    }
    return this.answer(c);
  }

  async create(body: NewCase): Promise<Case> {
    this.reach();
    let id = body.clientRef ? this.refs.get(body.clientRef) : undefined;
    if (!id) {
      id = `AJ20260310-0000${this.cases.size + 1}`;
      this.cases.set(id, makeCase({ id, state: 'reported', category: body.category, lon: body.lon, lat: body.lat, reporter: 'patrol1' }));
      if (body.clientRef) this.refs.set(body.clientRef, id);
      this.applied.push({ caseId: id, action: 'create' });
    }
    return this.answer(this.cases.get(id)!);
  }

  async uploadPhoto(caseId: string, stage: 'before' | 'after'): Promise<Case> {
    this.reach();
    const c = this.cases.get(caseId)!;
    this.uploads++;
    c.photos.push({ id: `ph_${++this.photoSeq}`, stage, createdAt: 0, by: 'patrol1' });
    return this.answer(c);
  }

  async getCase(caseId: string): Promise<Case> {
    this.reach();
    return structuredClone(this.cases.get(caseId)!);
  }
}

const photo = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });

describe('Outbox', () => {
  let server: FakeServer;
  let storage: MemoryOutboxStorage;
  let ids = 0;

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    server = new FakeServer();
    server.cases.set('AJ20260310-00001', makeCase({ id: 'AJ20260310-00001', state: 'dispatched', patrolId: 'P-DEMO-1' }));
    storage = new MemoryOutboxStorage();
    ids = 0;
  });
  afterEach(() => vi.useRealTimers());

  const open = (online: () => boolean = () => true) =>
    new Outbox({ storage, transport: server, username: 'patrol1', isOnline: online, newId: () => `cmd-test-${++ids}`, baseRetryMs: 1000 });

  it('keeps actions made offline, and sends them in order once online, each applied once', async () => {
    let online = false;
    const box = open(() => online);
    await box.transition('AJ20260310-00001', { action: 'acknowledge' });
    await box.reportDone('AJ20260310-00001', photo());
    expect(box.pending.map((i) => i.job.kind)).toEqual(['transition', 'report-done']);
    expect(server.applied).toEqual([]);

    online = true;
    await box.kick();
    expect(server.applied.map((a) => a.action)).toEqual(['acknowledge', 'report_done']);
    expect(server.uploads).toBe(1);
    expect(box.pending).toEqual([]);
    expect(storage.rows.size).toBe(0);
  });

  it('survives a restart: what was stored is sent by the next outbox', async () => {
    const first = open(() => false);
    await first.transition('AJ20260310-00001', { action: 'acknowledge' });
    first.stop();
    const second = open();
    await second.ready();
    expect(second.pending).toHaveLength(1);
    await second.kick();
    expect(server.applied.map((a) => a.action)).toEqual(['acknowledge']);
  });

  it('repeats a command whose answer was lost with the same commandId, so the server applies it once', async () => {
    const box = open();
    server.loseNextAnswer = true;
    await box.transition('AJ20260310-00001', { action: 'acknowledge' });
    await vi.waitFor(() => expect(box.retryAt).not.toBeNull());
    expect(box.pending[0]).toMatchObject({ attempts: 1, error: 'network connection lost' });
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(box.pending).toEqual([]));
    expect(server.applied).toEqual([{ caseId: 'AJ20260310-00001', action: 'acknowledge' }]);
  });

  it('backs off while the server cannot be reached, and goes at once on kick()', async () => {
    server.offline = true;
    const box = open();
    await box.transition('AJ20260310-00001', { action: 'acknowledge' });
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(4000);
    expect(box.pending[0]?.attempts).toBe(4);
    expect(box.retryAt).toBe(Date.now() + 8000);
    server.offline = false;
    await box.kick();
    expect(server.applied).toHaveLength(1);
    expect(box.pending).toEqual([]);
  });

  it('does not upload a photo twice when the upload answer was lost', async () => {
    const box = open();
    server.loseNextAnswer = true;
    // The upload is applied but its answer lost; the retry finds the photo on the case.
    const spy = vi.spyOn(server, 'uploadPhoto').mockImplementationOnce(async (id, stage) => {
      await FakeServer.prototype.uploadPhoto.call(server, id, stage);
      throw new TypeError('network connection lost');
    });
    server.loseNextAnswer = false;
    await box.reportDone('AJ20260310-00001', photo());
    await vi.waitFor(() => expect(box.retryAt).not.toBeNull());
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(box.pending).toEqual([]));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(server.cases.get('AJ20260310-00001')!.photos).toHaveLength(1);
    expect(server.applied.map((a) => a.action)).toEqual(['report_done']);
  });

  it('creates a reported problem once with its clientRef, then attaches the before-photo', async () => {
    const box = open();
    server.loseNextAnswer = true;
    await box.report({ category: 'street_dirty', lon: 114.02, lat: 32.98, description: '垃圾' }, photo());
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(box.pending).toEqual([]));
    const created = [...server.cases.values()].filter((c) => c.state === 'reported');
    expect(created).toHaveLength(1);
    expect(created[0]!.photos.map((p) => p.stage)).toEqual(['before']);
    expect(server.applied.filter((a) => a.action === 'create')).toHaveLength(1);
  });

  it('marks a refused item failed, keeps it visible, and goes on with the next', async () => {
    const box = open();
    server.refuseNext = new HttpError(409, 'conflict', '案件已被收回');
    await box.transition('AJ20260310-00001', { action: 'acknowledge' });
    await box.report({ category: 'noise', lon: 114.02, lat: 32.98 }, null);
    await box.kick();
    expect(box.pending.map((i) => [i.status, i.error])).toEqual([['failed', '案件已被收回']]);
    expect(server.applied.map((a) => a.action)).toEqual(['create']);
    await box.dismiss(box.pending[0]!.id);
    expect(box.pending).toEqual([]);
    expect(storage.rows.size).toBe(0);
  });

  it('is not wedged by a storage write that fails mid-send: it tries again later', async () => {
    const box = open(() => false);
    await box.transition('AJ20260310-00001', { action: 'acknowledge' });
    const put = vi.spyOn(storage, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const online = new Outbox({ storage, transport: server, username: 'patrol1', baseRetryMs: 1000 });
    await online.kick();
    expect(put).toHaveBeenCalled();
    expect(server.applied).toEqual([]);
    expect(online.retryAt).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(online.pending).toEqual([]));
    expect(server.applied.map((a) => a.action)).toEqual(['acknowledge']);
  });

  it('tells permanent refusals from passing trouble', () => {
    expect(isPermanentFailure(new HttpError(409, 'x'))).toBe(true);
    expect(isPermanentFailure(new HttpError(400, 'x'))).toBe(true);
    expect(isPermanentFailure(new HttpError(503, 'x'))).toBe(false);
    expect(isPermanentFailure(new HttpError(401, 'x'))).toBe(false);
    expect(isPermanentFailure(new HttpError(429, 'x'))).toBe(false);
    expect(isPermanentFailure(new TypeError('Failed to fetch'))).toBe(false);
  });
});
