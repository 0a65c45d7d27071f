// The panel over the whole markup corpus (test/fixtures/sites/corpus/index.json), written once and run in both
// browsers (panel-corpus.e2e.ts: Chromium; firefox/corpus.e2e.ts: Firefox), each over its panel driver and a copy of
// the build granted every optional site (corpus.ts): on every page the badge shows, the panel shows the person's
// name (and headline, when the page has one), and the worker files the visit under the key the URL names; a top card
// that arrives 3 s late; and a page that keeps the previous person's card for 1.5 s after a pushState.
import { describe, expect, test } from 'vitest';
import { CORPUS, type CorpusEntry } from './corpus.ts';
import type { PanelDriver, View } from './panelScenarios.ts';

export interface CorpusDriver {
  panel: PanelDriver;
  /** How many content scripts the extension has registered (one per optional site granted). */
  registeredScripts(): Promise<number>;
}

const panelName = (frame: View) => frame.text('.tn-name');

export function corpusScenarios(driver: () => CorpusDriver): void {
  test('the content script is registered for every optional site', async () => {
    await expect.poll(() => driver().registeredScripts(), { timeout: 10_000 }).toBe(7);
  });

  const plain = CORPUS.filter((entry) => entry.timing === null);

  describe.each(plain.map((entry) => [entry.file, entry] as const))('%s', (_file, entry: CorpusEntry) => {
    test('the badge shows, the panel shows the person, and the key is the URL’s', async () => {
      const page = await driver().panel.open(entry.url);
      await page.badge('Trust Notes No notes yet');
      const frame = await page.expand();
      await expect.poll(() => panelName(frame)).toBe(entry.expect.name);
      if (entry.expect.headline) {
        expect(await frame.text('.tn-headline')).toBe(entry.expect.headline);
      }
      expect(await page.remembered()).toEqual({ key: entry.expect.key, name: entry.expect.name });
      await page.close();
    });
  });

  describe('timing', () => {
    test('a top card that arrives 3 s late: the badge shows at once, the panel gets the name when the card comes', async () => {
      const entry = CORPUS.find((e) => e.timing === 'late-3s')!;
      const page = await driver().panel.open(entry.url);
      await page.badge('Trust Notes No notes yet');
      // The badge needs no card: the page is still loading it.
      expect(await page.count('main[aria-busy="true"]')).toBe(1);
      expect((await page.remembered())?.key).toBe(entry.expect.key);
      const frame = await page.expand();
      await expect.poll(() => panelName(frame), { timeout: 10_000 }).toBe(entry.expect.name);
      expect(await page.count('main[aria-busy="true"]')).toBe(0);
      expect(await page.remembered()).toEqual({ key: entry.expect.key, name: entry.expect.name });
      await page.close();
    });

    test('after a pushState the page keeps the previous person’s card: the badge follows the URL at once, and the old card is never filed under the new person', async () => {
      const entry = CORPUS.find((e) => e.timing === 'stale-pushstate')!;
      const next = entry.navigate!;
      const page = await driver().panel.open(entry.url);
      // A note on the first person, so the two badges differ.
      const frame = await page.expand();
      await expect.poll(() => panelName(frame)).toBe(entry.expect.name);
      await frame.addNote('Met at the SRE meetup.');
      await frame.collapse();
      await page.badge('Trust Notes Connected');

      await page.evaluate(
        (path) => (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate(path),
        next.path,
      );
      const samples: Array<{
        heading: string | null;
        words: string | null;
        seen: { key: string; name: string | null } | null;
      }> = [];
      // Sampled through the stale card's time and after it: what the page, the badge and the worker say together.
      const until = Date.now() + next.staleMs + 1500;
      while (Date.now() < until) {
        const [heading, words, seen] = await Promise.all([
          page.text('main h1'),
          page.badgeWords(),
          page.remembered(),
        ]);
        samples.push({ heading, words, seen });
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      // The badge came from the URL while the old card was still on screen.
      expect(
        samples.some((s) => s.heading === entry.expect.name && s.words === 'Trust Notes No notes yet'),
      ).toBe(true);
      // The old card was never taken for the new person.
      expect(
        samples.filter((s) => s.seen?.key === next.expect.key && s.seen.name === entry.expect.name),
      ).toEqual([]);
      await expect.poll(() => page.remembered()).toEqual({ key: next.expect.key, name: next.expect.name });
      await expect.poll(() => panelName(frame)).toBe(next.expect.name);
      await page.close();
    });
  });
}
