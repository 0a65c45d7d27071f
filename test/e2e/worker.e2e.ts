// The background worker in real Chromium: the shared scenarios (workerScenarios.ts; Firefox: firefox/worker.e2e.ts),
// and what is Chromium's own: messages forged from a content script's world and from another extension.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, launchWithExtension, serveFixtures } from './browser.mjs';
import { evaluateInContentScript, openApiPage, stopWorker } from './workerHarness.mjs';
import type { WorkerPageApi } from './workerPageApi.ts';
import { workerScenarios } from './workerScenarios.ts';

declare const __tn: WorkerPageApi;

const PROFILE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let page: Page;
let refused: string[];
const otherExtension = mkdtempSync(join(tmpdir(), 'other-extension-'));

beforeAll(async () => {
  // Another installed extension, with nothing but a page to send messages from.
  writeFileSync(
    join(otherExtension, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Other extension', version: '1.0' }),
  );
  writeFileSync(join(otherExtension, 'page.html'), '<!doctype html><title>other</title>');
  ext = await launchWithExtension({ extensions: [DIST, otherExtension] });
  refused = await serveFixtures(ext.context, { [PROFILE]: 'pages/linkedin-spa.html' });
  page = await openApiPage(ext);
});
afterAll(async () => {
  await ext?.close();
  rmSync(otherExtension, { recursive: true, force: true });
});

workerScenarios(() => ({
  run: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
  stopBackground: () => stopWorker(page),
}));

// Chromium's own: a content script's isolated world is reached through DevTools, and a second unpacked extension
// loads beside this one; Firefox's driver has neither (BiDi offers no content-script realm, and its launcher
// installs one temporary add-on).
describe('forged messages', () => {
  const PAGE_ONLY = [
    ['page:scanNow', {}],
    ['page:personChanged', { personId: 'someone' }],
    ['page:flagsChanged', {}],
    ['page:settingsChanged', {}],
  ] as const;

  test('the content script world of a LinkedIn tab is refused every page-only message', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(PROFILE);
    await tab.locator('[data-trust-notes-host]').waitFor({ state: 'attached' });
    const lastScanAt = await page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'));
    // The same world, with a message it may send: the channel itself works.
    const ping = await evaluateInContentScript(
      tab,
      ext.extensionId,
      `chrome.runtime.sendMessage({ type: 'any:ping', payload: {} })`,
    );
    expect(ping).toMatchObject({ ok: true, value: { pong: true } });
    for (const [type, payload] of PAGE_ONLY) {
      const reply = await evaluateInContentScript(
        tab,
        ext.extensionId,
        `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`,
      );
      expect(reply, type).toEqual({
        ok: false,
        error: { code: 'forbidden', message: `Sender not allowed for ${type}.` },
      });
    }
    expect(await page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'))).toBe(lastScanAt);
    // LinkedIn's own scripts can't reach the worker at all: no externally_connectable.
    expect(
      await tab.evaluate(
        () => typeof (globalThis as { chrome?: typeof chrome }).chrome?.runtime?.sendMessage,
      ),
    ).toBe('undefined');
    await tab.close();
  });

  test('another extension gets no answer', async () => {
    const other = await ext.context.newPage();
    await other.goto(`chrome-extension://${unpackedExtensionId(otherExtension)}/page.html`);
    expect(await other.title()).toBe('other');
    const lastScanAt = await page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'));
    for (const [type, payload] of PAGE_ONLY) {
      const outcome = await other.evaluate(
        async ([target, message]) => {
          try {
            return { reply: await chrome.runtime.sendMessage(target, message) };
          } catch (e) {
            return { error: (e as Error).message };
          }
        },
        [ext.extensionId, { type, payload }] as const,
      );
      expect(outcome, type).toEqual({ error: expect.stringMatching(/Receiving end does not exist/) });
    }
    expect(await page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'))).toBe(lastScanAt);
    await other.close();
  });
});

/** Chromium's id for an unpacked extension: the SHA-256 of its path, first 32 hex digits spelled a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}

describe('network', () => {
  test('nothing reached for the network', () => {
    expect(refused).toEqual([]);
  });
});
