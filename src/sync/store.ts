// Sync's own state on this device, in a database of its own (`trust-notes-sync`): never in a backup, untouched by a
// restore, gone with "Stop syncing". The options page reads it live (status, conflicts); the worker writes it.
import { Dexie, type EntityTable } from 'dexie';
import type { Millis } from '../core/types.ts';
import type { KeyParams, SyncKeys } from './crypto.ts';
import type { SyncErrorCode } from './errors.ts';

export const SYNC_DB_NAME = 'trust-notes-sync';

/** What this device syncs with. The passphrase is not here: only the keys made from it, which cannot be read. */
export interface SyncConfig {
  /** The database's address, e.g. `https://couch.example.com/trust-notes`. */
  databaseUrl: string;
  user: string;
  /** The server account's password: sync runs unattended, so it is kept (see docs/security.md). */
  password: string;
  keys: SyncKeys;
  params: KeyParams;
  /** The local replica's PouchDB name, new for each setup, so a later setup never inherits an old one's state. */
  replica: string;
  since: Millis;
}

export type SyncPhase = 'sending' | 'receiving' | 'applying';

export interface SyncStatus {
  lastSyncAt?: Millis;
  lastAttemptAt?: Millis;
  /** Set while a sync runs; still set on the next wake means the worker was stopped in the middle of one. */
  running?: { since: Millis; phase: SyncPhase; done: number; total?: number };
  error?: { code: SyncErrorCode; detail?: string; at: Millis };
  /** The last completed sync's counts, and how long each step took. */
  last?: { sent: number; received: number; ms?: Record<string, number> };
  /** Changes handed to the replica that no push has delivered yet (the server was down). */
  unsent?: number;
}

/** A record edited on two devices: PouchDB's winner is shown, and the other values kept for the user's choice. */
export interface ConflictRow {
  docId: string;
  table: string;
  id: string;
  /** The person the record is about (the person themselves, or the owner of a work, note or profile). */
  personId: string;
  winner: { rev: string; row: Record<string, unknown> | null };
  others: { rev: string; row: Record<string, unknown> | null }[];
  seenAt: Millis;
}

interface StateRow {
  key: 'config' | 'status' | 'waiting';
  value: unknown;
}

export class SyncStore extends Dexie {
  declare readonly state: EntityTable<StateRow, 'key'>;
  declare readonly conflicts: EntityTable<ConflictRow, 'docId'>;

  constructor(name: string = SYNC_DB_NAME) {
    super(name);
    this.version(1).stores({ state: 'key', conflicts: 'docId, personId' });
  }

  async config(): Promise<SyncConfig | undefined> {
    return (await this.state.get('config'))?.value as SyncConfig | undefined;
  }

  async status(): Promise<SyncStatus> {
    return ((await this.state.get('status'))?.value as SyncStatus | undefined) ?? {};
  }

  async updateStatus(change: (status: SyncStatus) => SyncStatus): Promise<SyncStatus> {
    return this.transaction('rw', this.state, async () => {
      const next = change(await this.status());
      await this.state.put({ key: 'status', value: next });
      return next;
    });
  }

  /** Documents whose rows wait for a person (or work) that has not arrived: tried again on every sync. */
  async waiting(): Promise<string[]> {
    return ((await this.state.get('waiting'))?.value as string[] | undefined) ?? [];
  }

  async setWaiting(docIds: readonly string[]): Promise<void> {
    await this.state.put({ key: 'waiting', value: [...new Set(docIds)] });
  }
}

let shared: SyncStore | undefined;

export function syncStore(): SyncStore {
  shared ??= new SyncStore();
  return shared;
}
