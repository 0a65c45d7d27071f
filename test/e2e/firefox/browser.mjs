// Launches Debian's Firefox ESR headless through puppeteer-core over WebDriver BiDi (no geckodriver),
// installs dist-firefox/ as a temporary add-on with a moz-extension UUID fixed in advance, and serves
// real site URLs from fixture pages with no network. The Firefox twin of ../browser.mjs.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { FIXTURES, ROOT } from '../browser.mjs';

export const DIST_FIREFOX = join(ROOT, 'dist-firefox');
/** The moz-extension:// host the suite pins through `extensions.webextensions.uuids`. */
export const FIXED_UUID = '7c1f0e2a-5b3d-4e6f-8a9b-0c1d2e3f4a5b';

/** The Firefox binary: FIREFOX_PATH, else Debian's /usr/bin/firefox-esr. Throws with a how-to when missing. */
export function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Firefox found. Install it with `sudo apt-get install -y firefox-esr` (Debian/Ubuntu), ' +
        'or set FIREFOX_PATH to a Firefox binary.',
    );
  }
  return found;
}

/**
 * Firefox shows a UI locale only when its language pack is installed; without one it silently falls
 * back to English, and a locale test would check the wrong thing. Throws with a how-to when missing.
 * @param {string} locale e.g. 'ar'
 */
export function requireLangpack(locale) {
  const dir = join(dirname(realpathSync(firefoxPath())), 'browser', 'extensions');
  const found = existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(`langpack-${locale}@`));
  if (!found) {
    throw new Error(
      `Firefox has no '${locale}' language pack in ${dir}. Install it with ` +
        `\`sudo apt-get install -y firefox-esr-l10n-${locale}\` (.ci/run does).`,
    );
  }
}

