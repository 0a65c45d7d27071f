// LinkedIn's whole export through the options page, written once and run in both browsers (options-archive.e2e.ts:
// Chromium over Playwright; firefox/archive.e2e.ts: Firefox over Puppeteer). A generated archive zip is picked from
// disk, the preview shows per file the rows read and how they matched (the numbers the import's engine gives for the
// same zip, archiveExpect.ts), the import commits with progress, a recommendation turns its writer into an ambassador
// with its text as the evidence, the popup shows the weekly queue (5 ranked people, each with reasons in words), the
// toolbar badge counts the queue, never the thousands of dormant connections, the network view's funnel counts the
// imported ledger by core's rules, and the same archive again changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { networkFunnel } from '../../src/core/network.ts';
import { evaluatePerson } from '../../src/core/trust.ts';
import type { Person, SharedWork } from '../../src/core/types.ts';
import { toPerson } from '../../src/db/personRow.ts';
import { archiveFiles, connection, writeArchiveZip } from '../fixtures/archive/generate.mjs';
import { expectedPreview, type PreviewRow } from './archiveExpect.ts';
import type { View } from './panelScenarios.ts';
import type { Stores } from './rawStores.ts';

/** An extension page open in the browser, read through `View` (evaluate in its document). */
export interface ArchivePage extends View {
  /** Clicks, as a user does, the first element matching `selector` whose trimmed text starts with `text`. */
  click(selector: string, text: string): Promise<void>;
  /** Picks the file at `path` in the file input matching `selector`. */
  upload(selector: string, path: string): Promise<void>;
  /** Uncaught exceptions in the page since it opened. */
  errors(): string[];
  /** axe-core over the whole page: no violations. */
  expectNoAxeViolations(what: string): Promise<void>;
  close(): Promise<void>;
}

/** The browser with the extension built as the user gets it. */
export interface ArchiveBrowser {
  /** Opens the extension's page at `path` (e.g. src/popup/index.html#/x). */
  open(path: string): Promise<ArchivePage>;
  /** The toolbar button's badge text, title and colour (RGBA). */
  badge(): Promise<{ text: string; title: string; colour: number[] }>;
  /** Every row of the extension's database (rawStores.ts), read from an extension page. */
  readStores(): Promise<Stores>;
  close(): Promise<void>;
}

export interface ArchiveSize {
  connections: number;
  messageRows: number;
  conversations: number;
  recommendations: number;
  endorsements: number;
}

const FILE_INPUT = '.data-import input[type="file"]';
const HEADINGS = 'main :is(h2, h3, h4, h5, h6)';

/** Records every state of the page's progress bars (label, value, max) from now on: reading and writing are too
 * quick at this size to catch with a wait, so the page notes each change itself. */
const watchProgress = (page: ArchivePage) =>
  page.evaluate(() => {
    const seen: [string, number, number][] = [];
    (globalThis as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('progress')) {
        const label = bar.closest('label')?.textContent?.trim() ?? '';
        const last = seen.at(-1);
        if (!last || last[0] !== label || last[1] !== bar.value || last[2] !== bar.max)
          seen.push([label, bar.value, bar.max]);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, '');
const progressSeen = async (page: ArchivePage) =>
  (await page.evaluate(
    () => (globalThis as unknown as { progressSeen: [string, number, number][] }).progressSeen,
    '',
  )) as [string, number, number][];

/** Notes every Worker the page starts (the options page reads a zip's messages.csv in them: messagesWorker.ts). */
const watchWorkers = (page: ArchivePage) =>
  page.evaluate(() => {
    const started: string[] = [];
    const scope = globalThis as unknown as { workersStarted: string[]; Worker: typeof Worker };
    scope.workersStarted = started;
    const Original = scope.Worker;
    scope.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(String(url));
      }
    };
  }, '');
const workersStarted = async (page: ArchivePage) =>
  (await page.evaluate(
    () => (globalThis as unknown as { workersStarted: string[] }).workersStarted,
    '',
  )) as string[];

