// The outbox's durable storage: IndexedDB, which keeps photos as Blobs across reloads, closed tabs
// and a phone that restarts. One database per account, so two patrols sharing a phone never send
// each other's actions.
import type { OutboxItem, OutboxStorage } from './outbox.ts';

const STORE = 'items';

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
  return promised(req);
}

export class IndexedDbOutboxStorage implements OutboxStorage {
  private db: Promise<IDBDatabase>;

  constructor(username: string) {
    this.db = openDb(`cw-outbox-${username}`);
  }

  static available(): boolean {
    return typeof indexedDB !== 'undefined';
  }

  private async tx<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.db;
    const tx = db.transaction(STORE, mode);
    const result = promised(work(tx.objectStore(STORE)));
    // A write counts only once its transaction has committed.
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('outbox transaction aborted'));
    });
    return result;
  }

  async load(): Promise<OutboxItem[]> {
    const all = await this.tx('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>);
    return all.sort((a, b) => a.id - b.id);
  }

  async put(item: OutboxItem): Promise<void> {
    await this.tx('readwrite', (s) => s.put(item));
  }

  async remove(id: number): Promise<void> {
    await this.tx('readwrite', (s) => s.delete(id));
  }
}
