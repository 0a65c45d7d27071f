// `npm start`: builds the extension and opens Chromium with it loaded, in a fresh temporary profile,
// on a demo LinkedIn profile served from a page in this repo. No network: every other request is refused.
// With a display it opens a window and runs until that window closes; without one it runs headless,
// saves screenshots of the profile page, the popup and the options page, prints their paths and exits.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, launchWithExtension, ROOT, serveFixtures } from '../test/e2e/browser.mjs';
import { DEMO_FIXTURES, DEMO_PROFILE_URL } from './demo.mjs';

try {
  chromiumPath();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

execSync('npx vite build', { cwd: ROOT, stdio: 'inherit' });

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const ext = await launchWithExtension({ headless: !hasDisplay, viewport: hasDisplay ? null : undefined });
await serveFixtures(ext.context, DEMO_FIXTURES);

const profile = ext.context.pages()[0] ?? (await ext.context.newPage());
await profile.goto(DEMO_PROFILE_URL);

if (hasDisplay) {
  console.log(`Trust Notes is loaded (id ${ext.extensionId}). Close the browser window to stop.`);
  await new Promise((done) => ext.context.on('close', done));
  process.exit(0);
}

const outDir = join(tmpdir(), `trust-notes-screenshots-${Date.now()}`);
mkdirSync(outDir, { recursive: true });
const shots = [];
await profile.locator('[data-trust-notes-host]').waitFor({ state: 'attached', timeout: 15_000 });
await profile.waitForTimeout(300);
shots.push(join(outDir, 'profile.png'));
await profile.screenshot({ path: shots.at(-1) });

for (const [name, path, size] of [
  ['popup', 'src/popup/index.html', { width: 400, height: 560 }],
  ['options', 'src/options/index.html', { width: 1280, height: 900 }],
]) {
  const page = await ext.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  await page.locator('main').waitFor();
  await page.waitForTimeout(300);
  shots.push(join(outDir, `${name}.png`));
  await page.screenshot({ path: shots.at(-1) });
  await page.close();
}
await ext.close();
console.log('No display: ran headless and saved screenshots:');
for (const s of shots) console.log(`  ${s}`);
process.exit(0);
