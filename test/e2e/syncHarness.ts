// Sync's e2e harness for Chromium: profiles of the built extension that sync through a real replication server on
// 127.0.0.1 (scripts/syncServer.mjs, started and stopped by each test file), set up through the options page's Sync view
// as a user does, with every request the extension makes recorded.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { startSyncServer } from '../../scripts/syncServer.mjs';
import type { SyncView } from '../../src/sync/view';
import { DIST, launchWithExtension } from './browser.mjs';
import { openApiPage, send } from './workerHarness.mjs';

export type SyncServer = Awaited<ReturnType<typeof startSyncServer>>;
export type Extension = Awaited<ReturnType<typeof launchWithExtension>>;

export const PASSPHRASE = 'lemon orbit candle harbour';

/**
 * A copy of the build that holds the host permission for 127.0.0.1 from install: what a user has once they allowed
 * their server when Chrome asked (a headless browser cannot answer the prompt). The Sync view still asks, and Chrome
 * answers at once for a permission already held.
 */
export function loopbackGranted(dist = DIST): string {
  const granted = mkdtempSync(join(tmpdir(), 'trust-notes-sync-'));
  cpSync(dist, granted, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(granted, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, 'http://127.0.0.1/*'];
  writeFileSync(join(granted, 'manifest.json'), JSON.stringify(manifest));
  return granted;
}

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
  await page.fill('input[name=address]', server.databaseUrl);
  await page.fill('input[name=user]', server.user);
  await page.fill('input[name=password]', server.password);
  await page.click('button[type=submit]');
  await page.locator('input[name=passphrase]').waitFor();
  expect(await page.locator('input[name=repeat]').count()).toBe(first ? 1 : 0);
  await page.fill('input[name=passphrase]', passphrase);
  if (first) await page.fill('input[name=repeat]', passphrase);
  await page.click('button[type=submit]');
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
