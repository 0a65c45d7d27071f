// The panel against hostile pages, in real Chromium: a keylogging page records nothing of a typed note, page
// strings render as text, a page that restyles or covers the host cannot make the panel click-through, and a
// page cannot detect the extension by fetching fixed chrome-extension:// addresses.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, serveFixtures } from './browser.mjs';
import { COVER, HOSTILE_ROUTES, hostileScenarios } from './hostileScenarios.ts';
import { chromiumPanel } from './panelDriver.ts';
import { badge, expand, HOST, hostBox, panelFrame, readBadge, readStores } from './panelHelpers.ts';

const KEYLOGGER = 'https://www.linkedin.com/in/kim-logger/';
/** The same hostile page at a second profile, which no other test records. */
const PROBER = 'https://www.linkedin.com/in/kim-prober/';
const MALLORY = 'https://www.linkedin.com/in/mallory-hostile-7e7e7e/';
const TOPLAYER = 'https://www.linkedin.com/in/tia-toplayer/';
const SECRET = 'Quietly7 paid late twice, ask Rania';

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let cx: ReturnType<typeof chromiumPanel>;

beforeAll(async () => {
  ext = await launchWithExtension();
  cx = chromiumPanel(ext);
  await serveFixtures(ext.context, {
    [KEYLOGGER]: 'pages/hostile-keylogger.html',
    [PROBER]: 'pages/hostile-keylogger.html',
    [MALLORY]: 'sites/linkedin-profile-hostile.html',
    [TOPLAYER]: 'pages/hostile-toplayer.html',
    ...HOSTILE_ROUTES,
  });
});
afterAll(async () => {
  await ext?.close();
});

