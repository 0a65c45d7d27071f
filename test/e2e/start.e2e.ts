// `npm start` without a display: it builds, opens Chromium on the demo profile, opens the panel as a user
// does, and saves the store's screenshots: the badge, the panel, a dormant contact, the popup, the people list
// and the network view, each 1280×800. A change to how the badge or the panel loads once broke it with no test
// noticing; this runs it for real, in English and (as `npm run store` does) in Arabic, where it checks that
// each view it shoots reads right to left.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './browser.mjs';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const START_TIMEOUT = 160_000;
const VIEWS = ['profile-badge', 'profile-panel', 'dormant-panel', 'popup', 'people', 'network'];

/** Runs scripts/start.mjs with no display; returns the screenshot paths it printed, after checking it succeeded. */
function start(args: string[]): string[] {
  const { DISPLAY, WAYLAND_DISPLAY, ...env } = process.env;
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    // It builds and drives a browser through six views: on a loaded two-core machine that has taken over 80 s.
    timeout: START_TIMEOUT,
  });
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  return run.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.endsWith('.png'));
}

function expectStoreScreenshot(path: string) {
  const image = readFileSync(path);
  expect(image.subarray(0, 8).equals(PNG)).toBe(true);
  // The IHDR chunk's width and height: the Chrome Web Store takes 1280×800.
  expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([1280, 800]);
  expect(image.length).toBeGreaterThan(5_000);
}

describe('npm start', { timeout: START_TIMEOUT + 10_000 }, () => {
  test('with no display it runs headless, saves the six 1280×800 screenshots and exits cleanly', () => {
    const shots = start([]);
    expect(shots.map((path) => path.replace(/^.*\//, ''))).toEqual(VIEWS.map((view) => `${view}.png`));
    for (const path of shots) expectStoreScreenshot(path);
  });

  test('--lang ar --out DIR saves the same six views into DIR, each drawn right to left', () => {
    const out = mkdtempSync(join(tmpdir(), 'trust-notes-ar-'));
    try {
      const shots = start(['--no-build', '--lang', 'ar', '--out', out]);
      expect(shots).toEqual(VIEWS.map((view) => join(out, `${view}.png`)));
      expect(readdirSync(out).sort()).toEqual(VIEWS.map((view) => `${view}.png`).sort());
      for (const path of shots) expectStoreScreenshot(path);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('refuses a language Trust Notes does not speak', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--lang', 'fr'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--lang fr: Trust Notes speaks en and ar.');
  });
});