/** The gecko id the Firefox build declares; the uuids pref is keyed by it. */
export function geckoIdOf(dist = DIST_FIREFOX) {
  const file = join(dist, 'manifest.json');
  if (!existsSync(file))
    throw new Error(`${dist} has no manifest.json: run \`npm run build:firefox\` first.`);
  const id = JSON.parse(readFileSync(file, 'utf8')).browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${file} declares no browser_specific_settings.gecko.id.`);
  return id;
}

// Runs in the browser's chrome (parent-process) window, which sees every HTTP channel of every
// process, including the add-on's background page that WebDriver BiDi does not report. A request
// whose principal belongs to the add-on is recorded and cancelled, unless it goes to an allowed origin (a sync
// server the test runs); Firefox's own background traffic (remote settings and the like: system principal, no
// browsing context) is cancelled quietly, so the browser never reaches for the network either. Page requests are
// left to the per-page interception.
const GUARD_SOURCE = `(() => {
  const addonId = ADDON_ID;
  const allowed = ALLOWED_ORIGINS;
  const seen = (window.__trustNotesExtensionRequests = []);
  const observer = {
    observe(subject) {
      const channel = subject.QueryInterface(Ci.nsIHttpChannel);
      const info = channel.loadInfo;
      const principals = [info.triggeringPrincipal, info.loadingPrincipal].filter(Boolean);
      if (principals.some((p) => p.addonId === addonId)) {
        seen.push(channel.URI.spec);
        if (!allowed.includes(channel.URI.prePath)) channel.cancel(Cr.NS_ERROR_ABORT);
      } else if (info.browsingContextID === 0 && principals.every((p) => p.isSystemPrincipal)) {
        channel.cancel(Cr.NS_ERROR_ABORT);
      }
    },
  };
  Services.obs.addObserver(observer, 'http-on-modify-request');
  return true;
})()`;

const LAUNCH_ARGS = {
  browser: /** @type {const} */ ('firefox'),
  headless: true,
  // Lets BiDi reach extension pages and the chrome window the request guard lives in.
  args: ['--remote-allow-system-access'],
};

/**
 * A profile Firefox has already started once, shared by the launches of every run on this machine.
 * A fresh profile costs Firefox seconds of first-run work on each launch; a copy of a used one does
 * not. Keyed by the Firefox build, so an upgrade makes a new one. Holds no add-on and no test data.
 */
async function profileTemplate() {
  const ini = join(dirname(realpathSync(firefoxPath())), 'application.ini');
  const build = /^BuildID=(\w+)/m.exec(existsSync(ini) ? readFileSync(ini, 'utf8') : '')?.[1] ?? 'unknown';
  const dir = join(tmpdir(), `trust-notes-firefox-profile-${build}`);
  if (existsSync(join(dir, '.ready'))) return dir;
  const staging = mkdtempSync(`${dir}-staging-`);
  const browser = await puppeteer.launch({
    ...LAUNCH_ARGS,
    executablePath: firefoxPath(),
    userDataDir: staging,
  });
  await browser.close();
  writeFileSync(join(staging, '.ready'), '');
  try {
    renameSync(staging, dir);
  } catch {
    // Another run made it first: use theirs.
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

/**
 * @param {{ dist?: string, uuid?: string, locale?: string, prefs?: Record<string, unknown>,
 *           env?: Record<string, string>, allowOrigins?: string[] }} [opts]
 *   locale: Firefox's UI locale (needs its langpack installed, e.g. firefox-esr-l10n-ar for 'ar');
 *   env: variables added to Firefox's environment (e.g. FONTCONFIG_FILE);
 *   allowOrigins: origins the add-on's own requests may reach (still recorded), e.g. a sync server on 127.0.0.1.
 */
export async function launchFirefox(opts = {}) {
  const dist = opts.dist ?? DIST_FIREFOX;
  const geckoId = geckoIdOf(dist);
  const uuid = opts.uuid ?? FIXED_UUID;
  if (opts.locale) requireLangpack(opts.locale);
  const locale = opts.locale ? { 'intl.locale.requested': opts.locale } : {};
  const profile = mkdtempSync(join(tmpdir(), 'trust-notes-firefox-'));
  cpSync(await profileTemplate(), profile, { recursive: true });
  const browser = await puppeteer.launch({
    ...LAUNCH_ARGS,
    executablePath: firefoxPath(),
    userDataDir: profile,
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // Firefox's own /favicon.ico fetch is the browser's, not the page's: keep it off the refused list.
      'browser.chrome.site_icons': false,
      ...locale,
      ...opts.prefs,
    },
  });
  try {
    const connection = browser.connection;
    const chromeContext = await chromeWindowContext(connection);
    await evaluateInChrome(
      connection,
      chromeContext,
      GUARD_SOURCE.replace('ADDON_ID', JSON.stringify(geckoId)).replace(
        'ALLOWED_ORIGINS',
        JSON.stringify(opts.allowOrigins ?? []),
      ),
    );
    await browser.installExtension(dist);
    return firefoxSession({ browser, connection, chromeContext, geckoId, uuid, dist, profile });
  } catch (error) {
    await browser.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** @param {any} connection */
async function chromeWindowContext(connection) {
  const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const top = result.contexts[0]?.context;
  if (!top) throw new Error('Firefox exposed no chrome window: is --remote-allow-system-access set?');
  return top;
}

/** @param {any} connection @param {string} context @param {string} expression @param {boolean} [awaitPromise] */
async function evaluateInChrome(connection, context, expression, awaitPromise = false) {
  const { result } = await connection.send('script.evaluate', {
    target: { context },
    expression,
    awaitPromise,
  });
  if (result.type !== 'success') throw new Error(`chrome script failed: ${JSON.stringify(result)}`);
  return result.result;
}

/**
 * @param {{ browser: import('puppeteer-core').Browser, connection: any, chromeContext: string,
 *           geckoId: string, uuid: string, dist: string, profile: string }} s
 */
function firefoxSession({ browser, connection, chromeContext, geckoId, uuid, dist, profile }) {
  const session = {
    browser,
    geckoId,
    /** The add-on's current moz-extension UUID: the fixed one until a reinstall. */
    uuid,
    dist,
    /** moz-extension://<uuid> */
    get origin() {
      return `moz-extension://${session.uuid}`;
    },
    /** @param {string} path e.g. 'src/options/index.html' */
    url: (path) => `${session.origin}/${path}`,

    /**
     * Opens an extension page in a new tab. Firefox sends no load event for moz-extension pages, so
     * page.goto would hang: navigate without waiting, then wait for the document itself.
     * @param {string} path
     */
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await navigateExtensionPage(connection, page, session.url(path));
      return page;
    },

    /** @param {import('puppeteer-core').Page} page @param {string} path */
    async navigateExtensionPage(page, path) {
      await navigateExtensionPage(connection, page, session.url(path));
    },

    /**
     * The frame of `page` showing the extension page `path` (e.g. the panel inside a site's page).
     * Firefox sends no navigation events for moz-extension frames, so puppeteer keeps calling such a
     * frame about:blank: it is found through WebDriver BiDi's tree of browsing contexts instead.
     * @param {import('puppeteer-core').Page} page @param {string} path @param {number} [timeout]
     */
    async extensionFrame(page, path, timeout = 10_000) {
      const url = session.url(path);
      for (const deadline = Date.now() + timeout; Date.now() < deadline; ) {
        const root = /** @type {any} */ (page.mainFrame())._id;
        const { result } = await connection.send('browsingContext.getTree', { root });
        const child = result.contexts[0]?.children?.find((/** @type {any} */ c) => c.url.startsWith(url));
        const frame = child && page.frames().find((f) => /** @type {any} */ (f)._id === child.context);
        if (frame) return frame;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`No ${path} frame in ${page.url()}`);
    },

    /**
     * How many frames `page` has inside it (its child browsing contexts, as WebDriver BiDi lists them: puppeteer
     * does not see moz-extension frames).
     * @param {import('puppeteer-core').Page} page
     */
    async childFrames(page) {
      const root = /** @type {any} */ (page.mainFrame())._id;
      const { result } = await connection.send('browsingContext.getTree', { root });
      return result.contexts[0]?.children?.length ?? 0;
    },

    /**
     * What the in-page badge shows, or null while it is hidden. It lives in the host's closed shadow root, out of
     * reach of page scripts and puppeteer's selectors; WebDriver BiDi serializes closed shadow trees when asked
     * (includeShadowTree: 'all'), as assistive technology sees them.
     * @param {import('puppeteer-core').Page} page
     * @returns {Promise<{ words: string, pending: boolean, name: string, expanded: string | undefined } | null>}
     */
    async readBadge(page) {
      const context = /** @type {any} */ (page.mainFrame())._id;
      const { result } = await connection.send('script.evaluate', {
        // Through the prototype: a hostile page may shadow document.querySelector, or plant look-alike hosts.
        expression: `Document.prototype.querySelector.call(document, '[data-trust-notes-host][popover]')`,
        target: { context },
        awaitPromise: false,
        serializationOptions: { maxDomDepth: 4, includeShadowTree: 'all' },
      });
      /** @param {any} node */
      const children = (node) => (node?.value?.children ?? []).map((/** @type {any} */ c) => c);
      // The reply is { realm, type, result: <the serialized host> }.
      const root = result?.result?.value?.shadowRoot;
      const button = children(root).find((/** @type {any} */ c) => c.value?.localName === 'button');
      const attrs = button?.value?.attributes ?? {};
      if (!button || 'hidden' in attrs) return null;
      const words = children(button)
        .map((/** @type {any} */ c) => c.value?.attributes?.['data-text'] ?? '')
        .filter(Boolean)
        .join(' ');
      const label = children(button).find(
        (/** @type {any} */ c) => c.value?.attributes?.class === 'tn-label',
      );
      // '…' while the worker's words are not in yet (src/content/host.ts): they fill the badge in place.
      const pending = label?.value?.attributes?.['data-text'] === '…';
      return { words, pending, name: attrs['aria-label'] ?? '', expanded: attrs['aria-expanded'] };
    },

    /**
     * Uninstalls the add-on and installs `path` (default: the same build) as a new temporary add-on,
     * as a user reloading it from about:debugging does. Firefox forgets the UUID on uninstall and
     * gives the new install a fresh one, which becomes `uuid`.
     * @param {string} [path]
     */
    async reinstall(path = dist) {
      await browser.uninstallExtension(geckoId);
      await browser.installExtension(path);
      const prefs = await evaluateInChrome(
        connection,
        chromeContext,
        "Services.prefs.getStringPref('extensions.webextensions.uuids')",
      );
      const next = JSON.parse(prefs.value)[geckoId];
      if (!next) throw new Error(`Firefox assigned no UUID to ${geckoId} after reinstalling.`);
      session.uuid = next;
      return next;
    },

    /**
     * Serves `routes` (URL → fixture file under test/fixtures, or { body, contentType }) to this page and
     * aborts every other http(s) request it makes. Returns the list of refused URLs.
     * @param {import('puppeteer-core').Page} page
     * @param {Record<string, string | { body: string, contentType?: string }>} routes
     */
    async serve(page, routes) {
      /** @type {string[]} */
      const refused = [];
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = request.url();
        if (!/^https?:/.test(url)) return void request.continue();
        const hit = routes[url] ?? routes[url.replace(/[?#].*$/, '')];
        if (hit === undefined) {
          refused.push(url);
          return void request.abort('blockedbyclient');
        }
        const body = typeof hit === 'string' ? readFileSync(join(FIXTURES, hit), 'utf8') : hit.body;
        const contentType =
          typeof hit === 'string'
            ? 'text/html; charset=utf-8'
            : (hit.contentType ?? 'text/html; charset=utf-8');
        return void request.respond({ status: 200, contentType, body });
      });
      return refused;
    },

    /**
     * Opens web pages served from `routes` (see serve): `open(url)` gives a new tab on `url`, and `refused`
     * collects every http(s) URL those tabs asked for outside `routes`, once each tab has closed.
     * @param {Record<string, string | { body: string, contentType?: string }>} routes
     */
    servedPages(routes) {
      /** @type {string[]} */
      const refused = [];
      return {
        refused,
        /** @param {string} url */
        async open(url) {
          const page = await browser.newPage();
          const refusedHere = await session.serve(page, routes);
          page.once('close', () => refused.push(...refusedHere));
          await page.goto(url);
          return page;
        },
      };
    },

    /**
     * From now on, answers Firefox's own optional-permission prompt (the doorhanger that
     * permissions.request raises, after Firefox has checked the call came from a user's input) with
     * `answer`, as the user would, and records what each prompt asked for. Firefox's own tests answer it
     * so: an observer of the prompt's notification that resolves it before the doorhanger can.
     * @param {boolean} answer
     */
    async answerPermissionPrompts(answer) {
      await evaluateInChrome(
        connection,
        chromeContext,
        `(() => {
          window.__trustNotesPromptAnswer = ${JSON.stringify(answer)};
          if (window.__trustNotesPrompts) return true;
          const prompts = (window.__trustNotesPrompts = []);
          Services.obs.addObserver({
            observe(subject) {
              const prompt = subject.wrappedJSObject;
              if (prompt.id !== ${JSON.stringify(geckoId)}) return;
              const { permissions, origins, data_collection } = prompt.permissions;
              const data = data_collection?.length ? { data_collection: [...data_collection] } : {};
              prompts.push({ permissions, origins, ...data, answer: window.__trustNotesPromptAnswer });
              prompt.resolve(window.__trustNotesPromptAnswer);
            },
          }, 'webextension-optional-permission-prompt');
          return true;
        })()`,
      );
    },

    /**
     * The optional-permission prompts Firefox raised since answerPermissionPrompts, with their answers.
     * @returns {Promise<Array<{ permissions: string[], origins: string[], data_collection?: string[], answer: boolean }>>}
     */
    async permissionPrompts() {
      const { value } = await evaluateInChrome(
        connection,
        chromeContext,
        'JSON.stringify(window.__trustNotesPrompts ?? [])',
      );
      return JSON.parse(value);
    },

    /** The event page's state as Firefox tracks it: 'running', 'stopped', 'starting', 'suspending'. */
    async backgroundState() {
      const { value } = await evaluateInChrome(
        connection,
        chromeContext,
        `WebExtensionPolicy.getByID(${JSON.stringify(geckoId)})?.extension?.backgroundState ?? 'none'`,
      );
      return /** @type {string} */ (value);
    },

    /** Stops the event page now, as Firefox does after it has been idle, and waits until it is stopped. */
    async stopBackground() {
      await evaluateInChrome(
        connection,
        chromeContext,
        `WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension.terminateBackground()`,
        true,
      );
      for (let i = 0; i < 100 && (await session.backgroundState()) !== 'stopped'; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const state = await session.backgroundState();
      if (state !== 'stopped') throw new Error(`The background did not stop (${state}).`);
    },

    /** Every http(s) request the add-on made from any of its contexts (all were cancelled). */
    async extensionRequests() {
      const value = await evaluateInChrome(
        connection,
        chromeContext,
        'JSON.stringify(window.__trustNotesExtensionRequests)',
      );
      return /** @type {string[]} */ (JSON.parse(value.value));
    },

    async close() {
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return session;
}

/** @param {any} connection @param {import('puppeteer-core').Page} page @param {string} url */
async function navigateExtensionPage(connection, page, url) {
  // Frame#_id is the BiDi browsing context id; puppeteer has no public accessor for it.
  const context = /** @type {any} */ (page.mainFrame())._id;
  await connection.send('browsingContext.navigate', { context, url, wait: 'none' });
  await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', {}, url);
}

/**
 * Seeds the demo network through the demo page (as ../../../scripts/demo.mjs seedDemo does in Chromium); returns
 * how many people were written.
 * @param {{ openExtensionPage(path: string): Promise<import('puppeteer-core').Page> }} ff
 * @returns {Promise<number>}
 */
export async function seedDemo(ff) {
  const demo = await ff.openExtensionPage('src/demo/index.html');
  try {
    await demo.waitForFunction(
      () => typeof (/** @type {any} */ (globalThis).trustNotesSeedDemo) === 'function',
    );
    return await demo.evaluate(() => /** @type {any} */ (globalThis).trustNotesSeedDemo());
  } finally {
    await demo.close();
  }
}

/**
 * Waits for the background's install scan to finish (it re-arms the scan alarm one period ahead when
 * it does), then removes the alarm, so no scan writes to the database while a test compares data.
 * @param {import('puppeteer-core').Page} page an extension page
 */
export async function quietBackground(page) {
  await page.waitForFunction(
    async () => {
      const alarm = (await chrome.alarms.getAll())[0];
      return alarm !== undefined && alarm.scheduledTime > Date.now() + 60 * 60_000;
    },
    { polling: 100, timeout: 30_000 },
  );
  await page.evaluate(() => chrome.alarms.clearAll());
}
