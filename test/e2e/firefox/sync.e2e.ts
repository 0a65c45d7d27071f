// Chromium and Firefox keep the same ledger through a real replication server on 127.0.0.1. Firefox is set up through
// its Sync view as a user does, answering Firefox's own permission prompt (the server's origin and the optional data
// collection the manifest declares); what one browser adds or deletes reaches the other, and the add-on's requests,
// which the harness sees at the network layer, all go to that server.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSyncServer } from '../../../scripts/syncServer.mjs';
import { SYNC_DATA_COLLECTION } from '../../../src/sync/permissions.ts';
import {
  ledger,
  loopbackGranted,
  openSync,
  PASSPHRASE,
  type SyncProfile,
  type SyncServer,
  setUpSync,
  syncNow,
  syncProfile,
} from '../syncHarness.ts';
import type { WorkerPageApi } from '../workerPageApi.ts';
import { launchFirefox } from './browser.mjs';

declare const __tn: WorkerPageApi;

let server: SyncServer;
let chromium: SyncProfile;
let ff: Awaited<ReturnType<typeof launchFirefox>>;
let page: Page;
/** A person Chromium adds, whom Firefox later gives a note and Chromium deletes. */
let karim: string;

beforeAll(async () => {
  server = await startSyncServer();
  chromium = await syncProfile(loopbackGranted(), () => server.origin);
  ff = await launchFirefox({ allowOrigins: [server.origin] });
}, 180_000);
afterAll(async () => {
  await ff?.close();
  await chromium?.close();
  await server?.stop();
});

/** The ledger as Firefox stores it, read with IndexedDB itself from an extension page. */
async function firefoxLedger() {
  return page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('trust-notes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve) => {
        const request = idb.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
      });
    const [people, notes, sharedWork] = await Promise.all([all('people'), all('notes'), all('sharedWork')]);
    idb.close();
    return {
      people: people.map((p) => `${p.name} (${p.stage})`).sort(),
      notes: notes.map((n) => n.text as string).sort(),
      works: sharedWork.map((w) => w.title as string).sort(),
    };
  });
}

async function chromiumLedger() {
  const rows = await ledger(chromium);
  return {
    people: rows.people.map((p) => `${p.name} (${p.stage})`).sort(),
    notes: rows.notes.map((n) => n.text).sort(),
    works: rows.sharedWork.map((w) => w.title as string).sort(),
  };
}

/** "Sync now" in Firefox's Sync view; resolves when the button is back. */
async function firefoxSyncNow() {
  await page.waitForFunction(() => document.querySelector('.sync-status button')?.textContent === 'Sync now');
  await page.click('.sync-status button');
  await page.waitForFunction(
    () => document.querySelector('.sync-status button')?.textContent === 'Sync now',
    {
      timeout: 60_000,
    },
  );
}

describe('Chromium and Firefox', () => {
  test('Chromium starts the ledger; Firefox joins through its Sync view, asking for the server and the data collection', async () => {
    karim = await chromium.api.evaluate(async () => {
      const tdb = __tn.db();
      const amal = await __tn.mutations.createPerson(tdb, { name: 'Amal Haddad', headline: 'Translator' });
      await __tn.mutations.addSharedWork(tdb, amal.id, {
        kind: 'smallTask',
        direction: 'theyDelivered',
        status: 'done',
        title: 'Glossary sample',
        startDate: '2023-05',
        outcome: { quality: 5, reliability: 'onTime', wouldWorkAgain: 'yes' },
      });
      await __tn.mutations.addNote(tdb, amal.id, 'Fast and careful');
      const other = await __tn.mutations.createPerson(tdb, { name: 'Karim Nasser' });
      return other.id;
    });
    const chromeSync = await openSync(chromium);
    await setUpSync(chromeSync, server, { first: true });
    await chromeSync.locator('.sync-status').waitFor();
    await chromeSync.close();
    await syncNow(chromium);

    page = await ff.openExtensionPage('src/options/index.html#/sync');
    await page.waitForSelector('#sync-heading');
    await ff.answerPermissionPrompts(true);
    await page.type('input[name=address]', server.databaseUrl);
    await page.type('input[name=user]', server.user);
    await page.type('input[name=password]', server.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('input[name=passphrase]', { timeout: 30_000 });
    expect(await page.$('input[name=repeat]')).toBeNull();
    expect(await ff.permissionPrompts()).toEqual([
      {
        permissions: [],
        origins: ['http://127.0.0.1/*'],
        data_collection: [...SYNC_DATA_COLLECTION],
        answer: true,
      },
    ]);
    await page.type('input[name=passphrase]', PASSPHRASE);
    await page.click('button[type=submit]');
    await page.waitForSelector('.sync-status', { timeout: 30_000 });
    await expect.poll(firefoxLedger, { timeout: 60_000 }).toEqual(await chromiumLedger());
    expect((await firefoxLedger()).people).toEqual(['Amal Haddad (tested)', 'Karim Nasser (connected)']);
  });

  test('what Firefox adds and deletes reaches Chromium: the same ledger in both', async () => {
    // A note added in Firefox's record view, as the user adds one.
    await page.evaluate(() => {
      location.hash = '#/people';
    });
    await page.waitForSelector('.person-row-name');
    const names = await page.$$eval('.person-row-name', (rows) => rows.map((r) => r.textContent));
    expect(names).toContain('Karim Nasser');
    await page.evaluate(() => {
      const row = [...document.querySelectorAll('.person-row-name')].find(
        (r) => r.textContent === 'Karim Nasser',
      );
      (row as HTMLElement).click();
    });
    await page.waitForSelector('#record-name');
    await page.waitForFunction(() => document.querySelector('#record-name')?.textContent === 'Karim Nasser');
    const notes = 'section[aria-labelledby="notes-heading"] > form';
    await page.type(`${notes} textarea`, 'Met him at the Beirut book fair');
    await page.click(`${notes} button[type=submit]`);
    await page.waitForFunction(() => document.body.textContent?.includes('Met him at the Beirut book fair'));
    await page.evaluate(() => {
      location.hash = '#/sync';
    });
    await page.waitForSelector('.sync-status');
    await firefoxSyncNow();
    await syncNow(chromium);
    expect((await chromiumLedger()).notes).toEqual(['Fast and careful', 'Met him at the Beirut book fair']);

    // Deleted in Chromium, gone in Firefox.
    await chromium.api.evaluate((id) => __tn.mutations.deletePerson(__tn.db(), id), karim);
    await syncNow(chromium);
    await firefoxSyncNow();
    await expect.poll(firefoxLedger, { timeout: 30_000 }).toEqual(await chromiumLedger());
    expect((await firefoxLedger()).people).toEqual(['Amal Haddad (tested)']);
  });

  test('Firefox sent nothing anywhere but the configured server', async () => {
    const requests = await ff.extensionRequests();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
    expect(chromium.requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
  });
});
