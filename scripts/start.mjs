// `npm start`: builds the extension and opens Chromium with it loaded, in a fresh temporary profile, seeded
// with a small demo network, on a demo LinkedIn profile served from a page in this repo. No network: every
// other request is refused.
// With a display it opens a window and runs until that window closes. Without one, or with `--out DIR`, it runs
// headless and saves six 1280×800 screenshots (the profile's badge, its open panel, a dormant contact's panel,
// the popup, the people list and the network view), prints their paths and exits. `--lang ar` runs the browser
// in Arabic, and a screenshot whose view is not in the language asked for stops it with an error. `--no-build`
// loads the dist/ already built. `npm run store` makes the store's screenshots this way (scripts/store.mjs).
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath, launchWithExtension, ROOT, serveFixtures } from '../test/e2e/browser.mjs';
import { DEMO_DORMANT_URL, DEMO_FIXTURES, DEMO_PROFILE_URL, seedDemo } from './demo.mjs';

const { values: args } = parseArgs({
  options: {
    lang: { type: 'string', default: 'en' },
    out: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
if (!['en', 'ar'].includes(args.lang)) {
  console.error(`--lang ${args.lang}: Trust Notes speaks en and ar.`);
  process.exit(1);
}

try {
  chromiumPath();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

if (!args['no-build']) execSync('npx vite build', { cwd: ROOT, stdio: 'inherit' });

/** The stores' screenshot size (Chrome Web Store: 1280×800). */
const SIZE = { width: 1280, height: 800 };
const windowed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !args.out;
// Chromium picks the extension's language from its own: --lang plus the matching locale.
const language = args.lang === 'ar' ? { locale: 'ar', args: ['--lang=ar'] } : {};
const ext = await launchWithExtension({ headless: !windowed, viewport: windowed ? null : SIZE, ...language });
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

if (windowed) {
  // The first look: Jane's record open on her profile, from the first meeting to her recommendation.
  await openPanel(profile);
  console.log(`Trust Notes is loaded (id ${ext.extensionId}). Close the browser window to stop.`);
  console.log(`Also try ${DEMO_DORMANT_URL} (dormant for five years) and the toolbar popup.`);
  await new Promise((done) => ext.context.on('close', done));
  process.exit(0);
}

const outDir = args.out ? resolve(args.out) : join(tmpdir(), `trust-notes-screenshots-${Date.now()}`);
mkdirSync(outDir, { recursive: true });
const shots = [];
const direction = args.lang === 'ar' ? 'rtl' : 'ltr';
/** The direction an extension page or frame is laid out in (src/ui/i18n.ts sets it from the language). */
const directionOf = (ui) => ui.evaluate(() => document.documentElement.dir);
/**
 * Saves what `page` shows as `<name>.png`, once it has settled. `shown` is the direction of the extension's view
 * in it: it must be the language's, so a browser that ignored --lang cannot fill store/screenshots/ar/ with
 * English pictures.
 */
const shoot = async (page, name, shown) => {
  if (shown !== direction) {
    throw new Error(
      `${name}: Trust Notes reads ${shown || 'with no direction'}, not ${direction} (--lang ${args.lang}).`,
    );
  }
  await page.waitForTimeout(300);
  shots.push(join(outDir, `${name}.png`));
  await page.screenshot({ path: shots.at(-1) });
};
await badgeShown(profile);
// The badge sits at the inline end of the page: on the left in Arabic. (Its own view is in a closed shadow root.)
const badgeBox = await profile.locator(HOST).boundingBox();
const badgeSide = badgeBox && badgeBox.x + badgeBox.width / 2 < SIZE.width / 2 ? 'rtl' : 'ltr';
await shoot(profile, 'profile-badge', badgeSide);
const panelFrame = await openPanel(profile);
await shoot(profile, 'profile-panel', await directionOf(panelFrame));

const dormant = await ext.context.newPage();
await dormant.goto(DEMO_DORMANT_URL);
const dormantFrame = await openPanel(dormant);
await dormantFrame.locator('.tn-queue-card').waitFor();
await shoot(dormant, 'dormant-panel', await directionOf(dormantFrame));

// The popup as the user sees it: its own page at its own size, drawn over the LinkedIn feed where the toolbar
// opens it (on the right, or on the left in a right-to-left browser).
const feed = await ext.context.newPage();
await feed.goto('https://www.linkedin.com/feed/');
await feed.locator('h1').first().waitFor();
const under = await feed.screenshot();
const popup = await ext.context.newPage();
await popup.setViewportSize({ width: 380, height: 600 });
await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
await popup.locator('main').waitFor();
const popupDirection = await directionOf(popup);
await popup.waitForTimeout(300);
const popupImage = await popup.locator('body').screenshot();
await popup.close();
await feed.setContent(
  `<body style="margin:0"><img alt="" src="data:image/png;base64,${under.toString('base64')}" style="display:block">` +
    `<img alt="" src="data:image/png;base64,${popupImage.toString('base64')}" style="position:fixed;top:8px;` +
    `${args.lang === 'ar' ? 'left' : 'right'}:96px;border:1px solid #c8c8c8;border-radius:8px;` +
    'box-shadow:0 6px 24px rgb(0 0 0 / 28%)"></body>',
);
await feed.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
await shoot(feed, 'popup', popupDirection);
await feed.close();

for (const [name, hash, ready] of [
  ['people', '#/people', '.person-row-name'],
  ['network', '#/network', '.network-lead'],
]) {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/options/index.html${hash}`);
  await page.locator(ready).first().waitFor();
  await shoot(page, name, await directionOf(page));
  await page.close();
}
await ext.close();
console.log('Ran headless and saved screenshots:');
for (const s of shots) console.log(`  ${s}`);
process.exit(0);
