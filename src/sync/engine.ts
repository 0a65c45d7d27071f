// One sync, start to end, between this device's ledger (Dexie) and the server, through a local PouchDB replica
// that holds the ledger's encrypted documents:
//
//   1. hand over: every change the outbox recorded becomes an encrypted document in the replica;
//   2. push and pull: two one-shot PouchDB replications (replica → server, server → replica), with PouchDB's own
//      checkpoints, so a sync cut short (a worker stopped, a server gone) resumes where it stopped;
//   3. bring in: the replica's changes since the last one brought in are decrypted and applied to the ledger through
//      the write path (db/mutations.ts applySyncedChanges), with their checkpoint in the replica.
//
// The steps run one after another. Running them beside each other (pushes beside the hand-over, a bring-in after each
// batch the pull wrote) was slower: the replica and the ledger are two IndexedDB databases of the same origin, and
// their transactions queue behind each other, so each step only slowed the other down (bench, 10k people and 20k works,
// same machine: the receiver's bring-in 32 s beside the pull against 11 s after it). Each step keeps its own
// checkpoint, so a stopped worker resumes wherever it stopped.
//
// Nothing here keeps state between calls: everything that must survive a stopped worker is in the ledger (the
// outbox), the replica (documents and checkpoints) or the sync store (status, conflicts, waiting documents).
import { sameRecord } from '../core/sameRecord.ts';
import type { Person } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { type AppliedSync, applySyncedChanges, type SyncedChange } from '../db/mutations.ts';
import { derivePersonRow } from '../db/personRow.ts';
import { REFERENCES } from '../db/references.ts';
import {
  forgetHandedOver,
  forgetThrough,
  nextBatch,
  OUTBOX_ON,
  type OutboxRow,
  pendingCount,
  restamp,
} from '../db/syncOutbox.ts';
import { meaningfulFields, toSynced, travels } from '../db/syncTables.ts';
import { rowProblem } from '../io/backupSchema.ts';
import { DecryptError, documentId, type SyncKeys } from './crypto.ts';
import { decodeDoc, documentFor, encodeChange, type SyncDoc, tableOf } from './docs.ts';
import { SyncError } from './errors.ts';
import type { PouchDoc, PouchWriteResult, Replica } from './pouchTypes.ts';
import type { ConflictRow, SyncPhase, SyncStore } from './store.ts';

export interface SyncParts {
  tdb: TrustDb;
  store: SyncStore;
  keys: SyncKeys;
  local: Replica;
  remote: Replica;
  /** Called as a long sync moves on (the options page shows it); also keeps an MV3 worker awake. */
  progress?: (phase: SyncPhase, done: number, total?: number) => void | Promise<void>;
  /** Documents were handed to the replica (they count as waiting until a push succeeds), then pushed. */
  handedOver?: (documents: number) => Promise<void>;
  /** Outbox entries per batch of the hand-over (HAND_OVER_BATCH unless a test needs many batches of a small ledger). */
  handOverBatch?: number;
  pushed?: () => Promise<void>;
}

export interface SyncReport {
  /** Documents handed to the replica (this device's changes). */
  sent: number;
  /** Changes brought into the ledger from other devices. */
  received: number;
  /** People whose records changed, for the flag scan. */
  personIds: string[];
  conflicts: number;
  /** Documents this version could not read (a newer version wrote them) or open (another ledger, damage). */
  unreadable: { newer: number; undecryptable: number };
  /**
   * Milliseconds per step (the bench reads them): handOver, outbox, lookUp, seal, write, push, skip, pull, feed,
   * decrypt, targets, apply, record, bringIn, settle. write is the wait for the previous batch's replica write and
   * outbox deletes (beside this batch's read and seal); skip is the look for the end of this push's own documents on
   * the server, settle the push's checkpoint moved past what the pull wrote.
   */
  ms: Record<string, number>;
}

/** What a bring-in did. */
type BroughtIn = Omit<SyncReport, 'sent' | 'ms'>;

/** Documents per batch of a replication: one HTTP request, one IndexedDB transaction of the replica. */
const BATCH = 500;
/**
 * Documents per batch of the bring-in: a changes read of the replica and one ledger transaction. Larger than a
 * replication's: each batch also costs a checkpoint, a conflicts transaction and a look-up of the people its rows
 * name.
 */
