// The panel's bench rows: the time from a profile's name element appearing to the panel's badge showing that
// person, next to a baseline content script that only appends a div, over in-app navigations in real
// Chromium; and the content script's size. "Shown" is the same event for every extension: its element laid out
// with a size (a ResizeObserver callback, which runs in the rendering step right before paint).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { seedDemo } from '../../scripts/demo.mjs';
import { DIST, FIXTURES, launchWithExtension, ROOT, serveFixtures } from '../e2e/browser.mjs';
import { bundleScript } from './seedBundle.mjs';

export const BASELINE_EXTENSION = join(ROOT, 'test/bench/baseline-extension');
export const FRAME_FLOOR_EXTENSION = join(ROOT, 'test/bench/frame-floor-extension');
const PROFILES = ['/in/jane-doe-1a2b3c/', '/in/omar-haddad/', '/in/li-wei-88/', '/in/sam-keller-agency/'];
const FEED = 'https://www.linkedin.com/feed/';

function instrument() {
  // Runs in the page before its scripts. A name appearing: a <main> with an <h1> added on a profile path.
  // Shown: an element going from no size to a size: the baseline's div, Trust Notes' host (its badge shows,
  // hidden meanwhile, once it has the person's words and the page shows the profile), the floor's host once its
  // empty frame has loaded.
  const now = () => performance.timeOrigin + performance.now();
  window.__bench = { names: [], shown: [], urls: [] };
  // When the URL changed (the fixture navigates with pushState): the badge may show from then on.
  const pushState = history.pushState.bind(history);
  history.pushState = (...args) => {
    window.__bench.urls.push(now());
    return pushState(...args);
  };
  const visible = new WeakMap();
  const sized = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const shows = entry.contentRect.width > 0 && entry.contentRect.height > 0;
      if (shows && !visible.get(entry.target)) window.__bench.shown.push(now());
      visible.set(entry.target, shows);
    }
  });
  new MutationObserver((records) => {
    const at = now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('main') && node.querySelector('h1') && location.pathname.startsWith('/in/')) {
          window.__bench.names.push(at);
        }
        if (node.matches('[data-baseline-host],[data-trust-notes-host],[data-floor-host]'))
          sized.observe(node);
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

const navigate = (page, path) => page.evaluate((p) => window.__tnNavigate(p), path);

async function launch(extensionDir) {
  const ext = await launchWithExtension({ extensions: [extensionDir] });
  await serveFixtures(ext.context, { [FEED]: 'pages/linkedin-spa.html' });
  // Trust Notes reads real records: the demo network (the baseline has no database).
  if (extensionDir === DIST) await seedDemo(ext.context, ext.extensionId);
  const page = await ext.context.newPage();
  await page.addInitScript(instrument);
  await page.goto(FEED);
  await page.waitForTimeout(300);
  return { ext, page };
}

/**
 * Milliseconds from this navigation's name appearing to its badge (or div) showing, once both have happened. The
 * badge comes from the URL, so it may show before the page renders the name: that counts as 0 ms after it.
 */
async function nameToShown(page, before) {
  await page.waitForFunction(
    ({ names, shown }) => window.__bench.names.length > names && window.__bench.shown.length > shown,
    before,
    { timeout: 10_000 },
  );
  return page.evaluate(() => ({
    afterName: Math.max(0, window.__bench.shown.at(-1) - window.__bench.names.at(-1)),
    afterUrl: window.__bench.shown.at(-1) - window.__bench.urls.at(-1),
  }));
}

/**
 * The badge's label as the flat tree has it (the DevTools protocol reaches into the closed shadow root, as
 * assistive technology does): '…' while the worker's words are not in, the stage's name once they are.
 */
async function badgeLabel(cdp) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const attr = (node, name) => {
    const list = node.attributes ?? [];
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return undefined;
  };
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (attr(node, 'class') === 'tn-label') return attr(node, 'data-text') ?? null;
    stack.push(...(node.shadowRoots ?? []), ...(node.children ?? []));
  }
  return null;
}

/**
 * Milliseconds from the URL changing to the badge having the worker's words: the badge shows at a fixed delay
 * whatever the answer took (src/content/visit.ts, REVEAL_MS), so when it shows is not when its words came.
 * Polled through the DevTools protocol, so each figure is late by up to one poll (a few ms).
 */
async function urlToWords(page, cdp) {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    const label = await badgeLabel(cdp);
    if (label && label !== '…') {
      const at = Date.now();
      return at - (await page.evaluate(() => window.__bench.urls.at(-1)));
    }
  }
  throw new Error('The badge never got its words');
}

const counts = (page) =>
  page.evaluate(() => ({ names: window.__bench.names.length, shown: window.__bench.shown.length }));

/**
 * Feed → profile, `navigations` times: each profile gets a fresh mount. Milliseconds from name to shown, and from
 * the URL changing to shown.
 */
