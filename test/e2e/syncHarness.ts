// Sync's e2e harness for Chromium: profiles of the built extension that sync through a real replication server on
// 127.0.0.1 (scripts/syncServer.mjs, started and stopped by each test file), set up through the options page's Sync view
// as a user does, with every request the extension makes recorded.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { startSyncServer } from '../../scripts/syncServer.mjs';
import type { SyncView } from '../../src/sync/view.ts';
import { launchWithExtension } from './browser.mjs';
import { fillSyncSetup } from './syncGrant.mjs';
import { openApiPage, send } from './workerHarness.mjs';

export type SyncServer = Awaited<ReturnType<typeof startSyncServer>>;
export type Extension = Awaited<ReturnType<typeof launchWithExtension>>;

export const PASSPHRASE = 'lemon orbit candle harbour';

export { loopbackGranted } from './syncGrant.mjs';

export interface SyncProfile {
  ext: Extension;
  /** An extension page with the db modules (`__tn`), to write and read the ledger as the pages do. */
  api: Page;
  /** Every http(s) URL the extension asked for (its worker and its pages), in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A Chromium profile with the extension; requests to anything but `allowOrigin` are refused and recorded. */
export async function syncProfile(dist: string, allowOrigin: () => string): Promise<SyncProfile> {
  const ext = await launchWithExtension({ extensions: [dist] });
  const requests: string[] = [];
  await ext.context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => {
      const url = route.request().url();
      requests.push(url);
      return url.startsWith(`${allowOrigin()}/`) ? route.continue() : route.abort('blockedbyclient');
    },
  );
  const api = await openApiPage(ext);
  return { ext, api, requests, close: () => ext.close() };
}

export async function openSync(profile: SyncProfile): Promise<Page> {
  const page = await profile.ext.context.newPage();
  await page.goto(`chrome-extension://${profile.ext.extensionId}/src/options/index.html#/sync`);
  await page.locator('#sync-heading').waitFor();
  return page;
}

/** Sets sync up through the Sync view, as a user does. Resolves once the view shows the status. */
export async function setUpSync(
  page: Page,
  server: SyncServer,
  { passphrase = PASSPHRASE, first }: { passphrase?: string; first: boolean },
): Promise<void> {
  await fillSyncSetup(page, server, { passphrase, first });
}

/** Syncs now (the worker's "Sync now") and answers with how sync stands after it. */
export async function syncNow(profile: SyncProfile): Promise<SyncView> {
  const reply = (await send(profile.api, 'page:syncNow')) as { ok: boolean; value: SyncView };
  expect(reply.ok).toBe(true);
  return reply.value;
}

/** The ledger's rows as the extension stores them, sorted by key, for comparing two profiles. */
export function ledger(profile: SyncProfile) {
  return profile.api.evaluate(async () => {
    const tdb = (globalThis as unknown as { __tn: import('./workerPageApi.ts').WorkerPageApi }).__tn.db();
    const sorted = <T>(rows: T[], key: (row: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    return {
      people: sorted(await tdb.people.toArray(), (p) => p.id),
      profiles: sorted(await tdb.profiles.toArray(), (p) => p.key),
      sharedWork: sorted(await tdb.sharedWork.toArray(), (w) => w.id),
      notes: sorted(await tdb.notes.toArray(), (n) => n.id),
    };
  });
}
