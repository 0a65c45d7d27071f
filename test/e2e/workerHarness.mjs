// Shared by the worker's e2e tests (both browsers: Firefox evaluates the same bundle through WebDriver BiDi) and
// bench: the db modules bundled for evaluation in an extension page, messages sent from that page, and stopping the
// service worker through the DevTools protocol.
import { join } from 'node:path';
import { buildClassicScript } from '../../scripts/classicScript.mjs';
import { ROOT } from './browser.mjs';

let bundle;

/** The IIFE of workerPageApi.ts (the real db modules and the data generator), built once per process. */
export async function pageApiSource() {
  bundle ??= buildClassicScript(join(ROOT, 'test/e2e/workerPageApi.ts'), {
    name: 'trustNotesTestApi',
    root: ROOT,
    minify: false,
  });
  return bundle;
}

/**
 * An extension page with `__tn` (see workerPageApi.ts) installed. It is the extension's bare manifest
 * document, so no app UI runs queries of its own during a measurement. DevTools evaluation is not bound by
 * the page's CSP, which is what lets the bundle in.
 * @param {{ context: import('playwright-core').BrowserContext, extensionId: string }} ext
 */
export async function openApiPage(ext) {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
  await page.evaluate(await pageApiSource());
  return page;
}

/** Sends a protocol message from the page, exactly as the extension's own pages do. */
export function send(page, type, payload = {}) {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload]);
}

/**
 * Stops the extension's service worker the way Chrome does when it idles out: DevTools' ServiceWorker
 * domain, reached from a page of the same origin. Resolves once the worker reports 'stopped'.
 * @param {import('playwright-core').Page} page an extension page
 */
export async function stopWorker(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const stopped = new Promise((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Runs `expression` in the content script's isolated world of a tab, the context a compromised content
 * script (or a renderer exploit on the site) would speak from. Found through DevTools' execution contexts.
 * @param {import('playwright-core').Page} page a tab on a supported site, content script injected
 */
export async function evaluateInContentScript(page, extensionId, expression) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`,
    );
    if (!world) throw new Error('No content script world in this tab.');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
