// `npm start`: builds the extension and opens Chromium with it loaded, in a fresh temporary profile, seeded
// with a small demo network, on a demo LinkedIn profile served from a page in this repo. No network: every
// other request is refused.
// With a display it opens a window and runs until that window closes; without one it runs headless, saves
// screenshots of the panel (badge and expanded), a dormant contact, the popup and the options page, prints
// their paths and exits.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, launchWithExtension, ROOT, serveFixtures } from '../test/e2e/browser.mjs';
import { DEMO_DORMANT_URL, DEMO_FIXTURES, DEMO_PROFILE_URL, seedDemo } from './demo.mjs';

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
const seeded = await seedDemo(ext.context, ext.extensionId);
console.log(`Demo network: ${seeded} people.`);

const HOST = '[data-trust-notes-host]';

/** Waits until the badge shows the person: the host stays hidden until the badge has its words. */
const badgeShown = (page) => page.locator(HOST).waitFor({ state: 'visible', timeout: 15_000 });

/**
 * Opens the panel as a user does, with a click on the badge (drawn in the host's closed shadow root; the
 * host is the badge's size while collapsed), and returns the panel's frame, which loads on first use.
 */
const openPanel = async (page) => {
  await badgeShown(page);
  await page.locator(HOST).click();
  const prefix = `chrome-extension://${ext.extensionId}/src/panel/`;
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) {
      await frame.locator('main.tn-panel').waitFor({ timeout: 15_000 });
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('The panel did not load.');
};

const profile = ext.context.pages()[0] ?? (await ext.context.newPage());
await profile.goto(DEMO_PROFILE_URL);

if (hasDisplay) {
  // The first look: Jane's record open on her profile, from the first meeting to her recommendation.
  await openPanel(profile);
  console.log(`Trust Notes is loaded (id ${ext.extensionId}). Close the browser window to stop.`);
  console.log(`Also try ${DEMO_DORMANT_URL} (dormant for five years) and the toolbar popup.`);
  await new Promise((done) => ext.context.on('close', done));
  process.exit(0);
}

const outDir = join(tmpdir(), `trust-notes-screenshots-${Date.now()}`);
mkdirSync(outDir, { recursive: true });
const shots = [];
const shoot = async (page, name) => {
  await page.waitForTimeout(300);
  shots.push(join(outDir, `${name}.png`));
  await page.screenshot({ path: shots.at(-1) });
};
await badgeShown(profile);
await shoot(profile, 'profile-badge');
await openPanel(profile);
await shoot(profile, 'profile-panel');

const dormant = await ext.context.newPage();
await dormant.goto(DEMO_DORMANT_URL);
const dormantFrame = await openPanel(dormant);
await dormantFrame.locator('.tn-queue-card').waitFor();
await shoot(dormant, 'dormant-panel');

for (const [name, path, size] of [
  ['popup', 'src/popup/index.html', { width: 400, height: 560 }],
  ['options', 'src/options/index.html', { width: 1280, height: 900 }],
]) {
  const page = await ext.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  await page.locator('main').waitFor();
  await shoot(page, name);
  await page.close();
}
await ext.close();
console.log('No display: ran headless and saved screenshots:');
for (const s of shots) console.log(`  ${s}`);
process.exit(0);
