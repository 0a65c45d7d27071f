// The archive bench's page side, bundled by seedBundle.mjs and evaluated in an extension page: the real import of
// a generated LinkedIn export (parse → plan → commit) against Chromium's IndexedDB, the raw IndexedDB put of the
// very rows it wrote (same stores and indexes, same run), and the raw read the weekly queue's ranking needs.
import { dormancyCutoff } from '../../src/core/flags.ts';
import { DEFAULT_SETTINGS } from '../../src/core/types.ts';
import { db } from '../../src/db/database.ts';
import { parseArchiveFile } from '../../src/io/archiveParse.ts';
import { connectionsPlannedEarly, planArchive } from '../../src/io/archivePlan.ts';
import { commitShowingQueue } from '../../src/options/data/commitShowingQueue.ts';
import { prepareBadge, showBadge } from '../../src/ui/data/toolbarBadge.ts';
import { done, request } from './rawIdb.ts';

export interface ArchiveTimings {
  parse: number;
  plan: number;
  /** The commit, with the first queue it fills in its own transaction. */
  commit: number;
  total: number;
  /** From the commit's end to the toolbar badge set by the page (set from the moment the commit counted the queue). */
  firstQueue: number;
  badge: string;
  created: number;
  recommendations: number;
  /** Rows written, per store. */
  written: Record<string, number>;
}

const WRITTEN_STORES = ['people', 'profiles', 'sharedWork', 'messages'] as const;

/** The file picked in the bench page's file input (set by Playwright from disk, never read whole). */
function picked(): File {
  const input = document.querySelector<HTMLInputElement>('#bench-file');
  const file = input?.files?.[0];
  if (!file) throw new Error('no file picked');
  return file;
}

/** A file input for Playwright's setInputFiles: the page gets a File backed by the file on disk. */
export function addFileInput(): void {
  if (document.querySelector('#bench-file')) return;
  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'bench-file';
  document.body.append(input);
}

/**
 * A new, empty database with the real schema for each sample, as a first import finds it. Tables emptied with
 * clear() were not that: the rows of every sample before were still in IndexedDB's files (deleted entries go only
 * when the browser compacts them), and the plan's reads of the "empty" tables took 0.5–1.6 s in every run after
 * the first, against 0.2–0.3 s in the first (three bench invocations); in fresh databases 0.41–0.46 s in all three.
 * The other contexts' connections (the background's) close on the deletion and open again when next used
 * (Dexie's default).
 */
export async function freshDatabase(): Promise<void> {
  const tdb = db();
  await tdb.delete();
  await tdb.open();
}

/**
 * Imports the picked archive into the (empty) database as the options page does (ImportSection.tsx), with the
 * default answers: parse, plan, the commit (which fills the first queue in its transaction; the badge's APIs are
 * readied as it starts), then the toolbar badge set from what the commit counted. The badge is cleared first (in a
 * fresh page that is also the page's first use of the action API), and read back after.
 */
export async function timeImport(messagesWorkerUrl?: string): Promise<ArchiveTimings> {
  const file = picked();
  const tdb = db();
  await chrome.action.setBadgeText({ text: '' });
  // The options page's messages worker, as the build emitted it (this bundle is not the page's build: it is given
  // the file's path, see archiveRows.mjs); without one, messages.csv is read on the page.
  const messagesWorker = messagesWorkerUrl
    ? () => new Worker(messagesWorkerUrl, { type: 'module', name: 'messages' })
    : undefined;
  const t0 = performance.now();
  // As the options page reads an archive (ImportSection.tsx): Connections.csv is planned while the rest is read.
  const early = connectionsPlannedEarly(tdb);
  const parsed = await parseArchiveFile(file, file.name, {
    keepMessageText: false,
    messagesWorker,
    connectionsRead: early.connectionsRead,
  });
  if (!parsed.ok) throw new Error(`parse: ${JSON.stringify(parsed.error)}`);
  const t1 = performance.now();
  const plan = await planArchive(tdb, parsed.value, Date.now(), await early.planned());
  const t2 = performance.now();
  prepareBadge();
  // As the options page commits (ImportSection.tsx): the badge is set once the commit has counted the first queue.
  let t3 = 0;
  const committed = await commitShowingQueue(
    tdb,
    plan,
    new Map(),
    { show: showBadge, restore: async () => {} },
    undefined,
    () => {
      t3 = performance.now();
    },
  );
  if (!committed.ok) throw new Error(`commit: ${JSON.stringify(committed.error)}`);
  const t4 = performance.now();
  const badge = await chrome.action.getBadgeText({});
  const written: Record<string, number> = {};
  for (const store of WRITTEN_STORES) written[store] = await tdb.table(store).count();
  return {
    parse: t1 - t0,
    plan: t2 - t1,
    commit: t3 - t2,
    total: t3 - t0,
    firstQueue: t4 - t3,
    badge,
    created: committed.value.created,
    recommendations: committed.value.recommendations,
    written,
  };
}

/** The rows the import wrote, held between prepareRawPut and timeRawPut. */
let rawRows: unknown[][] | undefined;

