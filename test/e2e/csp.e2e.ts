// The extension pages' content security policy (manifest.json), in real Chromium: every page works under it
// (no violation while they load and show data), and a page that tried to reach outside (a fetch over plain http, an
// image) is stopped by the policy itself, as the page's securitypolicyviolation event shows, before any request
// leaves: the harness, which refuses every unserved request, never even sees it. Connections may go to https origins
// and to this machine only, where a sync server the user chose can be (its origin is not known when the extension is
// built); that the code sends nothing anywhere else is sync.e2e.ts's test.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_DORMANT_URL, DEMO_FIXTURES, seedDemo } from '../../scripts/demo.mjs';
import { launchWithExtension, serveFixtures } from './browser.mjs';
import { reachOutside } from './cspProbe.ts';
import { expand } from './panelHelpers.ts';

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let refused: string[];
const POLICY =
  "default-src 'self'; img-src 'self' data:; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Every CSP violation a page reports, as "directive blocked-uri", from before its first script runs. */
const VIOLATIONS = () => {
  const seen: string[] = [];
  (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
  );
};
const violations = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? null);

/**
 * The violations the page has reported for everything it started loading so far, without waiting a fixed time:
 * an image the policy refuses is added now, and its report, queued after the reports of every load started before
 * it, marks the point where they are all in (and shows the listener works). The sentinel is left out of the answer.
 */
const SENTINEL = 'http://csp-sentinel.example/now.gif';
async function violationsSoFar(page: Page): Promise<string[] | null> {
  const sentinel = SENTINEL;
  await page.evaluate((src) => {
    const img = document.createElement('img');
    img.src = src;
    document.body.append(img);
  }, sentinel);
  await expect.poll(() => violations(page)).toContain(`img-src ${sentinel}`);
  return (await violations(page))?.filter((v) => v !== `img-src ${sentinel}`) ?? null;
}

beforeAll(async () => {
  ext = await launchWithExtension();
  await ext.context.addInitScript(VIOLATIONS);
  refused = await serveFixtures(ext.context, DEMO_FIXTURES);
  expect(await seedDemo(ext.context, ext.extensionId)).toBeGreaterThan(0);
}, 120_000);
afterAll(async () => {
  await ext?.close();
});

const pageUrl = (path: string) => `chrome-extension://${ext.extensionId}/${path}`;

describe('every extension page works under the policy', () => {
  test('the manifest carries it', async () => {
    const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.content_security_policy).toEqual({ extension_pages: POLICY });
  });

  test.each([
    ['the people list', 'src/options/index.html#/people', '.people-count'],
    ['the network', 'src/options/index.html#/network', 'main h2'],
    ['the settings', 'src/options/index.html#/settings', 'main h2'],
    ['import and backup', 'src/options/index.html#/data', '.data-backup'],
    ['the popup (with its early classic script)', 'src/popup/index.html', '.popup-section'],
  ])('%s', async (_, path, ready) => {
    const page = await ext.context.newPage();
    const console: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') console.push(m.text());
    });
    await page.goto(pageUrl(path));
    await page.locator(ready).first().waitFor();
    expect(await violationsSoFar(page)).toEqual([]);
    // The browser logs the sentinel's refusal too; nothing else.
    expect(
      console.filter((text) => /Content Security Policy/i.test(text) && !text.includes(SENTINEL)),
    ).toEqual([]);
    await page.close();
  });

  test('a person record, and the panel on a profile page', async () => {
    const list = await ext.context.newPage();
    await list.goto(pageUrl('src/options/index.html#/people'));
    await list.locator('.person-row-name').first().click();
    await list.locator('#record-name').waitFor();
    expect(await violations(list)).toEqual([]);
    await list.close();
    const profile = await ext.context.newPage();
    await profile.goto(DEMO_DORMANT_URL);
    const frame = await expand(profile, ext.extensionId);
    expect(
      await frame.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations),
    ).toEqual([]);
    await profile.close();
  });
});

describe('reaching outside is blocked by the policy itself', () => {
  test('a fetch over plain http and an image from the options page', async () => {
    const page = await ext.context.newPage();
    await page.goto(pageUrl('src/options/index.html#/people'));
    await page.locator('main h2').first().waitFor();
    const outcome = await page.evaluate(reachOutside, 'http://tracker.example.com');
    expect(outcome.fetched).toMatch(/^refused: TypeError/);
    expect(outcome.connect).toBe('connect-src http://tracker.example.com/collect?notes=1');
    expect(outcome.image).toBe('img-src http://tracker.example.com/pixel.gif');
    // Neither request reached the network layer, where the harness would have refused (and listed) it.
    expect(refused.filter((url) => url.includes('tracker.example.com'))).toEqual([]);
    await page.close();
  });
});
