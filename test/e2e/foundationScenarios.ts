// The extension's foundations, written once and run in both browsers (foundation.e2e.ts: Chromium over Playwright;
// firefox/foundation.e2e.ts: Firefox over Puppeteer): the content script mounts once on a profile page and never
// elsewhere, follows the page's own navigations and tells the background which profile the tab shows; the
// extension pages render with no error; the background answers. The pages are the single-page-app stand-in at
// these LinkedIn URLs; the panel drivers (panelDriver.ts, firefox/panelDriver.ts) open and read them. What only one
// browser has (the manifests, Chrome's orphaned script after a reload, Firefox's event page) stays in its file.
import { describe, expect, test } from 'vitest';
import type { PanelDriver, ProfilePage, View } from './panelScenarios.ts';

const SPA = 'pages/linkedin-spa.html';
const URLS = [
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/jobs/',
  'https://www.linkedin.com/company/example-co/',
  'https://www.linkedin.com/in/jane-doe-1a2b3c/',
  'https://www.linkedin.com/in/omar-haddad/',
  'https://www.linkedin.com/in/li-wei-88/details/experience/',
];
/** The fixtures both browsers serve: the single-page app at every URL above. */
export const FOUNDATION_ROUTES: Record<string, string> = Object.fromEntries(URLS.map((u) => [u, SPA]));

const HOST = '[data-trust-notes-host]';

export interface FoundationDriver {
  panel: PanelDriver;
  /** Opens an extension page, hearing its console errors and uncaught exceptions from the start. */
  openExtensionPage(path: string): Promise<View & { errors: string[]; close(): Promise<void> }>;
  /** Sends `any:ping` from an extension page; returns the reply. */
  ping(): Promise<unknown>;
}

/** Opens `url` and waits for the page's own heading (the app renders it). */
async function open(driver: FoundationDriver, url: string): Promise<ProfilePage> {
  const page = await driver.panel.open(url);
  await expect.poll(() => page.count('h1')).toBeGreaterThan(0);
  return page;
}

const navigate = (page: ProfilePage, path: string) =>
  page.evaluate((p) => (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate(p), path);

export function foundationScenarios(driver: () => FoundationDriver): void {
  describe('content script', () => {
    test('mounts exactly once on a profile page, and tells the background which profile the tab shows', async () => {
      const page = await open(driver(), 'https://www.linkedin.com/in/jane-doe-1a2b3c/');
      await expect.poll(() => page.count(HOST)).toBe(1);
      // Further DOM churn must not mount a second host.
      await page.evaluate(() => {
        for (let i = 0; i < 20; i++) document.body.append(document.createElement('span'));
      }, '');
      await page.settled();
      expect(await page.count(HOST)).toBe(1);
      await expect.poll(() => page.profileKey()).toBe('linkedin:jane-doe-1a2b3c');
      await page.close();
    });

    test.each([
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/company/example-co/',
      'https://www.linkedin.com/jobs/',
    ])('never mounts on %s', async (url) => {
      const page = await open(driver(), url);
      await page.settled();
      expect(await page.count(HOST)).toBe(0);
      await page.close();
    });

    test('follows in-app navigation: feed → profile → another profile → feed', async () => {
      const page = await open(driver(), 'https://www.linkedin.com/feed/');
      await page.settled();
      expect(await page.count(HOST)).toBe(0);

      await navigate(page, '/in/omar-haddad/');
      await expect.poll(() => page.count(HOST)).toBe(1);
      await expect.poll(() => page.profileKey()).toBe('linkedin:omar-haddad');

      await navigate(page, '/in/li-wei-88/details/experience/');
      await expect.poll(() => page.profileKey()).toBe('linkedin:li-wei-88');
      expect(await page.count(HOST)).toBe(1);

      await navigate(page, '/feed/');
      await expect.poll(() => page.count(HOST)).toBe(0);
      await expect.poll(() => page.profileKey()).toBe(null);
      await page.close();
    });
  });

  describe('extension pages and background', () => {
    test.each(['src/popup/index.html', 'src/options/index.html'])(
      '%s renders with Preact and no console errors',
      async (path) => {
        const page = await driver().openExtensionPage(path);
        await expect.poll(() => page.text('h1')).toBe('Trust Notes');
        expect(page.errors).toEqual([]);
        await page.close();
      },
    );

    test('the background answers a ping from an extension page', async () => {
      expect(await driver().ping()).toEqual({ ok: true, value: { pong: true, version: '0.1.0' } });
    });
  });
}