export async function fromFeed(extensionDir, navigations) {
  const { ext, page } = await launch(extensionDir);
  const cdp = extensionDir === DIST ? await page.context().newCDPSession(page) : null;
  try {
    const times = [];
    const fromUrl = [];
    const words = [];
    for (let i = 0; i < navigations; i++) {
      const before = await counts(page);
      await navigate(page, PROFILES[i % PROFILES.length]);
      if (cdp) words.push(await urlToWords(page, cdp));
      const { afterName, afterUrl } = await nameToShown(page, before);
      times.push(afterName);
      fromUrl.push(afterUrl);
      await navigate(page, '/feed/');
      // The feed must have rendered: the fixture renders whatever the URL says when its timer fires, so a profile
      // navigation before that would render the profile twice and time the badge against the second render.
      await page.waitForFunction(
        () =>
          document.querySelector('main.feed') &&
          !document.querySelector('[data-trust-notes-host],[data-baseline-host],[data-floor-host]'),
      );
    }
    return { times, fromUrl, words };
  } finally {
    await ext.close();
  }
}

/** Profile → profile: the baseline re-appends its div; Trust Notes' host stays and its badge shows the new person. */
export async function betweenProfiles(extensionDir, navigations) {
  const { ext, page } = await launch(extensionDir);
  try {
    await navigate(page, PROFILES[0]);
    await page.waitForFunction(() => window.__bench.shown.length > 0, null, { timeout: 10_000 });
    const times = [];
    for (let i = 1; i <= navigations; i++) {
      const before = await counts(page);
      await navigate(page, PROFILES[i % PROFILES.length]);
      times.push((await nameToShown(page, before)).afterName);
    }
    return times;
  } finally {
    await ext.close();
  }
}

export function contentScriptGzipKB() {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  const file = join(DIST, manifest.content_scripts[0].js[0]);
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

/**
 * The cost of reading fields, per strategy: every strategy of each LinkedIn corpus page's reader, timed in the page
 * in real Chromium (microseconds per call; one sample per page), and a whole reading of the page.
 */
export async function strategyRows(runs = 200) {
  const corpus = JSON.parse(readFileSync(join(FIXTURES, 'sites/corpus/index.json'), 'utf8')).filter(
    (entry) => entry.site === 'linkedin' && entry.timing === null,
  );
  const ext = await launchWithExtension();
  try {
    await serveFixtures(
      ext.context,
      Object.fromEntries(corpus.map((entry) => [entry.url, `sites/corpus/${entry.file}`])),
    );
    const script = await bundleScript('test/bench/strategyCost.ts', 'TrustNotesStrategyCost');
    const samples = new Map();
    const add = (name, micros) => samples.set(name, [...(samples.get(name) ?? []), micros]);
    for (const entry of corpus) {
      const page = await ext.context.newPage();
      await page.goto(entry.url);
      await page.evaluate(script);
      const costs = await page.evaluate((n) => globalThis.TrustNotesStrategyCost.strategyCosts(n), runs);
      for (const { field, id, micros } of costs.strategies) add(`read LinkedIn ${field} by ${id}`, micros);
      add('read a LinkedIn page (every field, cross-checked)', costs.read);
      await page.close();
    }
    return [...samples].map(([name, values]) => ({ name, unit: 'µs', samples: values }));
  } finally {
    await ext.close();
  }
}

export async function panelRows(navigations = 20) {
  const rows = [];
  rows.push({
    name: 'baseline: name → div (from feed)',
    unit: 'ms',
    samples: (await fromFeed(BASELINE_EXTENSION, navigations)).times,
  });
  // Context, not a target: what showing any extension-origin frame costs on this machine, before any work.
  rows.push({
    name: 'floor: name → empty extension frame shown (from feed)',
    unit: 'ms',
    samples: (await fromFeed(FRAME_FLOOR_EXTENSION, navigations)).times,
    baseline: 'baseline: name → div (from feed)',
  });
  const panel = await fromFeed(DIST, navigations);
  // Context: the badge comes from the URL, so it is timed from the URL changing too (the page renders 30 ms later).
  rows.push({ name: 'URL change → panel badge visible (from feed)', unit: 'ms', samples: panel.fromUrl });
  // Context: the worker's words, which fill the badge in place (unseen by the page) when they come after it shows.
  rows.push({
    name: 'URL change → badge has the worker’s words (from feed)',
    unit: 'ms',
    samples: panel.words,
  });
  rows.push({
    name: 'name → panel badge visible (from feed, fresh mount; 0 = badge first)',
    unit: 'ms',
    samples: panel.times,
    baseline: 'baseline: name → div (from feed)',
    target: '≤ 2× baseline, ≤ 100 ms',
  });
  rows.push({
    name: 'baseline: name → div (profile to profile)',
    unit: 'ms',
    samples: await betweenProfiles(BASELINE_EXTENSION, navigations),
  });
  rows.push({
    name: 'name → badge shows the new person (profile to profile; 0 = badge first)',
    unit: 'ms',
    samples: await betweenProfiles(DIST, navigations),
    baseline: 'baseline: name → div (profile to profile)',
    target: '≤ 2× baseline, ≤ 100 ms',
  });
  rows.push(...(await strategyRows()));
  rows.push({
    name: 'content script size (gzip)',
    unit: 'KB',
    samples: [contentScriptGzipKB()],
    target: '≤ 15 KB',
  });
  return rows;
}