const BRING_IN_BATCH = 2000;
/**
 * Outbox entries per batch of the hand-over: larger than a replication's, since each batch costs a read of the outbox
 * and the ledger, a replica write and the outbox's deletes, each a transaction that queues behind the others (bench,
 * 10k people + 20k works, calm: the sender's hand-over 20 s in batches of 500, 16.5 s of 2,000, 15 s of 5,000).
 */
const HAND_OVER_BATCH = 2000;
const APPLIED_CHECKPOINT = '_local/trust-notes-applied';
/** How long a PouchDB replication request may take before it counts as the server gone. */
const REQUEST_TIMEOUT_MS = 60_000;

async function appliedSeq(local: Replica): Promise<string | number> {
  const doc = (await local.get(APPLIED_CHECKPOINT).catch(() => undefined)) as
    | { seq?: string | number }
    | undefined;
  return doc?.seq ?? 0;
}

async function setAppliedSeq(local: Replica, seq: string | number): Promise<void> {
  const doc = (await local.get(APPLIED_CHECKPOINT).catch(() => undefined)) as { _rev?: string } | undefined;
  await local.put({ _id: APPLIED_CHECKPOINT, ...(doc?._rev ? { _rev: doc._rev } : {}), seq });
}

function checkWrites(results: PouchWriteResult[]): void {
  const failed = results.find((r) => r.error);
  if (failed) throw Object.assign(new Error(`replica write failed: ${JSON.stringify(failed)}`), failed);
}

/** Time per step, summed over a sync's batches: the status keeps it, the bench reads it. */
export type Stopwatch = { steps: Record<string, number>; lap: (step: string) => void };