/** Moves the page to `hash`, as a link inside the options page does. */
const goTo = (page: ArchivePage, hash: string) =>
  page.evaluate((h) => {
    location.hash = h;
  }, hash);

const statusSays = async (page: ArchivePage, text: string) =>
  (await page.texts('[role=status]')).some((t) => t.includes(text));

/** `fileName` names the zip as LinkedIn names its export (the preview's heading shows it). */
export function archiveScenarios(
  launch: () => Promise<ArchiveBrowser>,
  archive: ArchiveSize,
  fileName: string,
): void {
  let browser: ArchiveBrowser;
  let page: ArchivePage;
  const dir = mkdtempSync(join(tmpdir(), 'trust-notes-archive-'));
  const zipPath = join(dir, fileName);
  let expected: Record<string, PreviewRow>;

  beforeAll(async () => {
    writeArchiveZip(zipPath, archive);
    expected = await expectedPreview(zipPath);
    browser = await launch();
    page = await browser.open('src/options/index.html#/data');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const writer = () => {
    const received = archiveFiles(archive)['Recommendations_Received.csv']!.split('\r\n')[1]!;
    const [first, last] = received.split(',') as [string, string];
    return [...Array(archive.connections).keys()]
      .map(connection)
      .find((c) => c.first === first && c.last === last)!;
  };

  describe("LinkedIn's whole export", () => {
    test('the preview: per file, rows read; matched exactly, by name, ambiguous, unmatched', async () => {
      await expect.poll(() => page.count(FILE_INPUT), { timeout: 30_000 }).toBe(1);
      await watchProgress(page);
      await watchWorkers(page);
      await page.upload(FILE_INPUT, zipPath);
      await expect
        .poll(() => page.texts(HEADINGS), { timeout: 120_000 })
        .toContain(`Before importing ${fileName}`);
      // messages.csv was read by the messages worker, the page's own built file (the preview below is what the
      // same zip gives read on one thread: expectedPreview); on two cores or more, by two of them, one inflating
      // for the other (messagesPipe.ts).
      const cores = (await page.evaluate(() => navigator.hardwareConcurrency, '')) as number;
      expect(await workersStarted(page)).toEqual(
        Array(cores > 1 ? 2 : 1).fill(expect.stringMatching(/\/assets\/messagesWorker-[\w-]+\.js$/)),
      );
      // Reading showed a bar that moved forward to its end.
      const reading = (await progressSeen(page)).filter(([label]) => label === 'Reading the file');
      expect(reading.length).toBeGreaterThan(1);
      expect(reading.at(-1)![1]).toBe(reading.at(-1)![2]);
      expect(reading.map(([, value]) => value)).toEqual(
        reading.map(([, value]) => value).sort((a, b) => a - b),
      );
      const counts = (await page.evaluate(
        () =>
          Object.fromEntries(
            [...document.querySelectorAll('.import-counts div')].map((div) => [
              div.querySelector('dt')?.textContent ?? '',
              div.querySelector('dd')?.textContent?.replace(/,/g, '') ?? '',
            ]),
          ),
        '',
      )) as Record<string, string>;
      expect(counts['New people']).toBe(String(archive.connections));
      expect(await page.texts('table.archive-files caption')).toEqual(['The other files of the export']);
      for (const [kind, numbers] of Object.entries(expected)) {
        const cells = await page.texts(`table.archive-files tr[data-kind="${kind}"] td`);
        expect(
          cells.slice(0, 5).map((c) => Number(c.replace(/,/g, ''))),
          kind,
        ).toEqual([numbers.rows, numbers.exact, numbers.byName, numbers.ambiguous, numbers.unmatched]);
      }
      // Every file is there, and the conversations with people who are not connections wait for the review.
      expect(Object.keys(expected).sort()).toEqual([
        'endorsementsGiven',
        'endorsementsReceived',
        'invitations',
        'messages',
        'recommendationsGiven',
        'recommendationsReceived',
      ]);
      expect(expected.messages?.unmatched).toBeGreaterThan(0);
      expect((await page.texts(HEADINGS)).some((h) => h.startsWith('Rows that need your answer'))).toBe(true);
      await page.expectNoAxeViolations('the archive preview');
    });

    test('imports all or nothing, with progress', async () => {
      await watchProgress(page);
      await page.click('button', 'Import (');
      await expect
        .poll(() => statusSays(page, `Imported: ${archive.connections.toLocaleString('en')} new`), {
          timeout: 180_000,
        })
        .toBe(true);
      // Writing showed a bar over the people written, in more than one step.
      const writing = (await progressSeen(page)).filter(([label]) => label === 'Importing');
      expect(writing.length).toBeGreaterThan(1);
      expect(writing.at(-1)![2]).toBeGreaterThanOrEqual(archive.connections);
      expect(page.errors()).toEqual([]);
    });

    test('a recommendation received turns its writer into an ambassador, with its text as the evidence', async () => {
      const who = writer();
      // In the database: the stage, and the recommendation as referral work carrying its text.
      const stores = await browser.readStores();
      const person = stores.people.find((p) => p.name === who.name)!;
      expect(person.stage).toBe('ambassador');
      const works = stores.sharedWork.filter((w) => w.personId === person.id);
      expect(works.map((w) => w.kind)).toContain('referralReceived');
      expect(works.find((w) => w.kind === 'referralReceived')?.note).toContain(
        `${who.first} delivered the work we agreed on`,
      );
      // And as the user sees it: found by name in the people list, the record shows the stage and the evidence.
      // (By the whole name: the list is virtualised, and a namesake-wide search may leave the row out of view.)
      await goTo(page, `#/people?q=${encodeURIComponent(who.name)}`);
      await expect.poll(() => page.linkHref(who.name), { timeout: 30_000 }).not.toBeNull();
      await page.click('a', who.name);
      await expect.poll(() => page.text('#record-name'), { timeout: 30_000 }).toBe(who.name);
      await expect.poll(() => page.text('.record-title .tn-stage')).toBe('Ambassador');
      expect(await page.text('.timeline-item')).toContain(
        `${who.first} delivered the work we agreed on, on time, and it held up.`,
      );
      expect((await page.texts('.tn-direction'))[1]).toMatch(/recommended you/);
    });

    test('the popup shows the weekly queue: 5 ranked people, each with reasons in words and a first step', async () => {
      await expect.poll(async () => (await browser.badge()).text, { timeout: 120_000 }).toBe('5');
      const popup = await browser.open('src/popup/index.html');
      await expect.poll(() => popup.count('.popup-queue > li'), { timeout: 60_000 }).toBe(5);
      const reasons = await popup.texts('.tn-queue-reasons');
      expect(reasons).toHaveLength(5);
      for (const text of reasons) expect(text).toMatch(/messages? in \d{4}/);
      const steps = await popup.texts('.tn-queue-step');
      expect(steps).toHaveLength(5);
      for (const text of steps) expect(text).toMatch(/^First step: /);
      // Ranked: the queue's order (warmth and untested time, people.queueRank), warmest first.
      const stores = await browser.readStores();
      const rank = new Map(stores.people.map((p) => [p.name, p.queueRank as number]));
      const names = await popup.texts('.tn-queue-name');
      expect(names.every((name) => typeof rank.get(name) === 'number')).toBe(true);
      expect(names.map((name) => rank.get(name))).toEqual(
        names.map((name) => rank.get(name)).sort((a, b) => b! - a!),
      );
      const queued = (stores.queue ?? [])
        .filter((entry) => entry.state === 'queued')
        .map((entry) => entry.personId);
      expect(new Set(names)).toEqual(
        new Set(stores.people.filter((p) => queued.includes(p.id)).map((p) => p.name)),
      );
      // And no one dormant today (untested for the default 3 years) outside the queue ranks above its last person.
      const today = new Date();
      const cutoff = `${today.getFullYear() - 3}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      const lowest = Math.min(...names.map((name) => rank.get(name)!));
      const dormantAbove = stores.people.filter(
        (p) =>
          (p.queueRank as number) > lowest &&
          !queued.includes(p.id) &&
          typeof p.untestedSince === 'string' &&
          p.untestedSince !== '' &&
          p.untestedSince <= cutoff,
      );
      expect(dormantAbove).toEqual([]);
      await popup.expectNoAxeViolations('the popup after an archive import');
      await popup.close();
    });

    test('the toolbar badge shows the queue, not the thousands of dormant connections', async () => {
      // Most are dormant (connected years ago, nothing shared): the people list's filter shows them all.
      await goTo(page, '#/people?dormant=1');
      await expect
        .poll(async () => (await page.text('.people-count')) ?? '', { timeout: 60_000 })
        .toContain(' of ');
      const shown = await page.text('.people-count');
      expect(Number(shown?.split(' of ')[0]?.replace(/,/g, ''))).toBeGreaterThan(archive.connections / 2);
      // Its colour is the theme's caution colour (#9a3412), set by the worker when it starts.
      expect(await browser.badge()).toEqual({
        text: '5',
        title: 'Trust Notes: 5 people to test this week',
        colour: [0x9a, 0x34, 0x12, 255],
      });
    });

    test("the network view's funnel: connections, any contact, tested work, proven, ambassadors", async () => {
      const network = await browser.open('src/options/index.html#/network');
      const caption = 'From connections to ambassadors';
      await expect.poll(() => network.texts('table caption'), { timeout: 120_000 }).toContain(caption);
      const shown = (await network.evaluate(
        (title) =>
          [...document.querySelectorAll('table')]
            .filter((table) => table.querySelector('caption')?.textContent === title)
            .flatMap((table) =>
              [...table.querySelectorAll('tbody tr')].map((row) =>
                [...row.children].map((cell) => cell.textContent ?? ''),
              ),
            ),
        caption,
      )) as string[][];
      // The same ledger read back from the database, counted by core's rules.
      const { people, sharedWork } = await browser.readStores();
      const worksOf = new Map<string, SharedWork[]>();
      for (const work of sharedWork as unknown as SharedWork[])
        worksOf.set(work.personId, [...(worksOf.get(work.personId) ?? []), work]);
      const now = new Date();
      const funnel = networkFunnel(
        people.map((row) => {
          const person: Person = toPerson(row as unknown as Parameters<typeof toPerson>[0]);
          return { person, evaluation: evaluatePerson({ person, works: worksOf.get(person.id) ?? [], now }) };
        }),
      );
      const n = (count: number) => count.toLocaleString('en');
      expect(shown).toEqual([
        ['Connections', n(funnel.connections)],
        ['With any contact', n(funnel.anyContact)],
        ['With tested work', n(funnel.tested)],
        ['Proven', n(funnel.proven)],
        ['Ambassadors', n(funnel.ambassadors)],
      ]);
      // Every connection is in; messages, endorsements and invitations are contact; recommendations make ambassadors.
      expect(funnel.connections).toBe(archive.connections);
      expect(funnel.anyContact).toBeGreaterThan(funnel.tested);
      expect(funnel.ambassadors).toBeGreaterThan(0);
      await network.close();
    });

    test('importing the same archive again changes nothing', async () => {
      await goTo(page, '#/data');
      await expect.poll(() => page.count(FILE_INPUT), { timeout: 30_000 }).toBe(1);
      await page.upload(FILE_INPUT, zipPath);
      await expect
        .poll(() => page.texts(HEADINGS), { timeout: 120_000 })
        .toContain(`Before importing ${fileName}`);
      const button = (await page.evaluate(
        () =>
          [...document.querySelectorAll('button')]
            .filter((b) => b.textContent?.trim() === 'Nothing to import')
            .map((b) => b.disabled),
        '',
      )) as boolean[];
      expect(button).toEqual([true]);
    });
  });
}
