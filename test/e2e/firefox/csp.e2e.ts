// The Firefox twin of ../csp.e2e.ts: dist-firefox/ carries the extension pages' content security policy, the
// pages work under it, and a fetch or an image to an outside address is stopped by the policy itself (the
// securitypolicyviolation event), not by any routing: Firefox's interception does not cover extension pages, so
// the address is a closed port on this machine, and without the policy the request would simply be refused.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reachOutside } from '../cspProbe.ts';
import { launchFirefox } from './browser.mjs';

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let options: Page;
const POLICY =
  "default-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

beforeAll(async () => {
  ff = await launchFirefox();
  options = await ff.openExtensionPage('src/options/index.html#/people');
  await options.waitForSelector('main h2');
});
afterAll(async () => {
  await ff?.close();
});

test('the policy is in the manifest Firefox loaded, and the options page works under it', async () => {
  const manifest = await options.evaluate(() => chrome.runtime.getManifest());
  expect((manifest as { content_security_policy?: unknown }).content_security_policy).toEqual({
    extension_pages: POLICY,
  });
  await options.waitForSelector('.people-count');
});

test('a fetch and an image to an outside address are blocked by the policy', async () => {
  const outcome = await options.evaluate(reachOutside, 'http://127.0.0.1:9');
  expect(outcome.fetched).toMatch(/^refused: TypeError/);
  expect(outcome.connect).toBe('connect-src http://127.0.0.1:9/collect?notes=1');
  expect(outcome.image).toBe('img-src http://127.0.0.1:9/pixel.gif');
});