export function stopwatch(): Stopwatch {
  const steps: Record<string, number> = {};
  let mark = performance.now();
  return {
    steps,
    lap(step) {
      const now = performance.now();
      steps[step] = (steps[step] ?? 0) + now - mark;
      mark = now;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// 1. Hand over

/** Every pending change of the outbox, as documents of the replica. Returns how many documents were written. */
export async function handOver(parts: SyncParts, watch = stopwatch()): Promise<number> {
  const { tdb, keys, local } = parts;
  const total = await pendingCount(tdb);
  if (total === 0) return 0;
  // When every earlier document was brought in, the documents written here are this device's own: the bring-in
  // checkpoint moves past them, so they are not decrypted and compared again.
  const info = await local.info();
  const caughtUp = String(await appliedSeq(local)) === String(info.update_seq);
  // A replica that has never held a ledger document (a first sync) has no revisions to look up, except of the
  // documents written below.
  const fresh =
    Number(info.update_seq) <= 10 &&
    (await local.changes({ since: 0 })).results.every((result) => tableOf(result.id) === undefined);
  const written = new Set<string>();
  let sent = 0;
  let handled = 0;
  // What was handed is forgotten by key range while nothing else is recorded meanwhile (the stamp taken as a pass
  // begins stands): a first sync's tens of thousands of entries then cost a delete request per batch, not one per
  // entry. Once something was recorded, entry by entry, each unless a newer write replaced it (forgetHandedOver).
  let stamp = 0;
  let ranged = false;
  let unforgotten: OutboxRow[] = [];
  const forget = async (entries: OutboxRow[], through: string | undefined) => {
    unforgotten.push(...entries);
    if (ranged && (await forgetThrough(tdb, stamp, through))) {
      unforgotten = through === undefined ? [] : unforgotten.filter((entry) => entry.key > through);
      return;
    }
    ranged = false;
    await forgetHandedOver(tdb, unforgotten);
    unforgotten = [];
  };
  const handed = new Map<string, number>();
  // A pass reads the outbox once in key order. Changes recorded while it ran, to records it had handed already,
  // go out in this sync too: another pass from the start finds them (their tick is new).
  const pass = async () => {
    stamp = await restamp(tdb);
    ranged = true;
    return { after: OUTBOX_ON, handed: 0 };
  };
  let place = await pass();
  // Two batches at a time: while one is written to the replica and then forgotten in the outbox, the next is read,
  // looked up and sealed (its read goes on after the first one's and skips what that one handed, so its look-up
  // needs only the batches before, all written). A batch's write starts once the one before is written and
  // forgotten, and entries are forgotten only once their documents are in the replica.
  let writing: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      watch.lap('handOver');
      const {
        entries: batch,
        rows,
        through,
      } = await nextBatch(tdb, parts.handOverBatch ?? HAND_OVER_BATCH, handed, place.after);
      watch.lap('outbox');
      if (batch.length === 0) {
        await writing;
        await forget([], undefined);
        watch.lap('write');
        if (ranged || place.handed === 0) break;
        place = await pass();
        continue;
      }
      place = { after: through, handed: place.handed + batch.length };
      for (const entry of batch) handed.set(entry.key, entry.tick);
      const ids = await Promise.all(batch.map((entry) => documentId(keys, entry.table, entry.id)));
      const lookUp = fresh ? ids.filter((id) => written.has(id)) : ids;
      const found = lookUp.length > 0 ? (await local.allDocs({ keys: lookUp, include_docs: true })).rows : [];
      watch.lap('lookUp');
      const byId = new Map(found.map((row) => [(row as { key: string }).key, row]));
      // Each entry's document (or none), built together: WebCrypto works off the main thread.
      const built = await Promise.all(
        batch.map(async (entry, i): Promise<SyncDoc | undefined> => {
          const stored = rows.get(entry.key);
          const row = stored && travels(entry.table, stored) ? toSynced(entry.table, stored) : null;
          const there = byId.get(ids[i]!) as
            | { value?: { rev: string; deleted?: boolean }; doc?: SyncDoc }
            | undefined;
          const rev = there?.value?.rev;
          const live = rev !== undefined && !there?.value?.deleted;
          if (row === null && !live) return undefined;
          if (row !== null && live && there?.doc) {
            // A restore, or a write that changed nothing sync carries: no new revision for the other devices.
            const same = await decodeDoc(keys, there.doc).then(
              (change) => sameRecord(change.row, row),
              () => false,
            );
            if (same) return undefined;
          }
          const change: SyncedChange = { table: entry.table, id: entry.id, row };
          const _id = ids[i]!;
          return {
            _id,
            ...(rev ? { _rev: rev } : {}),
            ...(row === null ? { _deleted: true } : {}),
            ct: await encodeChange(keys, _id, change),
          };
        }),
      );
      const docs = built.filter((doc) => doc !== undefined);
      watch.lap('seal');
      await writing;
      watch.lap('write');
      handled += batch.length;
      sent += docs.length;
      const done = handled;
      writing = (async () => {
        if (docs.length > 0) checkWrites(await local.bulkDocs(docs as never));
        for (const doc of docs) written.add(doc._id);
        await forget(batch, through);
        await parts.progress?.('sending', done, total);
      })();
      // Awaited with the next batch or after the last; a failure is thrown there, not left unhandled meanwhile.
      writing.catch(() => undefined);
    }
  } catch (error) {
    // Nothing left running unattended.
    await writing.catch(() => undefined);
    throw error;
  }
  await writing;
  watch.lap('write');
  if (caughtUp && sent > 0) await setAppliedSeq(local, (await local.info()).update_seq);
  watch.lap('handOver');
  return sent;
}

// ---------------------------------------------------------------------------------------------------
// 2. Push and pull

/** Records the revisions a replication wrote (id → rev) from its `change` events. */
function revisionsInto(into: Map<string, string>): (docs: PouchDoc[]) => void {
  return (docs) => {
    for (const doc of docs) if (doc._rev) into.set(doc._id, doc._rev);
  };
}

/** A replication's documents written, and where in the source's changes it ended. */
interface Replicated {
  written: number;
  lastSeq: number | string | undefined;
}

async function replicate(
  parts: SyncParts,
  direction: 'to' | 'from',
  more: { since?: number | string; wrote?: (docs: PouchDoc[]) => void } = {},
): Promise<Replicated> {
  const { local, remote } = parts;
  const options = {
    batch_size: BATCH,
    batches_limit: 4,
    timeout: REQUEST_TIMEOUT_MS,
    ...(more.since === undefined ? {} : { since: more.since }),
  };
  const replication =
    direction === 'to' ? local.replicate.to(remote, options) : local.replicate.from(remote, options);
  let written = 0;
  replication.on('change', (info) => {
    written = info.docs_written;
    if (info.docs) more.wrote?.(info.docs);
    void parts.progress?.(direction === 'to' ? 'sending' : 'receiving', written);
  });
  const result = await replication;
  if (result.doc_write_failures > 0) {
    throw new SyncError('failed', `${result.doc_write_failures} documents were not written (${direction})`);
  }
  return { written: result.docs_written, lastSeq: result.last_seq };
}

// The sender's own documents, coming back.
//
// A pull lists every change on the server since the last one, this device's own too: after a push of 90,000
// documents, a pull of 90,000 changes that PouchDB looks up in the replica, finds there, and skips (23 s at 30k people
// and 60k works). Where the server's changes since this device's last pull begin with revisions this push wrote, the
// pull starts after them (PouchDB's `since`, which it writes as its checkpoint first): the same checkpoint the pull
// would have reached, without the look-ups. The first change that is not one of them (another device's, a conflict's
// other leaf) ends the skip, and the pull goes on from there as ever.
//
// Where the last pull ended is kept twice: in the replica, and in a `_local` document of the server's (never
// replicated, per device). A server that lost its data (or a database made anew) has not the second, and then
// nothing is skipped: its sequence numbers would not mean the same.

const PULLED = '_local/trust-notes-pulled';
/** From how many documents pushed the skip is worth its reads of the server's changes. */
const SKIP_FROM = 1000;
/** Changes per read while looking for the end of this device's own. */
const SKIP_PAGE = 5000;

interface PulledRecord {
  _id: string;
  _rev?: string;
  seq: number | string;
  device: string;
  /** The server's copy's revision (the replica's record only), so a sync updates it without reading it first. */
  serverRev?: string;
}

async function pulledThrough(parts: SyncParts): Promise<number | string | undefined> {
  const mine = (await parts.local.get(PULLED).catch(() => undefined)) as PulledRecord | undefined;
  if (!mine) return undefined;
  const theirs = (await parts.remote.get(`${PULLED}-${mine.device}`).catch(() => undefined)) as
    | PulledRecord
    | undefined;
  return theirs && String(theirs.seq) === String(mine.seq) ? mine.seq : undefined;
}

async function recordPulled(parts: SyncParts, seq: number | string): Promise<void> {
  const mine = (await parts.local.get(PULLED).catch(() => undefined)) as PulledRecord | undefined;
  if (mine && String(mine.seq) === String(seq)) return;
  const device = mine?.device ?? crypto.randomUUID();
  const id = `${PULLED}-${device}`;
  const put = (rev: string | undefined) =>
    parts.remote.put({ _id: id, ...(rev ? { _rev: rev } : {}), seq, device });
  // The server's first, so the replica's never names a place the server has no record of. Its revision is the one
  // kept, unless the server's copy changed or went (a server that lost its data): then it is read.
  const written = await put(mine?.serverRev).catch(async () => {
    const theirs = (await parts.remote.get(id).catch(() => undefined)) as PulledRecord | undefined;
    return put(theirs?._rev);
  });
  await parts.local.put({
    _id: PULLED,
    ...(mine?._rev ? { _rev: mine._rev } : {}),
    seq,
    device,
    ...(written.rev ? { serverRev: written.rev } : {}),
  });
}

/**
 * Where in `db`'s changes after `start` a replication can begin: after the run of changes that are all revisions in
 * `known` (id → rev), or undefined when that run is empty.
 */
async function afterKnown(
  db: Replica,
  start: number | string,
  known: ReadonlyMap<string, string>,
): Promise<number | string | undefined> {
  let through = start;
  for (;;) {
    // batch_size: the HTTP adapter otherwise asks for 25 changes a request.
    const page = await db.changes({
      since: through,
      limit: SKIP_PAGE,
      batch_size: SKIP_PAGE,
      style: 'all_docs',
    });
    for (const change of page.results) {
      if (!change.changes.every(({ rev }) => known.get(change.id) === rev)) {
        return through === start ? undefined : through;
      }
      through = change.seq;
    }
    if (page.results.length < SKIP_PAGE) return through === start ? undefined : through;
  }
}

/** Where the pull can start: after the server's changes that are this push's own revisions, or undefined. */
async function afterOwnChanges(
  parts: SyncParts,
  pushed: ReadonlyMap<string, string>,
): Promise<number | string | undefined> {
  if (pushed.size < SKIP_FROM) return undefined;
  const start = await pulledThrough(parts);
  return start === undefined ? undefined : afterKnown(parts.remote, start, pushed);
}

/**
 * The receiver's side of the same: a push lists every change of the replica since the last one, and the documents a
 * pull just wrote are changes of the replica, which the next push would offer back to the server one batch of 500 at
 * a time (18 s at full size, in the receiver's next sync). Where the replica's changes since this sync's push are
 * the revisions this pull wrote, a push that starts after them (PouchDB's `since` again) moves its checkpoint there
 * now. The server has them (they came from it in this sync), and its record of this pull is there to show it has not
 * lost its data since; a change after them (a conflict settled by the bring-in) ends the skip and is pushed.
 */
async function pushPastPulled(
  parts: SyncParts,
  pushedThrough: number | string | undefined,
  pulled: ReadonlyMap<string, string>,
): Promise<void> {
  if (pulled.size < SKIP_FROM || pushedThrough === undefined) return;
  if ((await pulledThrough(parts)) === undefined) return;
  const since = await afterKnown(parts.local, pushedThrough, pulled);
  if (since !== undefined) await replicate(parts, 'to', { since });
}

// ---------------------------------------------------------------------------------------------------
// 3. Bring in

/** Why a row from another device cannot be written here, or undefined when it can. */
function rowProblemOf(change: SyncedChange): string | undefined {
  if (change.row === null) return undefined;
  try {
    const row =
      change.table === 'people'
        ? derivePersonRow(change.row as unknown as Person, [], new Date())
        : (change.row as Record<string, unknown>);
    return rowProblem(change.table, row);
  } catch (error) {
    return String(error);
  }
}

interface Decoded {
  doc: SyncDoc;
  change: SyncedChange;
}

/**
 * The people (and works) the batch's rows name that are neither in the ledger nor in the batch, from the replica:
 * a changes feed lists a person after their work when the person was edited last, and a sync stopped half-way may
 * have brought one in and not the other.
 */
async function withTargets(parts: SyncParts, batch: Decoded[]): Promise<Decoded[]> {
  const { tdb, keys, local } = parts;
  const all = [...batch];
  for (let round = 0; round < 3; round++) {
    const have = new Set(all.map(({ change }) => `${change.table}:${change.id}`));
    const wanted = new Map<string, { table: string; id: string }>();
    for (const { change } of all) {
      for (const { table, field, target } of REFERENCES) {
        const id = change.table === table ? change.row?.[field] : undefined;
        if (typeof id === 'string' && !have.has(`${target}:${id}`))
          wanted.set(`${target}:${id}`, { table: target, id });
      }
    }
    const missing: { table: string; id: string }[] = [];
    for (const table of new Set([...wanted.values()].map((w) => w.table))) {
      const ids = [...wanted.values()].filter((w) => w.table === table).map((w) => w.id);
      const found = await tdb.table(table).bulkGet(ids);
      ids.forEach((id, i) => {
        if (found[i] === undefined) missing.push({ table, id });
      });
    }
    if (missing.length === 0) break;
    const docIds = await Promise.all(missing.map(({ table, id }) => documentId(keys, table, id)));
    const fetched = await local.allDocs({ keys: docIds, include_docs: true, conflicts: true });
    const added: Decoded[] = [];
    for (const row of fetched.rows as { doc?: SyncDoc }[]) {
      if (!row.doc) continue;
      const change = await decodeDoc(keys, row.doc).catch(() => undefined);
      if (change && rowProblemOf(change) === undefined) added.push({ doc: row.doc, change });
    }
    if (added.length === 0) break;
    all.unshift(...added);
  }
  return all;
}

/** The differing versions of conflicted documents: kept for the user's choice, or settled when only incidental. */
async function recordConflicts(parts: SyncParts, batch: Decoded[]): Promise<number> {
  const { keys, local, store } = parts;
  const settled: string[] = [];
  const rows: ConflictRow[] = [];
  const clear: string[] = [];
  for (const { doc, change } of batch) {
    if (!doc._conflicts?.length || !doc._rev) {
      clear.push(doc._id);
      continue;
    }
    const others = [];
    for (const rev of doc._conflicts) {
      const other = (await local.get(doc._id, { rev })) as SyncDoc;
      const decoded = await decodeDoc(keys, other).catch(() => undefined);
      if (decoded) others.push({ rev, row: decoded.row });
    }
    const meaningful = meaningfulFields(change.table, change.row);
    const differing = others.filter(
      (other) => !sameRecord(meaningfulFields(change.table, other.row), meaningful),
    );
    if (differing.length === 0) {
      // Two devices that only saw the same page at different times: the winner stands, the others go.
      settled.push(...others.map((other) => other.rev));
      const tombstone = await encodeChange(keys, doc._id, { ...change, row: null });
      checkWrites(
        await local.bulkDocs(
          others.map((other) => ({ _id: doc._id, _rev: other.rev, _deleted: true, ct: tombstone })),
        ),
      );
      clear.push(doc._id);
      continue;
    }
    const row = change.row ?? differing.find((other) => other.row)?.row;
    const personId = change.table === 'people' ? change.id : (row?.personId as string | undefined);
    rows.push({
      docId: doc._id,
      table: change.table,
      id: change.id,
      personId: personId ?? '',
      winner: { rev: doc._rev, row: change.row },
      others: differing,
      seenAt: Date.now(),
    });
  }
  await store.transaction('rw', store.conflicts, async () => {
    // Conflicts are few: the kept ones' ids are read, and only those the batch settled are deleted.
    const kept = new Set(await store.conflicts.toCollection().primaryKeys());
    const settledHere = clear.filter((id) => kept.has(id));
    if (settledHere.length > 0) await store.conflicts.bulkDelete(settledHere);
    if (rows.length > 0) await store.conflicts.bulkPut(rows);
  });
  return rows.length;
}

/** The replica's documents since the last bring-in, into the ledger. */
export async function bringIn(parts: SyncParts, watch = stopwatch()): Promise<BroughtIn> {
  const { tdb, keys, local, store } = parts;
  let since = await appliedSeq(local);
  const total = Math.max(0, Number((await local.info()).update_seq) - Number(since)) || undefined;
  let retry = await store.waiting();
  const waiting: string[] = [];
  const personIds = new Set<string>();
  const unreadable = { newer: 0, undecryptable: 0 };
  let received = 0;
  let conflicts = 0;
  let done = 0;
  for (;;) {
    const feed = await local.changes({ since, limit: BRING_IN_BATCH, include_docs: true, conflicts: true });
    const docs = feed.results.flatMap((result) => (result.doc ? [result.doc as unknown as SyncDoc] : []));
    if (retry.length > 0) {
      const ids = new Set(docs.map((doc) => doc._id));
      const again = await local.allDocs({
        keys: retry.filter((id) => !ids.has(id)),
        include_docs: true,
        conflicts: true,
      });
      for (const row of again.rows as { doc?: SyncDoc }[]) if (row.doc) docs.push(row.doc);
      retry = [];
    }
    if (docs.length === 0) break;
    watch.lap('feed');
    // WebCrypto works off the main thread: the batch's documents are opened together.
    const opened = await Promise.all(
      docs
        .filter((doc) => tableOf(doc._id))
        .map((doc) =>
          decodeDoc(keys, doc).then(
            (change) => ({ doc, change }),
            (error: unknown) => {
              if (!(error instanceof DecryptError)) throw error;
              unreadable.undecryptable++;
              return undefined;
            },
          ),
        ),
    );
    const decoded: Decoded[] = [];
    for (const item of opened) {
      if (!item) continue;
      if (rowProblemOf(item.change) === undefined) decoded.push(item);
      else {
        unreadable.newer++;
        waiting.push(item.doc._id);
      }
    }
    watch.lap('decrypt');
    const batch = await withTargets(parts, decoded);
    watch.lap('targets');
    const applied: AppliedSync = await applySyncedChanges(
      tdb,
      batch.map(({ change }) => change),
    );
    watch.lap('apply');
    const held = new Set(applied.waiting.map((change) => `${change.table}:${change.id}`));
    for (const { doc, change } of batch) if (held.has(`${change.table}:${change.id}`)) waiting.push(doc._id);
    for (const id of applied.personIds) personIds.add(id);
    received += applied.applied;
    conflicts += await recordConflicts(parts, decoded);
    if (feed.results.length > 0) {
      since = feed.last_seq;
      await setAppliedSeq(local, since);
    }
    done += feed.results.length;
    await parts.progress?.('applying', done, total);
    watch.lap('record');
    if (feed.results.length < BRING_IN_BATCH) break;
  }
  await store.setWaiting(waiting);
  watch.lap('bringIn');
  return { received, personIds: [...personIds], conflicts, unreadable };
}

/**
 * The pull, then what it brought into the ledger: also when the pull failed part-way, so what arrived is not left
 * waiting for a server that answers again (the pull's error is thrown after).
 */
async function pullAndBringIn(
  parts: SyncParts,
  watch: Stopwatch,
  since: number | string | undefined,
  pulled: Map<string, string>,
): Promise<BroughtIn> {
  let recording: Promise<void> = Promise.resolve();
  const failed = await replicate(parts, 'from', { since, wrote: revisionsInto(pulled) }).then(
    ({ lastSeq }) => {
      // Beside the bring-in (a request to the server, while the bring-in works in IndexedDB). Only ever a shortcut
      // for the next sync: a server that refuses the record costs the skip, not the sync.
      if (lastSeq !== undefined) recording = recordPulled(parts, lastSeq).catch(() => undefined);
    },
    (error: unknown) => ({ error }),
  );
  watch.lap('pull');
  const report = await bringIn(parts, watch).finally(() => recording);
  if (failed) throw failed.error;
  return report;
}

/** One whole sync. Throws a SyncError (or PouchDB's error) when the server cannot be reached or refuses. */
export async function syncOnce(parts: SyncParts): Promise<SyncReport> {
  const watch = stopwatch();
  // What was handed over counts as waiting until a push succeeds.
  const sent = await handOver(parts, watch);
  if (sent > 0) await parts.handedOver?.(sent);
  watch.lap('handOver');
  const pushed = new Map<string, string>();
  const push = await replicate(parts, 'to', { wrote: revisionsInto(pushed) });
  await parts.pushed?.();
  watch.lap('push');
  const since = await afterOwnChanges(parts, pushed);
  watch.lap('skip');
  // Changes made on this device while the replications ran go out next time; what came in goes in now. The pull
  // runs after the push, not beside it: beside it, it ends before the push has written much and the sender's own
  // documents come back in its next sync instead (bench, 10k: the first sync 6 s quicker, the next edit 7.8 s
  // slower), which moves the cost and saves nothing.
  const pulled = new Map<string, string>();
  const report = await pullAndBringIn(parts, watch, since, pulled);
  await pushPastPulled(parts, push.lastSeq, pulled);
  watch.lap('settle');
  return { sent, ...report, ms: watch.steps };
}

// ---------------------------------------------------------------------------------------------------
// Conflicts

/**
 * The user chose which version of a record edited on two devices to keep: it becomes the one revision of the
 * document (written over PouchDB's winner, the others removed), goes into the ledger, and out at the next sync.
 */
export async function resolveConflict(parts: SyncParts, docId: string, keepRev: string): Promise<void> {
  const { keys, local, store, tdb } = parts;
  const current = (await local.get(docId, { conflicts: true })) as SyncDoc;
  const leaves = [current._rev!, ...(current._conflicts ?? [])];
  if (!leaves.includes(keepRev)) throw new SyncError('failed', 'That version is no longer there');
  const chosen = keepRev === current._rev ? current : ((await local.get(docId, { rev: keepRev })) as SyncDoc);
  const change = await decodeDoc(keys, chosen);
  const written = await documentFor(keys, change);
  const losers = leaves.filter((rev) => rev !== current._rev);
  const tombstone = await encodeChange(keys, docId, { ...change, row: null });
  checkWrites(
    await local.bulkDocs([
      { ...written, _rev: current._rev } as never,
      ...losers.map((rev) => ({ _id: docId, _rev: rev, _deleted: true, ct: tombstone })),
    ]),
  );
  await applySyncedChanges(tdb, [change]);
  await store.conflicts.delete(docId);
}
