import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_FIXTURES, DEMO_PROFILE_URL } from '../../scripts/demo.mjs';
import { SCHEMA_VERSION } from '../../src/db/schema.ts';
import { DIST, launchWithExtension, ROOT, serveFixtures } from './browser.mjs';
import { badge, expand } from './panelHelpers.ts';
import type { StorageHarness } from './storageHarness/page.ts';
import { extensionWithHarness, HARNESS_PAGE, quietWorker } from './storageHarness.mjs';

// A schema upgrade while the old version's pages are open, in real Chromium with a real second
// schema version: the build in test as shipped (version 1), then a build of the same source with the
// test-only upgrade (src/db/testSchemaUpgrade.ts), swapped in under the running extension.

const UPGRADE_ENV = { VITE_TRUST_NOTES_TEST_SCHEMA_UPGRADE: '1' };
const work = mkdtempSync(join(tmpdir(), 'trust-notes-upgrade-'));
const installed = join(work, 'extension');
let upgraded: string;
let ext: Awaited<ReturnType<typeof launchWithExtension>>;

beforeAll(async () => {
  await extensionWithHarness(DIST, { into: installed });
  const build = join(work, 'build-upgraded');
  execFileSync('npx', ['vite', 'build', '--outDir', build, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, ...UPGRADE_ENV },
    stdio: 'inherit',
  });
  upgraded = await extensionWithHarness(build, { env: UPGRADE_ENV, into: join(work, 'upgraded') });
  ext = await launchWithExtension({ extensions: [installed] });
  // The worker stays up with the database open (an old-version connection the upgrade must not wait
  // on), but no scan writes while the test compares data.
  await quietWorker(ext.context, ext.extensionId);
  await serveFixtures(ext.context, DEMO_FIXTURES);
});
afterAll(async () => {
  await ext?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Replaces the installed files with the upgraded build, as an update does, under the running extension. */
function installUpgrade(): void {
  for (const entry of readdirSync(installed))
    rmSync(join(installed, entry), { recursive: true, force: true });
  cpSync(upgraded, installed, { recursive: true });
}

async function openHarness(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${HARNESS_PAGE}`);
  await page.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
  return page;
}

describe('schema upgrade while pages are open (Chromium)', () => {
  test('the upgrade is not blocked, the old pages close, reload on the new version, and no data is lost', async () => {
    const oldPage = await openHarness();
    const seeded = await oldPage.evaluate(async () => {
      const { tn } = globalThis as unknown as { tn: StorageHarness };
      const tdb = tn.db();
      for (const name of ['Jane Doe', 'Omar Haddad', 'Li Wei']) {
        const p = await tn.mutations.createPerson(tdb, { name, tags: ['client'] });
        if (name === 'Jane Doe') {
          const url = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
          const key = 'linkedin:jane-doe-1a2b3c';
          await tn.mutations.linkProfile(tdb, p.id, {
            site: 'linkedin',
            key,
            handle: 'jane-doe-1a2b3c',
            url,
          });
        }
        await tn.mutations.addNote(tdb, p.id, `A note about ${name}`);
        await tn.mutations.addSharedWork(tdb, p.id, {
          kind: 'smallTask',
          direction: 'theyDelivered',
          status: 'done',
          startDate: '2024-05',
        });
      }
      return tdb.verno;
    });
    expect(seeded).toBe(SCHEMA_VERSION);
    // The panel on a LinkedIn profile: Jane, whom the harness page just added and linked, with her stage.
    const profile = await ext.context.newPage();
    await profile.goto(DEMO_PROFILE_URL);
    const shown = await badge(profile);
    expect(shown.words).not.toContain('No notes yet');
    const oldFrame = await expand(profile, ext.extensionId);
    const stage = () => oldFrame.locator('.tn-summary .tn-stage').textContent();
    const janeStage = await stage();
    expect(janeStage).not.toBe('Connected');
    // The visit updates Jane's record from her page; what must survive is the data after that.
    const snapshot = () =>
      oldPage.evaluate(() => (globalThis as unknown as { tn: StorageHarness }).tn.snapshot());
    await expect
      .poll(async () => ((await snapshot()).profiles as { seenName?: string }[])[0]?.seenName)
      .toBe('Jane Doe');
    const before = await snapshot();
    // The extension's own pages are open on the old version too.
    const others = await Promise.all(
      ['src/options/index.html', 'src/popup/index.html'].map(async (path) => {
        const page = await ext.context.newPage();
        await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
        await page.locator('h1').waitFor();
        return page;
      }),
    );
    // Marks the old documents: a reload drops the mark.
    for (const frame of [oldPage.mainFrame(), oldFrame]) {
      await frame.evaluate(() => {
        (window as unknown as { oldCode: boolean }).oldCode = true;
      });
    }

    installUpgrade();
    const newPage = await ext.context.newPage();
    await newPage.goto(`chrome-extension://${ext.extensionId}/${HARNESS_PAGE}`);
    await newPage.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
    const opened = await newPage.evaluate(async () => {
      const { tn } = globalThis as unknown as { tn: StorageHarness };
      const tdb = tn.db();
      let blocked = false;
      tdb.on('blocked', () => {
        blocked = true;
      });
      const started = performance.now();
      await tdb.open();
      return { verno: tdb.verno, blocked, ms: performance.now() - started };
    });
    expect(opened.blocked).toBe(false);
    expect(opened.verno).toBe(SCHEMA_VERSION + 1);
    expect(opened.ms).toBeLessThan(5_000);

    // The old page reloaded onto the new code and reads the upgraded database.
    await oldPage.waitForFunction(
      () =>
        !(window as unknown as { oldCode?: boolean }).oldCode &&
        document.documentElement.dataset.harness === 'ready',
    );
    const after = await oldPage.evaluate(async () => {
      const { tn } = globalThis as unknown as { tn: StorageHarness };
      await tn.db().open();
      return { verno: tn.db().verno, data: await tn.snapshot() };
    });
    expect(after.verno).toBe(SCHEMA_VERSION + 1);
    const { testSchemaUpgrade, ...kept } = after.data;
    expect(kept).toEqual(before);
    expect(testSchemaUpgrade).toEqual([
      { id: 'upgrade', from: SCHEMA_VERSION, to: SCHEMA_VERSION + 1, people: 3 },
    ]);

    // The panel frame reloaded too (same frame, new document) and shows Jane again from the upgraded database.
    await oldFrame.waitForFunction(() => !(window as unknown as { oldCode?: boolean }).oldCode);
    await expect.poll(stage).toBe(janeStage);
    // And the badge, which the worker answers from the upgraded database, says the same once collapsed.
    await oldFrame.getByRole('button', { name: /Collapse/ }).click();
    await badge(profile, shown.words);

    for (const page of others) {
      expect(await page.locator('h1').textContent()).toBe('Trust Notes');
    }
  });
});
