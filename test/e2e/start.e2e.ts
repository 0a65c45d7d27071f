// `npm start` without a display: it builds, opens Chromium on the demo profile, opens the panel as a user
// does, and saves the store's screenshots: the badge, the panel, a dormant contact, the popup, the people list
// and the network view, each 1280×800. A change to how the badge or the panel loads once broke it with no test
// noticing; this runs it for real.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './browser.mjs';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('npm start', () => {
  test('with no display it runs headless, saves the six 1280×800 screenshots and exits cleanly', () => {
    const { DISPLAY, WAYLAND_DISPLAY, ...env } = process.env;
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 80_000,
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const shots = run.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.endsWith('.png'));
    expect(shots.map((path) => path.replace(/^.*\//, ''))).toEqual([
      'profile-badge.png',
      'profile-panel.png',
      'dormant-panel.png',
      'popup.png',
      'people.png',
      'network.png',
    ]);
    for (const path of shots) {
      const image = readFileSync(path);
      expect(image.subarray(0, 8).equals(PNG)).toBe(true);
      // The IHDR chunk's width and height: the Chrome Web Store takes 1280×800.
      expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([1280, 800]);
      expect(image.length).toBeGreaterThan(5_000);
    }
  });
});
