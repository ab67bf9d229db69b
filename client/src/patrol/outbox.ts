// The patrol phone's outbox: every action is written to durable storage first and sent from
// there, strictly in order, whenever the phone is online. Each item carries an id chosen when it
// was queued (commandId for a lifecycle command, clientRef for a new case), so a send whose answer
// was lost can be repeated and the server applies it once. An item leaves storage only when the
// server has confirmed it, or refused it for good (then it stays visible as failed until dismissed).
//
// Photo uploads have no such id on the server, so before repeating an upload whose answer was
// lost, the outbox looks at the case for a photo of that stage by this user that was not there
// before the first attempt, and uses it instead of uploading twice.
import type { Case, CaseCommand, NewCase } from '@cw/shared/schemas/cases';
import type { PhotoStage } from '../api/case-api.ts';
import { HttpError } from '../api/http.ts';
import { newClientId } from '../api/client-id.ts';

interface PhotoStep {
  photo: Blob;
  /** Ids of photos of this stage on the case before the first upload attempt. */
  known: string[] | null;
  /** An upload was attempted; its outcome may be unknown. */
  started: boolean;
  /** Set once the upload is confirmed. */
  photoId: string | null;
}

export type OutboxJob =
  | { kind: 'transition'; caseId: string; command: CaseCommand & { commandId: string } }
  | { kind: 'report-done'; caseId: string; commandId: string; upload: PhotoStep }
  | { kind: 'create'; body: NewCase & { clientRef: string }; caseId: string | null; upload: PhotoStep | null };

export interface OutboxItem {
  /** Queue order. */
  id: number;
  job: OutboxJob;
  queuedAt: number;
  attempts: number;
  status: 'queued' | 'failed';
  error: string | null;
  /** The case this item created, once known (for a new report). */
  doneCaseId?: string;
}

export interface OutboxStorage {
  /** Every stored item, in queue order. */
  load(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(id: number): Promise<void>;
}

export interface OutboxTransport {
  transition(caseId: string, command: CaseCommand): Promise<Case>;
  create(body: NewCase): Promise<Case>;
  uploadPhoto(caseId: string, stage: PhotoStage, photo: Blob): Promise<Case>;
  getCase(caseId: string): Promise<Case>;
}

export interface OutboxOptions {
  storage: OutboxStorage;
  transport: OutboxTransport;
  /** The signed-in username: photos the outbox uploaded carry it as `by`. */
  username: string;
  /** False while the phone knows it is offline (navigator.onLine, socket down). */
  isOnline?: () => boolean;
  now?: () => number;
  newId?: () => string;
  /** Called after each confirmed item, with the case the server returned. */
  onSent?: (item: OutboxItem, result: Case) => void;
  baseRetryMs?: number;
  maxRetryMs?: number;
}

/** Refusals that repeating cannot fix; anything else (no network, 5xx, 408, 429, 401) is retried. */
export function isPermanentFailure(err: unknown): boolean {
  return err instanceof HttpError && err.status >= 400 && err.status < 500 && ![401, 408, 429].includes(err.status);
}

function describe(err: unknown): string {
  if (err instanceof HttpError) return err.detail || `HTTP ${err.status}`;
  return err instanceof Error ? err.message : String(err);
}

export class Outbox {
  private items: OutboxItem[] = [];
  private nextId = 1;
  private draining: Promise<void> | null = null;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<(items: readonly OutboxItem[]) => void>();
  private loaded: Promise<void>;
  private stopped = false;
  /** When the head item may be tried again. */
  retryAt: number | null = null;

  constructor(private readonly o: OutboxOptions) {
    this.loaded = o.storage.load().then(
      (stored) => {
        this.items = stored;
        this.nextId = Math.max(0, ...stored.map((i) => i.id)) + 1;
        this.changed();
      },
      // Nothing to send from an unreadable store; new items will say so when they cannot be kept.
      (err: unknown) => console.warn('[outbox] stored items could not be read', err),
    );
  }

  /** Resolves once what storage held at start is loaded. */
  ready(): Promise<void> {
    return this.loaded;
  }

