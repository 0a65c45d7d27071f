// Scenario: time from the profile's name element appearing in the page to the extension's element
// being mounted, over in-app navigations between profiles. Measured in the page's own world, so both
// extensions are timed by the same clock and the same observer.
import { join } from 'node:path';
import { DIST, launchWithExtension, ROOT, serveFixtures } from '../e2e/browser.mjs';

const PROFILES = ['/in/jane-doe-1a2b3c/', '/in/omar-haddad/', '/in/li-wei-88/'];

function instrument() {
  // Runs in the page before its scripts: records when a profile name appears and when a host appears.
  window.__tnTimes = [];
  let nameAt = null;
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        if (n.matches('main') && n.querySelector('h1') && /^\/in\//.test(location.pathname)) nameAt = now;
        if (n.matches('[data-trust-notes-host],[data-baseline-host]') && nameAt !== null) {
          window.__tnTimes.push(now - nameAt);
          nameAt = null;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** @returns {Promise<number[]>} ms per navigation */
export async function measureMount(extensionDir, navigations) {
  const ext = await launchWithExtension({ extensions: [extensionDir] });
  try {
    const fixtures = { 'https://www.linkedin.com/feed/': 'pages/linkedin-spa.html' };
    await serveFixtures(ext.context, fixtures);
    const page = await ext.context.newPage();
    await page.addInitScript(instrument);
    await page.goto('https://www.linkedin.com/feed/');
    await page.waitForTimeout(300);
    for (let i = 0; i < navigations; i++) {
      const before = await page.evaluate(() => window.__tnTimes.length);
      await page.evaluate((p) => window.__tnNavigate(p), PROFILES[i % PROFILES.length]);
      await page.waitForFunction((n) => window.__tnTimes.length > n, before, { timeout: 10_000 });
    }
    return await page.evaluate(() => window.__tnTimes);
  } finally {
    await ext.close();
  }
}

export const BASELINE_EXTENSION = join(ROOT, 'test/bench/baseline-extension');
export { DIST };
