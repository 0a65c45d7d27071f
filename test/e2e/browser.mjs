// Launches Debian's Chromium with a built extension loaded, and serves real site URLs from fixture
// pages with no network. Shared by the e2e suite, the bench and `npm start`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'test/fixtures');

/** The Chromium binary: CHROMIUM_PATH, else Debian's /usr/bin/chromium. Throws with a how-to when missing. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
        'or set CHROMIUM_PATH to a Chromium binary. Branded Google Chrome 137+ ignores --load-extension, so it will not do.',
    );
  }
  return found;
}

// Playwright turns Chromium's third-party storage partitioning off (microsoft/playwright#32230). Real Chrome has
// it on, and with it an extension frame embedded in a site (the panel) opens the extension's own IndexedDB.
// With it off and third-party cookies blocked (Chromium's default), the panel frame is denied all storage.
// So the suite runs with Chrome's default: Playwright's feature list minus that one entry. A test can ask for
// Playwright's default (`partitionedStorage: false`) on purpose, as an enterprise policy can impose it, to check
// that the panel then says what failed.
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];
const disableFeatures = (list) => `--disable-features=${list.join(',')}`;

/**
 * @param {{ extensions?: string[], headless?: boolean, userDataDir?: string, viewport?: {width:number,height:number} | null,
 *           colorScheme?: 'light'|'dark', locale?: string, args?: string[], partitionedStorage?: boolean,
 *           env?: Record<string, string> }} [opts]
 */
export async function launchWithExtension(opts = {}) {
  const extensions = opts.extensions ?? [DIST];
  for (const ext of extensions) {
    if (!existsSync(join(ext, 'manifest.json')))
      throw new Error(`${ext} has no manifest.json: run \`npm run build\` first.`);
  }
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'trust-notes-'));
  const list = extensions.join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    viewport: opts.viewport === undefined ? { width: 1280, height: 900 } : opts.viewport,
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'en-US',
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    ignoreDefaultArgs: [disableFeatures(PLAYWRIGHT_DISABLED_FEATURES)],
    args: [
      disableFeatures(
        opts.partitionedStorage === false
          ? PLAYWRIGHT_DISABLED_FEATURES
          : PLAYWRIGHT_DISABLED_FEATURES.filter((f) => f !== 'ThirdPartyStoragePartitioning'),
      ),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${list}`,
      `--load-extension=${list}`,
      ...(opts.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    async close() {
      await context.close().catch(() => {});
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves `routes` (URL → fixture file under test/fixtures, or { body }) and aborts every other http(s)
 * request. Returns the list of refused URLs, so a test can assert that nothing reached for the network.
 * @param {import('playwright-core').BrowserContext} context
 * @param {Record<string, string | { body: string, contentType?: string }>} routes
 */
export async function serveFixtures(context, routes) {
  /** @type {string[]} */
  const refused = [];
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route) => {
      const url = route.request().url();
      const hit = routes[url] ?? routes[url.replace(/[?#].*$/, '')];
      if (hit === undefined) {
        refused.push(url);
        return route.abort('blockedbyclient');
      }
      const body = typeof hit === 'string' ? readFileSync(join(FIXTURES, hit), 'utf8') : hit.body;
      const contentType =
        typeof hit === 'string'
          ? 'text/html; charset=utf-8'
          : (hit.contentType ?? 'text/html; charset=utf-8');
      return route.fulfill({ status: 200, contentType, body });
    },
  );
  return refused;
}

/** Opens an extension page (e.g. 'src/popup/index.html') in a new tab. */
export async function openExtensionPage(context, extensionId, path) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}
