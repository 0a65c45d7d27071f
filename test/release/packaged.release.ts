// What `npm run package` wrote, checked as the stores will get it: names and versions, no demo, the manifests'
// permissions against the justification table, Firefox's data collection, web-ext lint on the Firefox package
// with nothing to report, the source zip's contents, and the Chrome package, unpacked, working in Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_FIXTURES } from '../../scripts/demo.mjs';
import { manifestPermissions, permissionGaps, ROOT, VERSION } from '../../scripts/release.mjs';
import { SYNC_DATA_COLLECTION } from '../../src/sync/permissions.ts';
import { launchWithExtension, openExtensionPage, serveFixtures } from '../e2e/browser.mjs';
import { badge, expand } from '../e2e/panelHelpers.ts';
import { manifestOf, PACKAGES, packageFiles, unpacked } from './packages.ts';

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const BROWSERS = ['chrome', 'firefox'] as const;

describe('the packages', () => {
  test.each(BROWSERS)(
    'the %s zip is named for package.json’s version, and its manifest carries it',
    (browser) => {
      expect(PACKAGES[browser]).toMatch(
        new RegExp(`/release/trust-notes-${VERSION.replaceAll('.', '\\.')}-${browser}\\.zip$`),
      );
      expect(manifestOf(browser).version).toBe(
        JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
      );
    },
  );

  test.each(BROWSERS)('the %s zip holds no demo page and no demo code', (browser) => {
    // The marker is real: the demo page's source defines it (the source zip carries the sources, demo included).
    expect(text(packageFiles('source')['src/demo/main.ts'])).toContain('trustNotesSeedDemo');
    const files = packageFiles(browser);
    expect(Object.keys(files).filter((path) => /demo/i.test(path))).toEqual([]);
    const withDemo = Object.entries(files)
      .filter(([, data]) => /trustNotesSeedDemo|src\/demo\/|Open-data meetup/.test(text(data)))
      .map(([path]) => path);
    expect(withDemo).toEqual([]);
    // And the pages it does ship are there.
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'src/panel/index.html',
        'src/popup/index.html',
        'src/options/index.html',
      ]),
    );
  });

  test.each(BROWSERS)('no file of the %s zip names the folder it was built in', (browser) => {
    // Preact's development JSX (a build under NODE_ENV=test, say) writes each component's absolute file name.
    const naming = Object.entries(packageFiles(browser))
      .filter(([, data]) => text(data).includes(ROOT) || /lineNumber:\d+,columnNumber:\d+/.test(text(data)))
      .map(([path]) => path);
    expect(naming).toEqual([]);
  });

  test.each(BROWSERS)(
    'store/permissions.md justifies exactly the permissions of the packaged %s manifest',
    (browser) => {
      const table = readFileSync(join(ROOT, 'store/permissions.md'), 'utf8');
      expect(permissionGaps(manifestOf(browser), table)).toEqual({ missing: [], extra: [], twice: [] });
      expect(manifestPermissions(manifestOf(browser))).toContain('https://*.linkedin.com/*');
    },
  );

  test('the Firefox manifest declares no required data collection, and only sync’s as optional; the Chrome one has no Firefox keys', () => {
    const gecko = manifestOf('firefox').browser_specific_settings.gecko;
    expect(gecko.id).toBe('trust-notes@trust-notes.dev');
    expect(gecko.data_collection_permissions).toEqual({
      required: ['none'],
      optional: [...SYNC_DATA_COLLECTION],
    });
    expect(manifestOf('chrome').browser_specific_settings).toBeUndefined();
  });

  test('web-ext lint on the Firefox package, as AMO lints it: no error, no warning, no notice', () => {
    const firefox = unpacked('firefox');
    try {
      const run = spawnSync(
        join(ROOT, 'node_modules/.bin/web-ext'),
        ['lint', '--source-dir', firefox.dir, '--output', 'json', '--no-input'],
        { cwd: ROOT, encoding: 'utf8' },
      );
      const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
      const messages = [...report.errors, ...report.warnings, ...report.notices].map(
        (m: { code: string; file?: string; message: string }) => `${m.code} ${m.file ?? ''}: ${m.message}`,
      );
      expect(messages).toEqual([]);
      expect(report.summary).toEqual({ errors: 0, notices: 0, warnings: 0 });
      expect(run.status).toBe(0);
    } finally {
      firefox.remove();
    }
  });

  test('the source zip holds every file git tracks, plus BUILD.md with the exact versions and commands', () => {
    const files = packageFiles('source');
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(Object.keys(files).sort()).toEqual([...tracked, 'BUILD.md'].sort());
    for (const path of [
      'package-lock.json',
      'package.json',
      'vite.config.ts',
      'manifest.json',
      'tsconfig.json',
    ]) {
      expect(text(files[path])).toBe(readFileSync(join(ROOT, path), 'utf8'));
    }
    const build = text(files['BUILD.md']);
    expect(build).toMatch(/^- Node\.js v\d+\.\d+\.\d+$/m);
    expect(build).toMatch(/^- npm \d+\.\d+\.\d+$/m);
    expect(build).toContain('npm ci\nnpm run build:release\n');
  });
});

describe('the packaged Chrome extension, unpacked into Chromium', () => {
  let chrome: ReturnType<typeof unpacked>;
  let ext: Awaited<ReturnType<typeof launchWithExtension>>;
  let refused: string[];

  beforeAll(async () => {
    chrome = unpacked('chrome');
    ext = await launchWithExtension({ extensions: [chrome.dir] });
    refused = await serveFixtures(ext.context, DEMO_FIXTURES);
  });
  afterAll(async () => {
    await ext?.close();
    chrome?.remove();
  });

  test('shows the badge on a LinkedIn profile, and opens the panel on it', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
    await badge(page, 'Trust Notes No notes yet');
    const panel = await expand(page, ext.extensionId);
    await expect.poll(() => panel.locator('.tn-name').textContent()).toBe('Jane Doe');
    await page.close();
    expect(refused).toEqual([]);
  });

  test('opens the toolbar popup', async () => {
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'src/popup/index.html');
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Trust Notes');
    expect(await popup.locator('main').count()).toBe(1);
    await popup.close();
  });
});