/**
 * The baseline's first half: takes every row the import wrote, then starts a fresh database for them (the bench
 * lets the browser settle before the second half).
 */
export async function prepareRawPut(): Promise<number> {
  const tdb = db();
  await tdb.open();
  const read = tdb.backendDB().transaction([...WRITTEN_STORES], 'readonly');
  rawRows = await Promise.all(WRITTEN_STORES.map((store) => request(read.objectStore(store).getAll())));
  await done(read);
  await freshDatabase();
  return rawRows.reduce((sum, list) => sum + list.length, 0);
}

/**
 * The baseline of the import: times plain `indexedDB` puts of the rows prepareRawPut took, in one transaction on
 * the extension's own (fresh) database, same stores, same indexes. Returns milliseconds and the number of rows.
 */
export async function timeRawPut(): Promise<{ ms: number; rows: number }> {
  const rows = rawRows;
  if (!rows) throw new Error('timeRawPut: prepareRawPut first');
  rawRows = undefined;
  const start = performance.now();
  const tx = db()
    .backendDB()
    .transaction([...WRITTEN_STORES], 'readwrite');
  WRITTEN_STORES.forEach((store, i) => {
    const target = tx.objectStore(store);
    for (const row of rows[i]!) target.put(row);
  });
  await done(tx);
  return { ms: performance.now() - start, rows: rows.reduce((sum, list) => sum + list.length, 0) };
}

/**
 * The raw read the weekly queue's ranking needs, in one read-only transaction of plain IndexedDB: the settings, the
 * queue's entries, the top of the people.queueRank index until `size` people dormant today are found, and the counts
 * of the flags that need action. What the worker reads through Dexie to fill the queue and set the badge.
 */
export async function timeRankingRead(size = 5): Promise<{ ms: number; read: number }> {
  const idb = db().backendDB();
  const cutoff = dormancyCutoff(DEFAULT_SETTINGS, new Date());
  const start = performance.now();
  const tx = idb.transaction(['meta', 'queue', 'people', 'flags'], 'readonly');
  const [, , ranked] = await Promise.all([
    request(tx.objectStore('meta').get('settings')),
    request(tx.objectStore('queue').getAll()),
    new Promise<number>((resolve, reject) => {
      let found = 0;
      let read = 0;
      const cursor = tx.objectStore('people').index('queueRank').openCursor(null, 'prev');
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return resolve(read);
        read++;
        const row = at.value as { untestedSince: string };
        if (row.untestedSince !== '' && row.untestedSince <= cutoff) found++;
        if (found >= size) resolve(read);
        else at.continue();
      };
      cursor.onerror = () => reject(cursor.error);
    }),
    request(
      tx
        .objectStore('flags')
        .index('[state+kind]')
        .count(IDBKeyRange.only(['open', 'paymentOverdue'])),
    ),
    request(
      tx
        .objectStore('flags')
        .index('[state+kind]')
        .count(IDBKeyRange.only(['open', 'followUpDue'])),
    ),
  ]);
  await done(tx);
  return { ms: performance.now() - start, read: ranked };
}

/** For context: a raw getAll of everyone the queue could rank (every untested person), the naive alternative. */
export async function timeRankedGetAll(): Promise<{ ms: number; rows: number }> {
  const idb = db().backendDB();
  const start = performance.now();
  const tx = idb.transaction(['people'], 'readonly');
  const rows = await request(tx.objectStore('people').index('queueRank').getAll());
  await done(tx);
  return { ms: performance.now() - start, rows: rows.length };
}

/** The toolbar badge and the stored queue, to compare what the page showed with what the worker shows. */
async function badgeAndQueue(): Promise<string> {
  const [text, title, queue] = await Promise.all([
    chrome.action.getBadgeText({}),
    chrome.action.getTitle({}),
    db().queue.toArray(),
  ]);
  return JSON.stringify({ text, title, queue });
}

/**
 * What the options page sends after an import ("scan now"): the worker moves the queue on and sets the badge, then
 * runs the flag scan. It must find the queue the commit filled and show the badge the page showed. For context, the
 * time from the message to the worker's badge (the first queue's path before the commit filled it): the badge is
 * cleared first, then watched.
 */
export async function timeWorkerQueue(): Promise<{
  ms: number;
  same: boolean;
  page: string;
  worker: string;
}> {
  const page = await badgeAndQueue();
  await chrome.action.setBadgeText({ text: '' });
  const start = performance.now();
  const scan = chrome.runtime.sendMessage({ type: 'page:scanNow', payload: {} });
  let ms: number | undefined;
  while (ms === undefined) {
    if ((await chrome.action.getBadgeText({})) !== '') ms = performance.now() - start;
    else if (performance.now() - start > 120_000) throw new Error('the badge never came');
    else await new Promise((resolve) => setTimeout(resolve, 2));
  }
  // The flag scan goes on after the queue: let it finish before comparing and before the next measurement.
  await scan;
  const worker = await badgeAndQueue();
  return { ms, same: worker === page, page, worker };
}
