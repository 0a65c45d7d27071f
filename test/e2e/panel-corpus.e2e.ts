// The panel over the whole markup corpus in real Chromium (the scenarios: corpusScenarios.ts, shared with Firefox).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { DIST, launchWithExtension, serveFixtures } from './browser.mjs';
import { CORPUS_ROUTES, everySiteGranted } from './corpus.ts';
import { corpusScenarios } from './corpusScenarios.ts';
import { chromiumPanel } from './panelDriver.ts';

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let cx: ReturnType<typeof chromiumPanel>;
let granted: string;

beforeAll(async () => {
  granted = everySiteGranted(DIST);
  ext = await launchWithExtension({ extensions: [granted] });
  cx = chromiumPanel(ext);
  await serveFixtures(ext.context, CORPUS_ROUTES);
});
afterAll(async () => {
  await ext?.close();
  rmSync(granted, { recursive: true, force: true });
});

corpusScenarios(() => ({
  panel: cx.driver,
  registeredScripts: () =>
    ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
}));
