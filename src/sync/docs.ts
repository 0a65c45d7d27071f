// One row of a synced table ↔ one encrypted PouchDB document:
//
//   { _id: "<table>:<HMAC of table and key>", ct: "1.<base64 of IV ‖ AES-GCM({ t, k, v })>" }
//
// `t` is the table, `k` the row's primary key, `v` the row as it travels (syncTables.ts), or null once the row is
// deleted: a deletion is a PouchDB tombstone (`_deleted: true`) that keeps its ciphertext, so the device that
// receives it learns which of its rows to remove (the id alone is an HMAC, which cannot be turned back into a key).
// Nothing else is on the document: no name, note, URL or key is ever in an id or in the clear.
import type { SyncedChange } from '../db/mutations.ts';
import { isSyncedTable } from '../db/syncTables.ts';
import { DecryptError, decrypt, documentId, encrypt, type SyncKeys } from './crypto.ts';

export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  ct?: string;
  [field: string]: unknown;
}

interface Plain {
  t: string;
  k: string;
  v: Record<string, unknown> | null;
}

/** The table a document id belongs to, or undefined for sync's own documents (the key check). */
export function tableOf(docId: string): string | undefined {
  const table = docId.slice(0, docId.indexOf(':'));
  return isSyncedTable(table) ? table : undefined;
}

export function encodeChange(keys: SyncKeys, docId: string, change: SyncedChange): Promise<string> {
  return encrypt(keys, docId, { t: change.table, k: change.id, v: change.row } satisfies Plain);
}

export async function documentFor(keys: SyncKeys, change: SyncedChange): Promise<SyncDoc> {
  const _id = await documentId(keys, change.table, change.id);
  return {
    _id,
    ct: await encodeChange(keys, _id, change),
    ...(change.row === null ? { _deleted: true } : {}),
  };
}

/**
 * The change a document carries. A document whose contents name another table than its id does, or are not a row,
 * was not written by Trust Notes: refused like one that does not decrypt.
 */
export async function decodeDoc(keys: SyncKeys, doc: SyncDoc): Promise<SyncedChange> {
  const table = tableOf(doc._id);
  const plain = (await decrypt(keys, doc._id, doc.ct)) as Partial<Plain> | null;
  if (
    !table ||
    plain?.t !== table ||
    typeof plain.k !== 'string' ||
    (plain.v !== null && (typeof plain.v !== 'object' || Array.isArray(plain.v)))
  ) {
    throw new DecryptError(doc._id);
  }
  // A tombstone is a deletion whatever its contents say.
  return { table, id: plain.k, row: doc._deleted ? null : (plain.v ?? null) };
}
