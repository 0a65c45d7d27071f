// PouchDB as the extension runs it: pouchdb-browser (IndexedDB for the replica, fetch for the server). Loaded by the
// worker only: never by the popup, the panel or the content script.
import PouchDB from 'pouchdb-browser';
import type { PouchConstructor, Replica } from './pouchTypes.ts';
import type { SyncConfig } from './store.ts';

const Pouch = PouchDB as PouchConstructor;

/** The server is reached with the account's credentials and nothing else: no cookies of its origin. */
const fetchWithoutCookies = (url: string | URL | Request, init?: RequestInit) =>
  fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });

export function openReplica(config: Pick<SyncConfig, 'replica'>): Replica {
  // Old revisions' bodies are dropped as new ones land: the replica keeps the ledger's history as revision ids only.
  return new Pouch(config.replica, { auto_compaction: true });
}

export function openServer(config: Pick<SyncConfig, 'databaseUrl' | 'user' | 'password'>): Replica {
  return new Pouch(config.databaseUrl, {
    auth: { username: config.user, password: config.password },
    skip_setup: true,
    fetch: fetchWithoutCookies,
  });
}