async function open(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

interface Hostile {
  events: Array<{
    type: string;
    key: string | null;
    code: string | null;
    data: string | null;
    value: string | null;
  }>;
  mutations: unknown[];
  scans: Array<{
    hostShadowRoot: string;
    iframes: number;
    frames: number;
    frameText: string;
    active: string | null;
  }>;
}

describe('a page that logs keys, watches the DOM and queries it', () => {
  test('records nothing of a note typed in the panel', async () => {
    const page = await open(KEYLOGGER);
    // The logger works: typing in the page's own search box is recorded, key by key (by window and document).
    await page.locator('#search').click();
    await page.keyboard.type('abc');
    const own = (await page.evaluate(
      () => (window as unknown as { __hostile: Hostile }).__hostile,
    )) as Hostile;
    expect(own.events.filter((e) => e.type === 'keydown').map((e) => e.key)).toEqual([
      'a',
      'a',
      'b',
      'b',
      'c',
      'c',
    ]);
    // Leave the search box (its change event fires now), then start the record afresh.
    await page.locator('#search').evaluate((el) => (el as HTMLInputElement).blur());
    await page.evaluate(() => {
      const hostile = (window as unknown as { __hostile: Hostile }).__hostile;
      hostile.events = [];
      hostile.mutations = [];
      hostile.scans = [];
    });

    const frame = await expand(page, ext.extensionId);
    // Real key presses, into the focused frame: the way a user types.
    await frame.getByLabel('New note').click();
    await page.keyboard.type(SECRET, { delay: 5 });
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await frame.getByRole('button', { name: 'Add note' }).click();
    await frame.locator('.tn-note-text', { hasText: SECRET }).waitFor();
    // And into the quick-add form's note.
    await frame.locator('form.tn-quick-add').getByLabel('Note', { exact: true }).click();
    await page.keyboard.type(SECRET, { delay: 5 });
    // The page's DOM scans (every 50 ms) look three more times while the typed text is in the panel: the page had
    // its chance, counted rather than waited for.
    const scansSoFar = () =>
      page.evaluate(() => (window as unknown as { __hostile: Hostile }).__hostile.scans.length);
    const typed = await scansSoFar();
    await expect.poll(scansSoFar).toBeGreaterThanOrEqual(typed + 3);

    const stores = await readStores(ext.context, ext.extensionId);
    expect(stores.notes.map((n) => n.text)).toEqual([`${SECRET}\nsecond line`]);

    const seen = (await page.evaluate(
      () => (window as unknown as { __hostile: unknown }).__hostile,
    )) as Hostile;
    // Not one key event, input event or typed character reached the page's capture listeners.
    const keyish = seen.events.filter((e) =>
      /key|input|composition|paste|copy|cut|change|textInput/.test(e.type),
    );
    expect(keyish).toEqual([]);
    expect(seen.events.every((e) => e.key === null && e.data === null)).toBe(true);
    // Neither its MutationObserver nor its DOM scans saw any of the panel's content.
    const everything = JSON.stringify(seen);
    for (const fragment of [
      'Quietly7',
      'paid late',
      'Rania',
      'second line',
      'Add note',
      'Can I vouch',
      'No notes',
    ]) {
      expect(everything).not.toContain(fragment);
    }
    // The closed shadow root stays closed even for a page that patched attachShadow, and the frame is opaque.
    expect(seen.scans.length).toBeGreaterThan(5);
    for (const scan of seen.scans.filter((s) => s.hostShadowRoot !== 'no host')) {
      expect(scan.hostShadowRoot).toBe('null');
      expect(scan.iframes).toBe(0);
      // Either the frame is not reachable through window.frames, or reading it is a SecurityError.
      expect(['undefined', 'blocked: SecurityError']).toContain(scan.frameText);
    }
    await page.close();
  });
});

/** Chromium's non-standard window.find(text, caseSensitive, backwards, wrapAround), which TypeScript omits. */
interface WindowFind {
  find(text: string, caseSensitive: boolean, backwards: boolean, wrapAround: boolean): boolean;
}

describe('the badge’s words', () => {
  test('are beyond the page’s reach: not in its text, its find, its selection, or the host’s size', async () => {
    const page = await open(PROBER);
    expect((await badge(page)).words).toBe('Trust Notes No notes yet');
    const probe = () =>
      page.evaluate((selector) => {
        const host = document.querySelector(selector) as HTMLElement;
        const found = (text: string) => {
          getSelection()?.removeAllRanges();
          return (window as unknown as WindowFind).find(text, false, false, true);
        };
        document.execCommand('selectAll');
        const selected = getSelection()?.toString() ?? '';
        getSelection()?.removeAllRanges();
        const box = host.getBoundingClientRect();
        return {
          pageText: found('Kim'),
          mark: found('Trust Notes'),
          words: found('No notes yet'),
          inSelection: selected.includes('Trust Notes') || selected.includes('No notes'),
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a page would scrape.
          inText: document.documentElement.innerText.includes('No notes'),
          shadowRoot: host.shadowRoot === null ? 'closed' : 'open',
          size: [box.width, box.height],
        };
      }, HOST);
    // Why the words are generated content: window.find() reaches text inside a closed shadow root.
    const findsShadowText = await page.evaluate(() => {
      const host = document.createElement('div');
      document.body.append(host);
      const span = document.createElement('span');
      span.textContent = 'Zebrawords';
      host.attachShadow({ mode: 'closed' }).append(span);
      getSelection()?.removeAllRanges();
      const found = (window as unknown as WindowFind).find('Zebrawords', false, false, true);
      host.remove();
      return found;
    });
    expect(findsShadowText).toBe(true);
    const unrecorded = await probe();
    // The probe works: it finds the page's own words.
    expect(unrecorded.pageText).toBe(true);
    expect(unrecorded).toMatchObject({
      mark: false,
      words: false,
      inSelection: false,
      inText: false,
      shadowRoot: 'closed',
    });
    // Recorded, with other words: the host keeps its size, so the size says nothing about the stage.
    const frame = await expand(page, ext.extensionId);
    await frame.getByLabel('New note').fill('Met at the meetup.');
    await frame.getByRole('button', { name: 'Add note' }).click();
    await frame.locator('.tn-note-text').waitFor();
    await frame.getByRole('button', { name: 'Collapse' }).click();
    expect((await badge(page, 'Trust Notes Connected')).name).toBe('Trust Notes: Connected. Open the panel');
    const recorded = await probe();
    expect(recorded.size).toEqual(unrecorded.size);
    expect(
      await page.evaluate(() => (window as unknown as WindowFind).find('Connected', false, false, true)),
    ).toBe(false);
    await page.close();
  });
});

describe('page strings are data', () => {
  test('a name made of an <img onerror> and a headline holding a <script> render as text, before and after saving', async () => {
    const dialogs: string[] = [];
    const page = await open(MALLORY);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const frame = await expand(page, ext.extensionId);
    const check = async () => {
      expect(await frame.locator('.tn-name').textContent()).toBe('<img src=x onerror=alert(1)>');
      expect(await frame.locator('.tn-headline').textContent()).toBe(
        'Red team lead <script>window.__pwned=1</script>',
      );
      expect(await frame.locator('img').count()).toBe(0);
      expect(await frame.locator('.tn-profile-view script').count()).toBe(0);
      expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    };
    await check();
    await frame.getByLabel('New note').fill('Check references before any paid work.');
    await frame.getByRole('button', { name: 'Add note' }).click();
    await frame.locator('.tn-note-text').waitFor();
    await check();
    const stores = await readStores(ext.context, ext.extensionId);
    const mallory = stores.people.find((p) => p.name === '<img src=x onerror=alert(1)>');
    expect(mallory?.headline).toBe('Red team lead <script>window.__pwned=1</script>');
    // A positive sign that an <img src=x onerror> rendered by now would have fired: a control image with the same
    // failing source, made now in the page and in the panel's frame, reports its error in each.
    const failedImage = () =>
      new Promise<void>((resolve) => {
        const img = new Image();
        img.onerror = () => resolve();
        img.src = 'x';
      });
    await page.evaluate(failedImage);
    await frame.evaluate(failedImage);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});

describe('a page that restyles and covers the host', () => {
  test('cannot hide the panel or make it click-through: real clicks at its place reach it', async () => {
    const page = await open(COVER);
    await badge(page);
    // Let the page's hiding loop run many times over the host (the page counts its rounds): more than the
    // host's loop breaker allows a page that fights it with no task between rounds (REPAIR_ROUNDS, 100). A
    // timer's rounds are not such a loop, and must not wear the host down (they did, after about 3 s).
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __hideRounds: number }).__hideRounds), {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(150);
    const box = await hostBox(page);
    expect(box?.width).toBeGreaterThan(40);
    const state = await page.evaluate((selector) => {
      const host = document.querySelector(selector) as HTMLElement;
      const style = getComputedStyle(host);
      return {
        display: style.display,
        visibility: style.visibility,
        pointerEvents: style.pointerEvents,
        open: host.matches(':popover-open'),
        inert: host.inert,
        hidden: host.hidden,
      };
    }, HOST);
    expect(state).toEqual({
      display: 'block',
      visibility: 'visible',
      pointerEvents: 'auto',
      open: true,
      inert: false,
      hidden: false,
    });

    // The cover works on the rest of the page: a click beside the panel lands on it.
    await page.mouse.click(box!.x - 200, box!.y + box!.height / 2);
    expect(await page.evaluate(() => (window as unknown as { __coverClicks: number }).__coverClicks)).toBe(1);

    // A real click at the badge's place opens the panel, above both overlays.
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const frame = await panelFrame(page, ext.extensionId);
    await frame.locator('main.tn-panel').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __coverClicks: number }).__coverClicks)).toBe(1);
    const expanded = await hostBox(page);
    expect(expanded?.width).toBe(400);

    // And inside the expanded panel, a real click on a control works too.
    const collapse = await frame.getByRole('button', { name: 'Collapse' }).boundingBox();
    await page.mouse.click(collapse!.x + collapse!.width / 2, collapse!.y + collapse!.height / 2);
    await badge(page);
    expect((await hostBox(page))?.width).toBe(216);
    expect(await page.evaluate(() => (window as unknown as { __coverClicks: number }).__coverClicks)).toBe(1);
    await page.close();
  });
});

