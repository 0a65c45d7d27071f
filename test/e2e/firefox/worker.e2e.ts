// The background in Firefox, where it is an event page (the scenarios: ../workerScenarios.ts; Chromium:
// ../worker.e2e.ts). The db modules (`__tn`) are evaluated into an extension page through WebDriver BiDi, which the
// page's CSP does not bind, as DevTools does in Chromium; Firefox stops its event page as it does when idle.
// What Chromium alone can do (messages forged from a content script's world, from a second extension) stays there.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pageApiSource } from '../workerHarness.mjs';
import { workerScenarios } from '../workerScenarios.ts';
import { launchFirefox } from './browser.mjs';

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let page: Page;

beforeAll(async () => {
  ff = await launchFirefox();
  page = await ff.openExtensionPage('manifest.json');
  await page.evaluate(await pageApiSource());
});
afterAll(async () => {
  await ff?.close();
});

workerScenarios(() => ({
  run: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
  async stopBackground() {
    await ff.stopBackground();
    expect(await ff.backgroundState()).toBe('stopped');
  },
}));

describe('the event page in Firefox', () => {
  test('a message wakes the stopped event page', async () => {
    await ff.stopBackground();
    expect(await ff.backgroundState()).toBe('stopped');
    expect(
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'any:ping', payload: {} })),
    ).toMatchObject({
      ok: true,
      value: { pong: true },
    });
    expect(await ff.backgroundState()).toBe('running');
  });
});
