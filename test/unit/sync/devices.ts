// Devices for sync's unit tests: each a ledger (Dexie on fake-indexeddb), a sync store, and an in-memory PouchDB
// replica (the same PouchDB 9 core as the extension's, with the memory adapter instead of IndexedDB), syncing with a
// real replication server on 127.0.0.1 over HTTP.
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDBCore from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterEach } from 'vitest';
import { startOutbox } from '../../../src/db/syncOutbox.ts';
import { KDF, type KeyParams, MIN_KDF_ITERATIONS, toBase64 } from '../../../src/sync/crypto.ts';
import { type SyncParts, syncOnce } from '../../../src/sync/engine.ts';
import type { PouchConstructor, Replica } from '../../../src/sync/pouchTypes.ts';
import { joinLedger, type ServerAccount } from '../../../src/sync/setup.ts';
import { SyncStore } from '../../../src/sync/store.ts';
import { freshDb } from '../db/testDb.ts';

// One pouchdb-core per process, shared with the test server (scripts/syncServer.mjs): each plugin once.
if (!PouchDBCore.adapters.memory) PouchDBCore.plugin(memoryAdapter);
if (!PouchDBCore.adapters.http) PouchDBCore.plugin(httpAdapter);
if (!('replicate' in PouchDBCore.prototype)) PouchDBCore.plugin(replication);
export const Pouch = PouchDBCore as PouchConstructor;

/** The weakest derivation a key check may ask for: the tests derive many keys. */
export function quickParams(): KeyParams {
  return {
    kdf: KDF,
    iterations: MIN_KDF_ITERATIONS,
    salt: toBase64(crypto.getRandomValues(new Uint8Array(16))),
  };
}

export const PASSPHRASE = 'correct horse battery staple';

let counter = 0;
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
});

export interface Device extends SyncParts {
  sync(): ReturnType<typeof syncOnce>;
}

export async function device(account: ServerAccount, passphrase = PASSPHRASE): Promise<Device> {
  const n = ++counter;
  const joined = await joinLedger(account, passphrase, passphrase, fetch, quickParams);
  const tdb = freshDb();
  await startOutbox(tdb);
  const store = new SyncStore(`sync-test-${process.pid}-${n}`);
  const local: Replica = new Pouch(`replica-${process.pid}-${n}`, { adapter: 'memory' });
  const remote: Replica = new Pouch(joined.databaseUrl, {
    auth: { username: account.user, password: account.password },
    skip_setup: true,
  });
  opened.push({
    close: async () => {
      await local.destroy();
      await store.delete();
    },
  });
  const parts: SyncParts = { tdb, store, keys: joined.keys, local, remote };
  return { ...parts, sync: () => syncOnce(parts) };
}
