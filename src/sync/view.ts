// What the pages show of sync, read from the sync store and the outbox: no PouchDB here, so the options page can
// follow it live (useLiveQuery) and the worker can answer the popup with the same view.
import type { Millis } from '../core/types.ts';
import { db } from '../db/database.ts';
import { pendingCount } from '../db/syncOutbox.ts';
import type { SyncErrorCode } from './errors.ts';
import { type SyncPhase, syncStore } from './store.ts';

export interface SyncView {
  on: boolean;
  databaseUrl?: string;
  user?: string;
  lastSyncAt?: Millis;
  /** While a sync runs: where it is. */
  running?: { phase: SyncPhase; done: number; total?: number };
  /** Changes made here that the server does not have yet. */
  pending: number;
  /** Records edited on two devices, waiting for the user's choice. */
  conflicts: number;
  error?: SyncErrorCode;
}

export async function syncView(): Promise<SyncView> {
  const store = syncStore();
  const [config, status, pending, conflicts] = await Promise.all([
    store.config(),
    store.status(),
    pendingCount(db()),
    store.conflicts.count(),
  ]);
  if (!config) return { on: false, pending: 0, conflicts: 0 };
  return {
    on: true,
    databaseUrl: config.databaseUrl,
    user: config.user,
    lastSyncAt: status.lastSyncAt,
    running: status.running && {
      phase: status.running.phase,
      done: status.running.done,
      total: status.running.total,
    },
    pending: pending + (status.unsent ?? 0),
    conflicts,
    error: status.error?.code,
  };
}
