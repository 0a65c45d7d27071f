// Sync as the worker runs it: set up, run (one sync at a time, the next one queued behind), report, stop. The
// scheduling (alarm, after edits, when a page opens) is the worker's (background/syncJobs.ts).
import browser from 'webextension-polyfill';
import { db } from '../db/database.ts';
import { recordEverything, startOutbox, stopOutbox } from '../db/syncOutbox.ts';
import { resolveConflict, type SyncParts, type SyncReport, syncOnce } from './engine.ts';
import { SyncError, type SyncErrorCode, syncErrorOf } from './errors.ts';
import { openReplica, openServer } from './pouch.ts';
import { joinLedger, probeServer, type ServerAccount, serverPlace } from './setup.ts';
import { type SyncConfig, type SyncStatus, syncStore } from './store.ts';
import { type SyncView, syncView } from './view.ts';

// ---------------------------------------------------------------------------------------------------
// Setting up and stopping

export async function probe(account: ServerAccount): Promise<{ fresh: boolean; databaseUrl: string }> {
  const { permission } = serverPlace(account.address);
  await requirePermission(permission);
  const found = await probeServer(account);
  return { fresh: found.fresh, databaseUrl: found.databaseUrl };
}

async function requirePermission(permission: string): Promise<void> {
  if (!(await browser.permissions.contains({ origins: [permission] }))) throw new SyncError('noPermission');
}

/**
 * Joins (or starts) the ledger at `account`. Nothing is stored before the passphrase is proven; then the config, the
 * outbox, and every record already on this device queued to go out (it joins the ledger: people here and there both
 * end up on every device).
 */
export async function connect(
  account: ServerAccount,
  passphrase: string,
  repeat?: string,
): Promise<SyncView> {
  const { permission } = serverPlace(account.address);
  await requirePermission(permission);
  const joined = await joinLedger(account, passphrase, repeat);
  const store = syncStore();
  const config: SyncConfig = {
    databaseUrl: joined.databaseUrl,
    user: account.user,
    password: account.password,
    keys: joined.keys,
    params: joined.params,
    replica: `trust-notes-replica-${crypto.randomUUID()}`,
    since: Date.now(),
  };
  await store.transaction('rw', store.state, store.conflicts, async () => {
    await store.state.put({ key: 'config', value: config });
    await store.state.put({ key: 'status', value: {} satisfies SyncStatus });
    await store.state.delete('waiting');
    await store.conflicts.clear();
  });
  const tdb = db();
  await startOutbox(tdb);
  await recordEverything(tdb);
  return syncView();
}

/** This device stops syncing: its ledger stays as it is; the replica, the queue and the settings go. */
export async function stop(): Promise<void> {
  await running?.catch(() => undefined);
  const store = syncStore();
  const config = await store.config();
  await store.transaction('rw', store.state, store.conflicts, async () => {
    await store.state.clear();
    await store.conflicts.clear();
  });
  await stopOutbox(db());
  if (config) await openReplica(config).destroy();
}

// ---------------------------------------------------------------------------------------------------
// Running

let running: Promise<SyncReport | undefined> | undefined;
let queued: Promise<SyncReport | undefined> | undefined;

/**
 * Runs a sync, or, while one runs, queues one more after it (which sees every change made before the call); further
 * calls share the queued one. Resolves with the report, or undefined when sync is off or failed (the status says why).
 */
export function runSync(): Promise<SyncReport | undefined> {
  if (!running) {
    running = syncWithStatus().finally(() => {
      running = undefined;
    });
    return running;
  }
  queued ??= running.then(
    () => {
      queued = undefined;
      return runSync();
    },
    () => {
      queued = undefined;
      return runSync();
    },
  );
  return queued;
}

/** Whether a sync was running when the worker stopped (the status says running, and no sync runs here). */
export async function interruptedSync(): Promise<boolean> {
  return running === undefined && (await syncStore().status()).running !== undefined;
}

export async function syncConfigured(): Promise<boolean> {
  return (await syncStore().config()) !== undefined;
}

/** Chrome stops a worker after ~30 s with no extension API call; a long first sync makes one now and then. */
function keepWorkerAwake(): () => void {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), 20_000);
  return () => clearInterval(timer);
}

async function syncWithStatus(): Promise<SyncReport | undefined> {
  const store = syncStore();
  const config = await store.config();
  if (!config) return undefined;
  const started = Date.now();
  await store.updateStatus((s) => ({
    ...s,
    lastAttemptAt: started,
    running: { since: started, phase: 'sending', done: 0 },
  }));
  const awake = keepWorkerAwake();
  let lastProgress = 0;
  try {
    await requirePermission(serverPlace(config.databaseUrl).permission);
    const local = openReplica(config);
    const parts: SyncParts = {
      tdb: db(),
      store,
      keys: config.keys,
      local,
      remote: openServer(config),
      handedOver: async (documents) => {
        await store.updateStatus((s) => ({ ...s, unsent: (s.unsent ?? 0) + documents }));
      },
      pushed: async () => {
        await store.updateStatus((s) => ({ ...s, unsent: 0 }));
      },
      progress: async (phase, done, total) => {
        if (Date.now() - lastProgress < 500) return;
        lastProgress = Date.now();
        await store.updateStatus((s) => ({ ...s, running: { since: started, phase, done, total } }));
      },
    };
    const report = await syncOnce(parts);
    const unreadable: SyncErrorCode | undefined =
      report.unreadable.newer > 0
        ? 'newerVersion'
        : report.unreadable.undecryptable > 0
          ? 'undecryptable'
          : undefined;
    await store.updateStatus((s) => ({
      lastSyncAt: Date.now(),
      lastAttemptAt: s.lastAttemptAt,
      unsent: 0,
      last: { sent: report.sent, received: report.received, ms: report.ms },
      ...(unreadable ? { error: { code: unreadable, at: Date.now() } } : {}),
    }));
    return report;
  } catch (error) {
    const { code, message } = syncErrorOf(error);
    console.warn('Trust Notes: sync failed', message);
    await store.updateStatus((s) => {
      const { running: _done, ...rest } = s;
      return { ...rest, error: { code, detail: message.slice(0, 300), at: Date.now() } };
    });
    return undefined;
  } finally {
    awake();
  }
}

export async function resolve(docId: string, keepRev: string): Promise<void> {
  const store = syncStore();
  const config = await store.config();
  if (!config) throw new SyncError('notConfigured');
  await running?.catch(() => undefined);
  await resolveConflict(
    { tdb: db(), store, keys: config.keys, local: openReplica(config), remote: openServer(config) },
    docId,
    keepRev,
  );
}