hostileScenarios(() => cx.driver);

describe('popovers and modal dialogs the page opens later', () => {
  const centre = (box: { x: number; y: number; width: number; height: number }) => ({
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
  });
  const onTop = (page: Page, point: { x: number; y: number }) =>
    page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.matches('[data-trust-notes-host][popover]') ?? false,
      point,
    );

  test('do not cover the badge or the open panel: the host is raised above them, and takes clicks', async () => {
    const page = await open(TOPLAYER);
    await badge(page);
    const call = (hook: string) =>
      page.evaluate((h) => (window as unknown as Record<string, () => void>)[h]!(), hook);

    // A popover over the whole page, opened after the host.
    await call('__openCover');
    await expect.poll(async () => onTop(page, centre((await hostBox(page))!))).toBe(true);
    const badgeAt = centre((await hostBox(page))!);
    await page.mouse.click(badgeAt.x, badgeAt.y);
    const frame = await panelFrame(page, ext.extensionId);
    await frame.locator('main.tn-panel').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __coverClicks: number }).__coverClicks)).toBe(0);

    // A modal dialog opened while the panel is open: the panel stays on top, and usable (not inert).
    await call('__openModal');
    await expect.poll(async () => onTop(page, centre((await hostBox(page))!))).toBe(true);
    const collapse = (await frame.getByRole('button', { name: 'Collapse' }).boundingBox())!;
    await page.mouse.click(collapse.x + collapse.width / 2, collapse.y + collapse.height / 2);
    await expect.poll(async () => (await hostBox(page))?.width).toBe(216);
    expect(await page.evaluate(() => (window as unknown as { __coverClicks: number }).__coverClicks)).toBe(0);

    // The badge over the modal opens the panel again; and once the dialog closes, the host is still there.
    const again = centre((await hostBox(page))!);
    await page.mouse.click(again.x, again.y);
    await expect.poll(async () => (await hostBox(page))?.width).toBe(400);
    expect(await page.evaluate(() => (window as unknown as { __coverClicks: number }).__coverClicks)).toBe(0);
    await call('__closeModal');
    await call('__closeCover');
    await expect.poll(async () => onTop(page, centre((await hostBox(page))!))).toBe(true);
    expect(await page.locator(HOST).count()).toBe(1);
    await page.close();
  });
});

