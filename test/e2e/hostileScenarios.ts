// Pages that fight back, written once for both browsers over the drivers of panelScenarios.ts: named elements that
// shadow what a content script looks up, and look-alike host elements. Each browser's file serves these fixtures at
// these addresses and calls hostileScenarios with its driver; what needs one browser's own tools (real key presses
// into the panel's frame, clicks at its buttons' places) stays in that browser's file.
import { describe, expect, test } from 'vitest';
import type { PanelDriver } from './panelScenarios.ts';

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

/** The fixtures the scenarios open, by address. */
export const HOSTILE_ROUTES: Record<string, string> = {
  [MARKER]: 'pages/hostile-marker.html',
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
}