  subscribe(listener: (items: readonly OutboxItem[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.items);
    return () => this.listeners.delete(listener);
  }

  get pending(): readonly OutboxItem[] {
    return this.items;
  }

  private changed(): void {
    const snapshot = [...this.items];
    for (const l of this.listeners) l(snapshot);
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  newId(): string {
    return (this.o.newId ?? newClientId)();
  }

  /** Stores the job durably, then tries to send. Resolves once it is stored. */
  async enqueue(job: OutboxJob): Promise<OutboxItem> {
    await this.loaded;
    const item: OutboxItem = { id: this.nextId++, job, queuedAt: this.now(), attempts: 0, status: 'queued', error: null };
    await this.o.storage.put(item);
    this.items = [...this.items, item];
    this.changed();
    void this.kick();
    return item;
  }

  transition(caseId: string, command: CaseCommand): Promise<OutboxItem> {
    return this.enqueue({ kind: 'transition', caseId, command: { ...command, commandId: command.commandId ?? this.newId() } });
  }

  reportDone(caseId: string, photo: Blob): Promise<OutboxItem> {
    return this.enqueue({
      kind: 'report-done', caseId, commandId: this.newId(),
      upload: { photo, known: null, started: false, photoId: null },
    });
  }

  report(body: NewCase, photo: Blob | null): Promise<OutboxItem> {
    return this.enqueue({
      kind: 'create', body: { ...body, clientRef: body.clientRef ?? this.newId() }, caseId: null,
      upload: photo ? { photo, known: null, started: false, photoId: null } : null,
    });
  }

  /** Forgets a failed item the patrol has seen. */
  async dismiss(id: number): Promise<void> {
    const item = this.items.find((i) => i.id === id);
    if (!item || item.status !== 'failed') return;
    await this.o.storage.remove(id);
    this.items = this.items.filter((i) => i.id !== id);
    this.changed();
  }

  /** Sends what is queued, in order; safe to call at any time (online event, socket connect). A
   *  call while sending makes the loop go round once more when it is done, even after a failure. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    const run = async (): Promise<void> => {
      await this.loaded;
      for (;;) {
        this.again = false;
        clearTimeout(this.retryTimer);
        this.retryAt = null;
        let failed: OutboxItem | null;
        try {
          failed = await this.sendAll();
        } catch (err) {
          // The storage itself failed (a full or closed database): try the head again later.
          console.warn('[outbox] could not record progress', err);
          failed = this.items.find((i) => i.status === 'queued') ?? null;
        }
        // Checked and cleared in one synchronous step, so a kick() in between is never lost.
        if (this.stopped || !this.again) {
          if (failed && !this.stopped) this.scheduleRetry(failed.attempts);
          this.draining = null;
          return;
        }
      }
    };
    this.draining = run();
    return this.draining;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  /** Sends queued items until none is left, the phone is offline, or one must be retried later
   *  (returned). */
  private async sendAll(): Promise<OutboxItem | null> {
    while (!this.stopped && this.o.isOnline?.() !== false) {
      const head = this.items.find((i) => i.status === 'queued');
      if (!head) return null;
      if ((await this.attempt(head)) === 'retry') return head;
    }
    return null;
  }

  private scheduleRetry(attempts: number): void {
    const base = this.o.baseRetryMs ?? 1000;
    const wait = Math.min(this.o.maxRetryMs ?? 30_000, base * 2 ** Math.max(0, attempts - 1));
    this.retryAt = this.now() + wait;
    this.changed();
    this.retryTimer = setTimeout(() => void this.kick(), wait);
  }

  private async save(item: OutboxItem): Promise<void> {
    await this.o.storage.put(item);
    this.items = this.items.map((i) => (i.id === item.id ? item : i));
    this.changed();
  }

  private async attempt(item: OutboxItem): Promise<'done' | 'retry'> {
    item.attempts++;
    item.error = null;
    await this.save(item);
    try {
      const result = await this.run(item);
      await this.o.storage.remove(item.id);
      this.items = this.items.filter((i) => i.id !== item.id);
      this.changed();
      this.o.onSent?.(item, result);
      return 'done';
    } catch (err) {
      item.error = describe(err);
      if (isPermanentFailure(err)) {
        item.status = 'failed';
        await this.save(item);
        return 'done';
      }
      await this.save(item);
      return 'retry';
    }
  }

  private async run(item: OutboxItem): Promise<Case> {
    const t = this.o.transport;
    const job = item.job;
    switch (job.kind) {
      case 'transition':
        return t.transition(job.caseId, job.command);
      case 'report-done': {
        const photoId = await this.uploadOnce(item, job.caseId, 'after', job.upload);
        return t.transition(job.caseId, { action: 'report_done', afterPhotoId: photoId, commandId: job.commandId });
      }
      case 'create': {
        let created: Case | null = null;
        if (job.caseId === null) {
          // Repeating a create with the same clientRef returns the case made the first time.
          created = await t.create(job.body);
          job.caseId = created.id;
          item.doneCaseId = created.id;
          if (job.upload) job.upload.known = this.photoIds(created, 'before');
          await this.save(item);
        }
        if (!job.upload) return created ?? t.getCase(job.caseId);
        await this.uploadOnce(item, job.caseId, 'before', job.upload);
        return t.getCase(job.caseId);
      }
    }
  }

  private photoIds(c: Case, stage: PhotoStage): string[] {
    return c.photos.filter((p) => p.stage === stage).map((p) => p.id);
  }

  private newPhoto(c: Case, stage: PhotoStage, known: readonly string[]): string | null {
    const fresh = c.photos.filter((p) => p.stage === stage && p.by === this.o.username && !known.includes(p.id));
    return fresh.at(-1)?.id ?? null;
  }

  private async uploadOnce(item: OutboxItem, caseId: string, stage: PhotoStage, step: PhotoStep): Promise<string> {
    if (step.photoId) return step.photoId;
    const t = this.o.transport;
    if (step.started && step.known) {
      const already = this.newPhoto(await t.getCase(caseId), stage, step.known);
      if (already) {
        step.photoId = already;
        await this.save(item);
        return already;
      }
    }
    step.known ??= this.photoIds(await t.getCase(caseId), stage);
    step.started = true;
    await this.save(item);
    const updated = await t.uploadPhoto(caseId, stage, step.photo);
    const id = this.newPhoto(updated, stage, step.known);
    if (!id) throw new Error(`the server did not list the uploaded ${stage} photo`);
    step.photoId = id;
    await this.save(item);
    return id;
  }
}

/** Keeps items in memory only: for tests, and for a browser without IndexedDB (the UI says so). */
export class MemoryOutboxStorage implements OutboxStorage {
  readonly rows = new Map<number, OutboxItem>();

  async load(): Promise<OutboxItem[]> {
    return [...this.rows.values()].sort((a, b) => a.id - b.id).map((i) => structuredClone(i));
  }

  async put(item: OutboxItem): Promise<void> {
    this.rows.set(item.id, structuredClone(item));
  }

  async remove(id: number): Promise<void> {
    this.rows.delete(id);
  }
}