describe('forged notices', () => {
  test('the page cannot expand the panel by posting the notices its content script sends', async () => {
    const page = await open(KEYLOGGER);
    await badge(page);
    // A pointer on the badge loads the panel's frame (hidden), so the forgeries have a frame to aim at.
    const box = await hostBox(page);
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await panelFrame(page, ext.extensionId);
    const reached = await page.evaluate(() => {
      const targets: Window[] = [
        window,
        ...Array.from({ length: window.frames.length }, (_, i) => window.frames[i]!),
      ];
      for (const target of targets) {
        for (const nonce of ['', 'guess', '00000000-0000-0000-0000-000000000000']) {
          target.postMessage({ nonce, type: 'toggle' }, '*');
          target.postMessage({ nonce, type: 'profileChanged' }, '*');
        }
      }
      return targets.length;
    });
    expect(reached).toBeGreaterThanOrEqual(1);
    // Messages from one window to another arrive in order: once a marker posted after the forgeries reaches the
    // page's own listener, the content script's listener has had every forgery; and it has acted on them once
    // it has settled (contentSettled.ts). The panel's frame drops them on arrival (no nonce of its own).
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          addEventListener('message', (e) => e.data === 'tn-test-marker' && resolve());
          postMessage('tn-test-marker', '*');
        }),
    );
    await cx.settled(page);
    // Still collapsed: the badge shows, at its size.
    expect((await readBadge(page))?.expanded).toBe('false');
    expect((await hostBox(page))?.width).toBe(216);
    await page.close();
  });
});

describe('extension detection', () => {
  test('the page cannot fetch any fixed chrome-extension:// address of the extension', async () => {
    const page = await open(KEYLOGGER);
    await badge(page);
    const results = await page.evaluate(async (id) => {
      const paths = [
        'src/panel/index.html',
        'manifest.json',
        'icons/icon-48.png',
        'src/content/index.js',
        'src/popup/index.html',
      ];
      const out: Record<string, string> = {};
      for (const path of paths) {
        try {
          const res = await fetch(`chrome-extension://${id}/${path}`);
          out[path] = `status ${res.status}`;
        } catch (e) {
          out[path] = (e as Error).name;
        }
      }
      return out;
    }, ext.extensionId);
    expect(results).toEqual({
      'src/panel/index.html': 'TypeError',
      'manifest.json': 'TypeError',
      'icons/icon-48.png': 'TypeError',
      'src/content/index.js': 'TypeError',
      'src/popup/index.html': 'TypeError',
    });
    // Nor can it learn the session's dynamic address: the frame sits in a closed shadow root.
    const visible = await page.evaluate(() => document.documentElement.outerHTML);
    expect(visible).not.toContain('chrome-extension://');
    await page.close();
  });
});
