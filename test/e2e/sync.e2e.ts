// Sync between two Chromium profiles through a real replication server on 127.0.0.1, set up in the Sync view as a user
// does: what one profile adds or deletes reaches the other, the same person edited in both ends the same everywhere
// with the conflict shown, and the server holds ids and ciphertext only.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSyncServer } from '../../scripts/syncServer.mjs';
import {
  ledger,
  loopbackGranted,
  openSync,
  type SyncProfile,
  type SyncServer,
  setUpSync,
  syncNow,
  syncProfile,
} from './syncHarness.ts';
import type { WorkerPageApi } from './workerPageApi.ts';

declare const __tn: WorkerPageApi;

let server: SyncServer;
let dist: string;
let a: SyncProfile;
let b: SyncProfile;

beforeAll(async () => {
  server = await startSyncServer();
  dist = loopbackGranted();
  a = await syncProfile(dist, () => server.origin);
  b = await syncProfile(dist, () => server.origin);
}, 120_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.stop();
});

const FIXTURE = {
  name: 'Rania Khoury',
  headline: 'Head of Confidential Partnerships',
  note: 'She hinted at the merger before it was public',
  handle: 'rania-khoury-ab12',
  work: 'Brand audit trial',
};

async function addFixture(page: Page) {
  return page.evaluate(async (f) => {
    const tdb = __tn.db();
    const person = await __tn.mutations.createPerson(tdb, { name: f.name, headline: f.headline });
    await __tn.mutations.linkProfile(tdb, person.id, {
      site: 'linkedin',
      key: `linkedin:${f.handle}`,
      handle: f.handle,
      url: `https://www.linkedin.com/in/${f.handle}/`,
    });
    await __tn.mutations.addSharedWork(tdb, person.id, {
      kind: 'trial',
      direction: 'theyDelivered',
      status: 'done',
      title: f.work,
      startDate: '2024-02',
      outcome: { quality: 5, reliability: 'onTime', wouldWorkAgain: 'yes' },
    });
    await __tn.mutations.addNote(tdb, person.id, f.note);
    return person.id;
  }, FIXTURE);
}

