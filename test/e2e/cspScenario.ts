// The extension pages' content security policy (manifest.json), written once and run in both browsers (csp.e2e.ts:
// Chromium over Playwright; firefox/csp.e2e.ts: Firefox over Puppeteer): every page works under it (no violation
// while they load and show data), and a page that tried to reach outside (a fetch over plain http, an image) is
// stopped by the policy itself, as the page's securitypolicyviolation event shows, before any request leaves.
// Connections may go to https origins and to this machine only, where a sync server the user chose can be (its
// origin is not known when the extension is built); that the code sends nothing anywhere else is sync.e2e.ts's test.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_DORMANT_URL } from '../../scripts/demo.mjs';
import { reachOutside } from './cspProbe.ts';
import type { Evaluate } from './panelScenarios.ts';

export const POLICY =
  "default-src 'self'; img-src 'self' data:; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Every CSP violation a document reports, as "directive blocked-uri". Chromium's driver runs it before the
 * document's first script; Firefox's as soon as the document is there (see firefox/csp.e2e.ts). */
export const VIOLATIONS = () => {
  const seen: string[] = [];
  (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
  );
};

/** An extension page, with VIOLATIONS installed before its scripts ran. */
export interface CspPage {
  evaluate: Evaluate;
  waitFor(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** The console's error messages so far. */
  consoleErrors(): string[];
  close(): Promise<void>;
}

/** The browser with the extension, the demo network seeded and the demo's pages served. */
export interface CspBrowser {
  manifest(): Promise<unknown>;
  /** Opens the extension page at `path` (e.g. src/options/index.html#/people). */
  open(path: string): Promise<CspPage>;
  /** Opens `url`, expands the panel there, and returns a way to evaluate in its frame (VIOLATIONS installed). */
  openPanel(url: string): Promise<{ evaluate: Evaluate; close(): Promise<void> }>;
  /** An outside origin that, without the policy, a request would go to (and the harness refuse). */
  outside: string;
  /** The requests the harness saw and refused so far. */
  refused(): Promise<string[]>;
  close(): Promise<void>;
}

const violations = (page: { evaluate: Evaluate }) =>
  page.evaluate(
    () => (globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? null,
    '',
  ) as Promise<string[] | null>;

/**
 * The violations the page has reported for everything it started loading so far, without waiting a fixed time:
 * an image the policy refuses is added now, and its report, queued after the reports of every load started before
 * it, marks the point where they are all in (and shows the listener works). The sentinel is left out of the answer.
 */
const SENTINEL = 'http://csp-sentinel.example/now.gif';
async function violationsSoFar(page: CspPage): Promise<string[] | null> {
  await page.evaluate((src) => {
    const img = document.createElement('img');
    img.src = src;
    document.body.append(img);
  }, SENTINEL);
  await expect.poll(() => violations(page)).toContain(`img-src ${SENTINEL}`);
  return (await violations(page))?.filter((v) => v !== `img-src ${SENTINEL}`) ?? null;
}

export function cspScenario(launch: () => Promise<CspBrowser>): void {
  let browser: CspBrowser;
  beforeAll(async () => {
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  describe('every extension page works under the policy', () => {
    test('the manifest carries it', async () => {
      const manifest = (await browser.manifest()) as { content_security_policy?: unknown };
      expect(manifest.content_security_policy).toEqual({ extension_pages: POLICY });
    });

    test.each([
      ['the people list', 'src/options/index.html#/people', '.people-count'],
      ['the network', 'src/options/index.html#/network', 'main h2'],
      ['the settings', 'src/options/index.html#/settings', 'main h2'],
      ['import and backup', 'src/options/index.html#/data', '.data-backup'],
      ['the popup (with its early classic script)', 'src/popup/index.html', '.popup-section'],
    ])('%s', async (_, path, ready) => {
      const page = await browser.open(path);
      await page.waitFor(ready);
      expect(await violationsSoFar(page)).toEqual([]);
      // The browser logs the sentinel's refusal too; nothing else.
      expect(
        page
          .consoleErrors()
          .filter((text) => /Content Security Policy/i.test(text) && !text.includes(SENTINEL)),
      ).toEqual([]);
      await page.close();
    });

    test('a person record, and the panel on a profile page', async () => {
      const list = await browser.open('src/options/index.html#/people');
      // The list fills in after the page opens (a read of the database): Firefox's click does not wait for it.
      await list.waitFor('.person-row-name');
      await list.click('.person-row-name');
      await list.waitFor('#record-name');
      expect(await violations(list)).toEqual([]);
      await list.close();
      const panel = await browser.openPanel(DEMO_DORMANT_URL);
      expect(await violations(panel)).toEqual([]);
      await panel.close();
    });
  });

  describe('reaching outside is blocked by the policy itself', () => {
    test('a fetch over plain http and an image from the options page', async () => {
      const page = await browser.open('src/options/index.html#/people');
      await page.waitFor('main h2');
      const outside = browser.outside;
      const outcome = (await page.evaluate(reachOutside, outside)) as Awaited<
        ReturnType<typeof reachOutside>
      >;
      expect(outcome.fetched).toMatch(/^refused: TypeError/);
      expect(outcome.connect).toBe(`connect-src ${outside}/collect?notes=1`);
      expect(outcome.image).toBe(`img-src ${outside}/pixel.gif`);
      // Neither request reached the network layer, where the harness would have refused (and listed) it.
      expect((await browser.refused()).filter((url) => url.startsWith(outside))).toEqual([]);
      await page.close();
    });
  });
}
