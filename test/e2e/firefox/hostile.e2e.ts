// Pages that fight back, in Firefox: the shared scenarios of ../hostileScenarios.ts (named elements shadowing the
// extension API's globals and document members, look-alike host elements: the same code that runs in Chromium), and
// a popover and a modal dialog opened over the badge (../panel-hostile.e2e.ts has the Chromium twin and more).
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOSTILE_ROUTES, hostileScenarios } from '../hostileScenarios.ts';
import { launchFirefox } from './browser.mjs';
import { firefoxPanel } from './panelDriver.ts';

const TOPLAYER = 'https://www.linkedin.com/in/tia-toplayer/';
const HOST = '[data-trust-notes-host][popover]';

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let pages: ReturnType<typeof ff.servedPages>;
let fx: ReturnType<typeof firefoxPanel>;

beforeAll(async () => {
  ff = await launchFirefox();
  pages = ff.servedPages({
    ...HOSTILE_ROUTES,
    [TOPLAYER]: 'pages/hostile-toplayer.html',
  });
  fx = firefoxPanel(ff, pages);
});
afterAll(async () => {
  await ff?.close();
});

async function badge(page: Page): Promise<void> {
  await expect
    .poll(async () => (await ff.readBadge(page))?.words ?? null, { timeout: 10_000 })
    .toBe('Trust Notes No notes yet');
}

async function panelName(page: Page): Promise<string | null> {
  const frame: Frame = await ff.extensionFrame(page, 'src/panel/index.html');
  await frame.waitForSelector('.tn-name');
  return frame.$eval('.tn-name', (el) => el.textContent);
}

hostileScenarios(() => fx.driver);

describe('pages that fight back, in Firefox', () => {
  test('a popover and a modal dialog opened later do not cover the badge: it is raised above them, and takes the click', async () => {
    const page = await pages.open(TOPLAYER);
    await badge(page);
    const onTop = () =>
      page.evaluate((selector) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        return (
          document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.matches(selector) ?? false
        );
      }, HOST);
    await page.evaluate(() => (window as unknown as { __openCover(): void }).__openCover());
    await expect.poll(onTop).toBe(true);
    await page.evaluate(() => (window as unknown as { __openModal(): void }).__openModal());
    await expect.poll(onTop).toBe(true);
    const box = await page.$eval(HOST, (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => panelName(page)).toBe('Tia Toplayer');
    expect(await page.evaluate(() => (window as unknown as { __coverClicks: number }).__coverClicks)).toBe(0);
    await page.close();
  });
});
