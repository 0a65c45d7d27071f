// The panel's style and access in real Chromium: axe-core finds no violation in the expanded panel, in light and
// dark, in English and in Arabic (right to left), run inside the real embedded frame and, with AxeBuilder, on the
// panel page opened as a tab. The badge lives in a closed shadow root no page-level axe run can enter: its
// role, name and focusability are read from the browser's accessibility tree instead.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_DORMANT_URL, DEMO_FIXTURES, DEMO_PROFILE_URL, seedDemo } from '../../scripts/demo.mjs';
import { launchWithExtension, ROOT, serveFixtures } from './browser.mjs';
import { badge, expand, hostBox } from './panelHelpers.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const artifacts = join(ROOT, 'test-results');

interface Violation {
  id: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** axe-core run inside the panel's own frame (a closed shadow root hides it from a page-level run). */
async function axeIn(frame: Frame): Promise<Violation[]> {
  await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }
    ).axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.map(({ id, nodes }) => ({
    id,
    nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
  }));
}

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;

async function launchSeeded(opts: Parameters<typeof launchWithExtension>[0] = {}): Promise<Launched> {
  const ext = await launchWithExtension(opts);
  await serveFixtures(ext.context, DEMO_FIXTURES);
  expect(await seedDemo(ext.context, ext.extensionId)).toBe(5);
  return ext;
}

describe.each([
  { scheme: 'light' as const, background: 'rgb(255, 255, 255)' },
  { scheme: 'dark' as const, background: 'rgb(18, 24, 22)' },
])('in $scheme mode', ({ scheme, background }) => {
  let ext: Launched;
  beforeAll(async () => {
    ext = await launchSeeded({ colorScheme: scheme });
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await ext?.close();
  });

  test.each([
    ['an ambassador with a full record', DEMO_PROFILE_URL],
    ['a dormant contact in the weekly queue', DEMO_DORMANT_URL],
  ])('%s: the badge is a named button; the expanded panel has no axe violations', async (name, url) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    const shown = await badge(page);
    expect([shown.role, shown.focusable]).toEqual(['button', true]);
    expect(shown.name).toMatch(/^Trust Notes: .+\. Open the panel$/);
    const frame = await expand(page, ext.extensionId);
    expect(
      await frame.evaluate(() => getComputedStyle(document.querySelector('main.tn-panel')!).backgroundColor),
    ).toBe(background);
    // Around the rounded panel the frame shows the page: its own page background (theme.css paints every other
    // extension page) is transparent.
    expect(
      await frame.evaluate(() =>
        [document.documentElement, document.body].map((el) => getComputedStyle(el).backgroundColor),
      ),
    ).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    expect(await axeIn(frame)).toEqual([]);
    // The quick-add outcome fields too, once the status says the work is over.
    await frame.locator('form.tn-quick-add').getByLabel('Status').selectOption('done');
    await frame.locator('form.tn-quick-add').getByLabel('Kind').selectOption('paidProject');
    await frame.locator('form.tn-quick-add').getByLabel('Payment').selectOption('late');
    expect(await axeIn(frame)).toEqual([]);
    await page.screenshot({ path: join(artifacts, `panel-${scheme}-${name.split(' ')[1]}.png`) });
    await page.close();
  });

  test('AxeBuilder on the panel page opened as a tab finds no violations either', async () => {
    const page = await ext.context.newPage();
    const nonce = '0b7f3c2e-8d41-4e6a-9c15-2a7e5d9b1f60';
    await page.goto(`chrome-extension://${ext.extensionId}/src/panel/index.html#${nonce}`);
    await page.waitForLoadState('load');
    // Tell the worker what "this tab" shows, and the panel's nonce, as the content script would on a profile page
    // (after the tab's load, which made the worker forget any profile for it), then tell the panel to ask again as
    // the content script does: a window message carrying the nonce, from its parent (itself, at the top).
    await expect
      .poll(async () => {
        await ext.worker.evaluate(async (nonce: string) => {
          const [tab] = await chrome.tabs.query({
            url: `chrome-extension://${chrome.runtime.id}/src/panel/index.html`,
          });
          await chrome.storage.session.set({
            [`tab:${tab!.id}`]: {
              site: 'linkedin',
              key: 'linkedin:jane-doe-1a2b3c',
              handle: 'jane-doe-1a2b3c',
              url: 'https://www.linkedin.com/in/jane-doe-1a2b3c/',
              name: 'Jane Doe',
            },
            [`frame:${tab!.id}`]: nonce,
          });
        }, nonce);
        await page.evaluate((nonce) => window.postMessage({ nonce, type: 'profileChanged' }, '*'), nonce);
        return page.locator('main.tn-panel').count();
      })
      .toBe(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }))).toEqual([]);
    await page.close();
  });
});

describe('in Arabic', () => {
  let ext: Launched;
  beforeAll(async () => {
    ext = await launchSeeded({ locale: 'ar', args: ['--lang=ar'] });
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await ext?.close();
  });

  test('the panel is right to left, in Arabic, at the page’s left edge, with no axe violations', async () => {
    const page = await ext.context.newPage();
    await page.goto(DEMO_PROFILE_URL);
    const shown = await badge(page);
    expect(shown.words).toBe('ملاحظات الثقة سفير');
    expect(shown.name).toMatch(/^ملاحظات الثقة: سفير\. افتح اللوحة$/);
    const box = await hostBox(page);
    // The inline end is the left in a right-to-left UI.
    expect(box!.x).toBeLessThan(40);
    const frame = await expand(page, ext.extensionId);
    const seen = await frame.evaluate(() => ({
      dir: document.documentElement.dir,
      lang: document.documentElement.lang,
      direction: getComputedStyle(document.body).direction,
      vouch: document.querySelector('.tn-vouch h3')?.textContent,
    }));
    expect(seen).toEqual({ dir: 'rtl', lang: 'ar', direction: 'rtl', vouch: 'هل أستطيع التزكية لهم؟' });
    expect(await axeIn(frame)).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'panel-ar-rtl.png') });
    await page.close();
  });
});
