/**
 * Keeps training checkpoints in IndexedDB (page or worker), so a reload, a crash or a closed tab
 * never loses a model the learner trained:
 *   'run'     — the latest completed epoch of the run in progress (resume from here);
 *   'trained' — the last model whose run finished (used by the drawing lesson);
 *   'tuned'   — the model fine-tuned on the learner's handwriting (src/lib/storage/tuned-store.ts).
 * Values are stored by structured clone: the Float32Arrays go in as they are.
 */
import type { Checkpoint } from '../training/checkpoint.ts';

export type Slot = 'run' | 'trained';

const DB_NAME = 'cnn-course';
const DB_VERSION = 1;
const STORE = 'checkpoints';

export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(new StorageError(`IndexedDB: ${req.error?.message ?? 'request failed'}`, { cause: req.error }));
    };
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
  };
  return request(req);
}

export function defaultFactory(): IDBFactory {
  const f = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!f) throw new StorageError('IndexedDB is not available in this browser');
  return f;
}

/** One request in one transaction of the course's store; the database is closed after it. */
export async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>, factory: IDBFactory): Promise<T> {
  const db = await open(factory);
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(fn(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => {
        resolve();
      };
      tx.onerror = () => {
        reject(new StorageError(`IndexedDB: ${tx.error?.message ?? 'transaction failed'}`, { cause: tx.error }));
      };
      tx.onabort = () => {
        reject(new StorageError(`IndexedDB: ${tx.error?.message ?? 'transaction aborted'} (is the storage full?)`, { cause: tx.error }));
      };
    });
    return result;
  } finally {
    db.close();
  }
}

export async function saveCheckpoint(slot: Slot, ckpt: Checkpoint, factory: IDBFactory = defaultFactory()): Promise<void> {
  await withStore('readwrite', (s) => s.put(ckpt, slot), factory);
}

/** The stored checkpoint, or null when there is none (or it is not one of ours). */
export async function loadCheckpoint(slot: Slot, factory: IDBFactory = defaultFactory()): Promise<Checkpoint | null> {
  const value: unknown = await withStore('readonly', (s) => s.get(slot) as IDBRequest<unknown>, factory);
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== 'cnn-course-checkpoint') return null;
  return value as Checkpoint;
}

export async function deleteCheckpoint(slot: Slot, factory: IDBFactory = defaultFactory()): Promise<void> {
  await withStore('readwrite', (s) => s.delete(slot), factory);
}
