// When the panel cannot read the database it says what failed and what to do, never a blank rectangle; and the
// badge never claims a stage the worker could not read. Real Chromium, two ways the database becomes unreadable:
// - the browser denies the panel's frame storage: cookies and site data blocked for frames embedded in the site
//   (a site setting, or an enterprise policy such as CookiesBlockedForUrls), here with third-party storage
//   partitioning turned off as well (Playwright's default); the worker, an extension context of its own, still
//   reads. (Partitioning off alone no longer denies the frame storage in Chromium 156: checked.)
// - a damaged database (the profile's IndexedDB store unreadable): nothing, the worker included, can read it.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, expect, onTestFinished, test } from 'vitest';
import { DEMO_DORMANT_URL, DEMO_FIXTURES, seedDemo } from '../../scripts/demo.mjs';
import { launchWithExtension, serveFixtures } from './browser.mjs';
import { badge, clickBadge, panelFrame } from './panelHelpers.ts';

let ext: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

async function openProfile(): Promise<Page> {
  const page = await ext!.context.newPage();
  await page.goto(DEMO_DORMANT_URL);
  return page;
}

/** A profile whose settings block cookies and site data in frames embedded in LinkedIn. */
function profileBlockingFramesOnLinkedIn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trust-notes-blocked-'));
  mkdirSync(join(dir, 'Default'));
  const cookies = { '*,https://[*.]linkedin.com': { setting: 2 } };
  writeFileSync(
    join(dir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { content_settings: { exceptions: { cookies } } } }),
  );
  return dir;
}

test('storage refused to the frame: the badge shows the stage the worker read; the panel says what failed', async () => {
  const userDataDir = profileBlockingFramesOnLinkedIn();
  ext = await launchWithExtension({ partitionedStorage: false, userDataDir });
  onTestFinished(() => rmSync(userDataDir, { recursive: true, force: true }));
  await serveFixtures(ext.context, DEMO_FIXTURES);
  expect(await seedDemo(ext.context, ext.extensionId)).toBeGreaterThan(0);
  const page = await openProfile();
  // The worker is an extension context of its own, not a frame in the site: it reads, and the badge is true.
  expect((await badge(page)).words).toMatch(
    /^Trust Notes (Connected|Acquainted|Tested|Proven|Ambassador|Caution)/,
  );
  await clickBadge(page);
  const frame = await panelFrame(page, ext.extensionId);
  const alert = frame.getByRole('alert');
  await alert.waitFor();
  await expect(alert.getAttribute('data-failure')).resolves.toBe('storageBlocked');
  await expect(alert.textContent()).resolves.toContain(
    "Trust Notes could not open your notes to show this profile's notes: the browser refused this page its storage.",
  );
  await expect(alert.textContent()).resolves.toContain('cookies and site data are blocked');
  // Where the notes can still be reached, and a way to put the panel away.
  await expect(frame.getByRole('link', { name: 'Open the full app' }).getAttribute('href')).resolves.toBe(
    `chrome-extension://${ext.extensionId}/src/options/index.html`,
  );
  await frame.getByRole('button', { name: 'Collapse' }).click();
  await expect.poll(async () => (await badge(page)).expanded).toBe('false');
}, 90_000);

test('a damaged database: the badge says it cannot read the notes rather than any stage, and so does the panel', async () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'trust-notes-damaged-'));
  onTestFinished(() => rmSync(userDataDir, { recursive: true, force: true }));
  ext = await launchWithExtension({ userDataDir });
  await serveFixtures(ext.context, DEMO_FIXTURES);
  expect(await seedDemo(ext.context, ext.extensionId)).toBeGreaterThan(0);
  await ext.close();
  // As a failing disk or a bad copy of the profile leaves it: the extension's IndexedDB store unreadable.
  const stores = join(userDataDir, 'Default', 'IndexedDB');
  const store = readdirSync(stores).find((name) => name.startsWith('chrome-extension_'));
  expect(store).toBeDefined();
  rmSync(join(stores, store!), { recursive: true });
  writeFileSync(join(stores, store!), 'damaged');
  ext = await launchWithExtension({ userDataDir });
  await serveFixtures(ext.context, DEMO_FIXTURES);
  const page = await openProfile();
  expect((await badge(page, "Trust Notes Can't read notes")).name).toBe(
    "Trust Notes: Can't read notes. Open the panel",
  );
  await clickBadge(page);
  const frame = await panelFrame(page, ext.extensionId);
  const alert = frame.getByRole('alert');
  await alert.waitFor();
  await expect(alert.getAttribute('data-failure')).resolves.toBe('storageFailed');
  await expect(alert.textContent()).resolves.toContain('restore your latest backup');
  await expect(alert.textContent()).resolves.toContain('UnknownError: Internal error opening backing store');
  // The full app says the same, with the navigation still there.
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html#/people`);
  const failed = options.locator('main [role=alert]');
  await failed.waitFor();
  await expect(failed.getAttribute('data-failure')).resolves.toBe('storageFailed');
  await expect(options.getByRole('navigation').getByRole('link', { name: 'Settings' }).count()).resolves.toBe(
    1,
  );
  // And so does the popup, where its open flags would be.
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
  await popup
    .locator('[role=alert][data-failure=storageFailed]', { hasText: 'to show the open flags' })
    .waitFor();
}, 90_000);
