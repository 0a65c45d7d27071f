// The panel over the whole markup corpus in Firefox (the scenarios: ../corpusScenarios.ts, shared with Chromium).
// Every optional site is granted through a copy of the build whose manifest asks for them at install (../corpus.ts).
import { rmSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { CORPUS_ROUTES, everySiteGranted } from '../corpus.ts';
import { corpusScenarios } from '../corpusScenarios.ts';
import { DIST_FIREFOX, launchFirefox } from './browser.mjs';
import { firefoxPanel } from './panelDriver.ts';

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let fx: ReturnType<typeof firefoxPanel>;
/** An extension page kept open to ask what the extension registered. */
let inspector: Page;
let granted: string;

beforeAll(async () => {
  granted = everySiteGranted(DIST_FIREFOX);
  ff = await launchFirefox({ dist: granted });
  fx = firefoxPanel(ff, ff.servedPages(CORPUS_ROUTES));
  inspector = await ff.openExtensionPage('src/options/index.html');
});
afterAll(async () => {
  await ff?.close();
  rmSync(granted, { recursive: true, force: true });
});

corpusScenarios(() => ({
  panel: fx.driver,
  registeredScripts: () =>
    inspector.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
}));
