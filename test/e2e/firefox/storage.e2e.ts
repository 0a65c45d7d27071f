import { rmSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StorageHarness } from '../storageHarness/page.ts';
import { extensionWithHarness, HARNESS_PAGE } from '../storageHarness.mjs';
import { DIST_FIREFOX, launchFirefox } from './browser.mjs';

// Storage in Firefox: durable thanks to unlimitedStorage, and gone with the add-on. A temporary
// add-on's data lives under its moz-extension UUID; uninstalling removes it, and a new install starts
// empty. This is why the options page says so next to the backup button.

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let dir: string;

beforeAll(async () => {
  dir = await extensionWithHarness(DIST_FIREFOX);
  ff = await launchFirefox({ dist: dir });
});
afterAll(async () => {
  await ff?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openHarness(): Promise<Page> {
  const page = await ff.openExtensionPage(HARNESS_PAGE);
  await page.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
  return page;
}

const peopleNames = (page: Page) =>
  page.evaluate(async () => {
    const { tn } = globalThis as unknown as { tn: StorageHarness };
    return (await tn.db().people.toArray()).map((p) => p.name).sort();
  });

describe('storage in Firefox', () => {
  test('unlimitedStorage makes persist() a silent yes', async () => {
    const page = await openHarness();
    const seen = await page.evaluate(async () => {
      const timeout = new Promise<string>((resolve) =>
        setTimeout(() => resolve('no answer (a prompt?)'), 5000),
      );
      return {
        unlimited: await chrome.permissions.contains({ permissions: ['unlimitedStorage'] }),
        persist: await Promise.race([navigator.storage.persist(), timeout]),
        persisted: await navigator.storage.persisted(),
      };
    });
    expect(seen).toEqual({ unlimited: true, persist: true, persisted: true });
    await page.close();
  });

  test('a new install gets a new moz-extension UUID and starts with an empty database', async () => {
    let page = await openHarness();
    await page.evaluate(async () => {
      const { tn } = globalThis as unknown as { tn: StorageHarness };
      await tn.mutations.createPerson(tn.db(), { name: 'Jane Doe' });
    });
    expect(await peopleNames(page)).toEqual(['Jane Doe']);
    await page.close();

    const before = ff.uuid;
    expect(await ff.reinstall()).not.toBe(before);
    page = await openHarness();
    expect(await peopleNames(page)).toEqual([]);
    await page.close();
  });
});