describe('two Chromium profiles', () => {
  let personId: string;

  test('A sets sync up as the first device; B joins with the passphrase', async () => {
    personId = await addFixture(a.api);
    const pageA = await openSync(a);
    await setUpSync(pageA, server, { first: true });
    await pageA.locator('.sync-status').waitFor();
    await expect
      .poll(() => pageA.locator('.sync-last').textContent(), { timeout: 30_000 })
      .not.toBe('Not yet');
    const pageB = await openSync(b);
    await setUpSync(pageB, server, { first: false });
    await pageB.locator('.sync-status').waitFor();
    await pageA.close();
    await pageB.close();
  });

  test('the popup says in one line how sync stands, linking to the Sync view', async () => {
    const popup = await a.ext.context.newPage();
    await popup.goto(`chrome-extension://${a.ext.extensionId}/src/popup/index.html`);
    const line = popup.locator('.popup-sync a');
    await expect.poll(() => line.textContent(), { timeout: 30_000 }).toMatch(/^Synced \w+ \d+, \d{4}/);
    expect(await line.getAttribute('href')).toBe(
      `chrome-extension://${a.ext.extensionId}/src/options/index.html#/sync`,
    );
    await popup.close();
  });

  test('a person, a shared work and a note added in A appear in B after a sync', async () => {
    await syncNow(a);
    const view = await syncNow(b);
    expect(view).toMatchObject({ on: true, pending: 0 });
    const onB = await ledger(b);
    expect(onB).toEqual(await ledger(a));
    expect(onB.people.map((p) => [p.name, p.stage])).toEqual([[FIXTURE.name, 'tested']]);
    expect(onB.notes.map((n) => n.text)).toEqual([FIXTURE.note]);
    // The record page in B shows them.
    const record = await b.ext.context.newPage();
    await record.goto(`chrome-extension://${b.ext.extensionId}/src/options/index.html#/person/${personId}`);
    await expect.poll(() => record.locator('#record-name').textContent()).toBe(FIXTURE.name);
    await record.locator(`text=${FIXTURE.work}`).first().waitFor();
    await record.close();
  });

  test('a delete in B reaches A', async () => {
    const other = await a.api.evaluate(
      async () => (await __tn.mutations.createPerson(__tn.db(), { name: 'Temporary' })).id,
    );
    await syncNow(a);
    await syncNow(b);
    await b.api.evaluate((id) => __tn.mutations.deletePerson(__tn.db(), id), other);
    await syncNow(b);
    await syncNow(a);
    const onA = await ledger(a);
    expect(onA.people.map((p) => p.name)).toEqual([FIXTURE.name]);
    expect(onA).toEqual(await ledger(b));
  });

  test('the same person edited in both while offline: the same winner in both, and the record shows the conflict', async () => {
    await server.pause();
    await a.api.evaluate(
      (id) => __tn.mutations.updatePerson(__tn.db(), id, { headline: 'Partner at Khoury & Co' }),
      personId,
    );
    await b.api.evaluate(
      (id) => __tn.mutations.updatePerson(__tn.db(), id, { headline: 'Independent consultant' }),
      personId,
    );
    // Offline: the sync fails, says so, and keeps the change waiting.
    const failed = await syncNow(a);
    expect(failed).toMatchObject({ error: 'unreachable', pending: 1 });
    await server.resume();
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    const headlines = async (p: SyncProfile) => (await ledger(p)).people[0]?.headline;
    expect(await headlines(a)).toBe(await headlines(b));
    for (const profile of [a, b]) {
      const record = await profile.ext.context.newPage();
      await record.goto(
        `chrome-extension://${profile.ext.extensionId}/src/options/index.html#/person/${personId}`,
      );
      const conflict = record.locator('.conflicts');
      await conflict.waitFor();
      await expect.poll(() => conflict.textContent()).toContain('Partner at Khoury & Co');
      expect(await conflict.textContent()).toContain('Independent consultant');
      await record.close();
    }
    // A keeps the version that is not shown; both end with it, and the conflict is gone.
    const shown = await headlines(a);
    const record = await a.ext.context.newPage();
    await record.goto(`chrome-extension://${a.ext.extensionId}/src/options/index.html#/person/${personId}`);
    const otherVersion = record.locator('.conflict-version').nth(1);
    await otherVersion.locator('button').click();
    await record.locator('.conflicts').waitFor({ state: 'detached' });
    await record.close();
    const kept = await headlines(a);
    expect(kept).not.toBe(shown);
    await syncNow(a);
    await syncNow(b);
    expect(await headlines(b)).toBe(kept);
  });

  test('the server learns nothing: its raw documents hold no name, note, headline or URL from the ledger', async () => {
    const raw = JSON.stringify(await server.rawDocuments());
    for (const secret of [
      FIXTURE.name,
      'Rania',
      'Khoury',
      FIXTURE.headline,
      'Confidential',
      FIXTURE.note,
      'merger',
      FIXTURE.handle,
      'linkedin.com',
      FIXTURE.work,
      'Temporary',
      'Partner at',
      'Independent consultant',
    ]) {
      expect(raw).not.toContain(secret);
    }
    for (const doc of (await server.rawDocuments()) as Record<string, unknown>[]) {
      const fields = Object.keys(doc).filter((k) => !k.startsWith('_'));
      expect(fields).toEqual(doc._id === 'keycheck' ? ['kdf', 'iterations', 'salt', 'ct'] : ['ct']);
    }
  });

  test('nothing was sent anywhere but the configured server', () => {
    for (const profile of [a, b]) {
      expect(profile.requests.length).toBeGreaterThan(0);
      // The database, and the server's root (where replication reads the server's id for its checkpoints).
      const elsewhere = profile.requests.filter(
        (url) =>
          url !== `${server.origin}/` &&
          !url.startsWith(`${server.databaseUrl}/`) &&
          url !== server.databaseUrl,
      );
      expect(elsewhere).toEqual([]);
    }
  });
});
