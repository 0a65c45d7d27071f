// A page never renames anyone, in real Chromium: when a person's own LinkedIn page gives another name than the
// record, the record keeps its name and the panel says what LinkedIn says now, for the user to take or leave.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES, launchWithExtension, openExtensionPage } from './browser.mjs';
import { expand, readStores } from './panelHelpers.ts';

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const PAGE = readFileSync(join(FIXTURES, 'sites/linkedin-profile.html'), 'utf8');
/** What LinkedIn shows at Jane's address now: her page, under the name it gives today. */
let shownName = 'Jane Doe';

let ext: Awaited<ReturnType<typeof launchWithExtension>>;

beforeAll(async () => {
  ext = await launchWithExtension();
  await ext.context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) =>
      route.request().url() === JANE
        ? route.fulfill({ contentType: 'text/html', body: PAGE.replaceAll('Jane Doe', shownName) })
        : route.abort('blockedbyclient'),
  );
});
afterAll(async () => {
  await ext?.close();
});

async function panelOnJane(): Promise<{ page: Page; frame: Awaited<ReturnType<typeof expand>> }> {
  const page = await ext.context.newPage();
  await page.goto(JANE);
  return { page, frame: await expand(page, ext.extensionId) };
}

const janeRow = async () =>
  (await readStores(ext.context, ext.extensionId)).profiles[0] as Record<string, unknown>;

/** Sets the profile's lastSeenAt to 1 (the epoch's first millisecond), with the raw IndexedDB API in an extension
 * page, as if her page had last been seen long ago. */
async function agePageVisit(key: string): Promise<void> {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'src/popup/index.html');
  try {
    await page.evaluate(
      (key: string) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('trust-notes');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const idb = req.result;
            const tx = idb.transaction('profiles', 'readwrite');
            const store = tx.objectStore('profiles');
            const got = store.get(key);
            got.onsuccess = () => store.put({ ...got.result, lastSeenAt: 1 });
            tx.oncomplete = () => {
              idb.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      key,
    );
  } finally {
    await page.close();
  }
}

describe('what a person’s own page says now', () => {
  test('a note creates Jane from her page', async () => {
    const { page, frame } = await panelOnJane();
    await frame.getByLabel('New note').fill('Met at the data meetup.');
    await frame.getByRole('button', { name: 'Add note' }).click();
    await frame.locator('.tn-note-text', { hasText: 'Met at the data meetup.' }).waitFor();
    expect(await frame.locator('.tn-name').textContent()).toBe('Jane Doe');
    await page.close();
  });

  test('her page giving another name renames no one: the panel says what LinkedIn says, and “Use it” takes it', async () => {
    shownName = 'Jane Doe-Haddad';
    const { page, frame } = await panelOnJane();
    const proposal = frame.getByRole('note').filter({ hasText: 'LinkedIn now gives the name' });
    await expect
      .poll(() => proposal.textContent())
      .toContain('LinkedIn now gives the name “Jane Doe-Haddad”.');
    expect(await frame.locator('.tn-name').textContent()).toBe('Jane Doe');
    await proposal.getByRole('button', { name: /^Use it:/ }).click();
    await expect.poll(() => frame.locator('.tn-name').textContent()).toBe('Jane Doe-Haddad');
    await expect.poll(() => proposal.count()).toBe(0);
    await frame.getByRole('status').filter({ hasText: "Updated from the person's page." }).waitFor();
    await page.close();
  });

  test('“Keep mine” keeps the record, and the same words are not proposed again', async () => {
    shownName = 'J. Doe-Haddad';
    const first = await panelOnJane();
    const proposal = first.frame.getByRole('note').filter({ hasText: 'LinkedIn now gives the name' });
    await expect.poll(() => proposal.textContent()).toContain('“J. Doe-Haddad”');
    await proposal.getByRole('button', { name: /^Keep mine/ }).click();
    await expect.poll(() => proposal.count()).toBe(0);
    await expect.poll(async () => (await janeRow())?.declined).toEqual({ name: 'J. Doe-Haddad' });
    await first.page.close();

    // Her page last seen long ago, so the next visit writes the profile again (a visit within a day writes
    // nothing): the new time is the positive sign that the visit was recorded, proposal and all.
    await agePageVisit('linkedin:jane-doe-1a2b3c');
    const again = await panelOnJane();
    await expect.poll(async () => (await janeRow())?.lastSeenAt).toBeGreaterThan(1);
    // Recorded: nothing proposed, the record's name stands.
    expect(await again.frame.getByRole('note').filter({ hasText: 'LinkedIn now gives' }).count()).toBe(0);
    expect(await again.frame.locator('.tn-name').textContent()).toBe('Jane Doe-Haddad');
    expect((await janeRow())?.proposed).toBeUndefined();
    await again.page.close();
  });
});
