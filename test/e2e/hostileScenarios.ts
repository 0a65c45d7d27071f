// Pages that fight back, written once for both browsers over the drivers of panelScenarios.ts: named elements that
// shadow what a content script looks up, look-alike host elements, and pages that fight the host itself. Each browser's file serves these fixtures at
// these addresses and calls hostileScenarios with its driver; what needs one browser's own tools (real key presses
// into the panel's frame, clicks at its buttons' places) stays in that browser's file.
import { describe, expect, test } from 'vitest';
import type { PanelDriver, ProfilePage } from './panelScenarios.ts';

export const CLOBBERED = [
  'browser',
  'chrome',
  'querySelector',
  'getElementById',
  'body',
  'documentElement',
  'all',
];
export const clobberUrl = (name: string) => `https://www.linkedin.com/in/clobber-${name.toLowerCase()}/`;
export const MARKER = 'https://www.linkedin.com/in/mark-marker/';
export const COVER = 'https://www.linkedin.com/in/cory-cover/';
export const FIGHTER = 'https://www.linkedin.com/in/fay-fighter/';

/** The fixtures the scenarios open, by address. */
export const HOSTILE_ROUTES: Record<string, string> = {
  [MARKER]: 'pages/hostile-marker.html',
  [COVER]: 'pages/hostile-cover.html',
  [FIGHTER]: 'pages/hostile-fight.html',
  ...Object.fromEntries(CLOBBERED.map((name) => [clobberUrl(name), 'pages/hostile-clobber.html'])),
};

export function hostileScenarios(driver: () => PanelDriver): void {
  describe('a page that clobbers what a content script looks up (DOM clobbering)', () => {
    test.each(CLOBBERED)(
      'named elements shadowing %s: the badge shows and the panel reads the person',
      async (name) => {
        const page = await driver().open(clobberUrl(name));
        // The page really shadows these in its own world (the content script's world sees the same named elements).
        const shadowed = (await page.evaluate(() => {
          const w = window as unknown as Record<string, unknown>;
          return {
            names: w.__clobbered as string[],
            browser: (w.browser as Element | undefined)?.tagName ?? null,
            querySelector: typeof document.querySelector,
            body: (document.body as unknown as Element).tagName,
          };
        }, '')) as { names: string[]; browser: string | null; querySelector: string; body: string };
        expect(shadowed.names.length).toBeGreaterThan(0);
        if (name === 'browser' || name === 'all') expect(shadowed.browser).toBe('FORM');
        if (name === 'querySelector' || name === 'all') expect(shadowed.querySelector).toBe('object');
        if (name === 'body' || name === 'all') expect(shadowed.body).toBe('IMG');
        expect((await page.badge()).words).toBe('Trust Notes No notes yet');
        const frame = await page.expand();
        await expect.poll(() => frame.text('.tn-name')).toBe('Clara Clobber');
        expect(await frame.text('.tn-headline')).toBe('DOM security researcher');
        await page.close();
      },
    );
  });

  describe('a page that plants elements carrying the host attribute', () => {
    test('the badge still mounts: "already mounted" is kept in the content script’s own world', async () => {
      const page = await driver().open(MARKER);
      expect(await page.count('[data-trust-notes-host]:not([popover])')).toBe(2);
      expect((await page.badge()).words).toBe('Trust Notes No notes yet');
      expect(await page.hostCount()).toBe(1);
      const frame = await page.expand();
      await expect.poll(() => frame.text('.tn-name')).toBe('Mark Marker');
      await page.close();
    });
  });

  describe('pages that fight the host itself', () => {
    const hostState = (page: ProfilePage) =>
      page.evaluate(() => {
        const host = document.querySelector('[data-trust-notes-host][popover]') as HTMLElement;
        const style = getComputedStyle(host);
        return {
          display: style.display,
          visibility: style.visibility,
          open: host.matches(':popover-open'),
          inert: host.inert,
          hidden: host.hidden,
        };
      }, '');

    test('a page hiding the host on a timer, however long it keeps at it, never hides it', async () => {
      const page = await driver().open(COVER);
      await page.badge();
      // More rounds than the loop breaker allows a page that fights with no task between rounds (REPAIR_ROUNDS,
      // 100): a timer's rounds are not that, and wore the host down after about 3 s before.
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __hideRounds: number }).__hideRounds, ''), {
          timeout: 15_000,
        })
        .toBeGreaterThanOrEqual(150);
      expect(await hostState(page)).toEqual({
        display: 'block',
        visibility: 'visible',
        open: true,
        inert: false,
        hidden: false,
      });
      expect((await page.hostBox())?.width).toBeGreaterThan(40);
      await page.close();
    });

    test('a page whose observer answers every repair: the host stops after a bounded number of rounds, and the tab stays responsive', async () => {
      const page = await driver().open(FIGHTER);
      await expect.poll(() => page.hostCount()).toBe(1);
      // Without a bound, the two observers would answer each other forever: no task (a timer, this evaluate)
      // would ever run again in the tab.
      const lag = (await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            setTimeout(() => resolve(performance.now() - start), 0);
          }),
        '',
      )) as number;
      expect(lag).toBeLessThan(1000);
      const rounds = () =>
        page.evaluate(
          () => (window as unknown as { __fight: { rounds: number } }).__fight.rounds,
          '',
        ) as Promise<number>;
      const first = await rounds();
      expect(first).toBeGreaterThan(10);
      expect(first).toBeLessThanOrEqual(110);
      // And it stays over: no new rounds while nothing else changes, once the content script has looked at the
      // page as it is now (contentSettled.ts: its reaction to every earlier change is over).
      await page.settled();
      expect(await rounds()).toBe(first);
      await page.close();
    });
  });
}
