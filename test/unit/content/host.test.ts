import { afterEach, describe, expect, test } from 'vitest';

import { HOST_ATTR, mountHost, REPAIR_ROUNDS } from '../../../src/content/host.ts';
import type { BadgeView } from '../../../src/messages/protocol.ts';
import { fakeLink } from './fakeLink.ts';

const link = fakeLink();

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
let controller: AbortController;

afterEach(() => {
  controller?.abort();
  for (const el of document.querySelectorAll(`[${HOST_ATTR}]`)) el.remove();
});

function mount() {
  controller = new AbortController();
  const mounted = mountHost(link, controller.signal);
  if (!mounted) throw new Error('not mounted');
  return mounted;
}

const VIEW: BadgeView = {
  mark: 'Trust Notes',
  label: 'Tested',
  flags: '2',
  name: 'Trust Notes: Tested, 2 open flags. Open the panel',
  lang: 'en',
  rtl: false,
};

describe('mountHost', () => {
  test('appends one host to <html> with nothing showing yet, and no panel frame until the panel is opened', () => {
    const mounted = mount();
    expect(mounted.host.parentElement).toBe(document.documentElement);
    expect(mounted.host.getAttribute('popover')).toBe('manual');
    // The page sees the host, not into it.
    expect(mounted.host.shadowRoot).toBeNull();
    expect(mounted.frame).toBeNull();
    expect(mounted.expanded).toBe(false);
    expect(document.querySelectorAll(`[${HOST_ATTR}]`)).toHaveLength(1);
  });

  test('an element the page planted with the host attribute does not stop it mounting', () => {
    const fake = document.createElement('div');
    fake.setAttribute(HOST_ATTR, '');
    document.body.append(fake);
    const mounted = mount();
    expect(mounted.host).not.toBe(fake);
    expect(mounted.host.isConnected).toBe(true);
    expect(document.querySelectorAll(`[${HOST_ATTR}]`)).toHaveLength(2);
  });

  test('opening loads the panel frame at its dynamic URL with a fresh secret, titled, sized and focused', () => {
    const mounted = mount();
    mounted.showBadge(VIEW);
    mounted.expand();
    const frame = mounted.frame!;
    expect(frame.src).toMatch(/^chrome-extension:\/\/dynamic-uuid\/src\/panel\/index\.html#[0-9a-f-]{36}$/);
    expect(frame.getAttribute('title')).toBe('msg:content_host_label');
    expect(frame.style.getPropertyValue('visibility')).toBe('visible');
    expect(mounted.expanded).toBe(true);
    // Collapsing hides the frame and keeps it, for the next opening.
    mounted.collapse();
    expect([frame.style.width, frame.style.height, frame.style.getPropertyValue('visibility')]).toEqual([
      '0px',
      '0px',
      'hidden',
    ]);
    mounted.expand();
    expect(mounted.frame).toBe(frame);
  });

  test('each mount gets its own secret', () => {
    const first = mount();
    first.expand();
    const src = first.frame!.src;
    controller.abort();
    const second = mount();
    second.expand();
    expect(second.frame!.src).not.toBe(src);
  });

  test('sits at the inline end of the user’s language, which the badge’s view tells it, and keeps that side', async () => {
    const { host, showBadge } = mount();
    expect(host.style.getPropertyValue('direction')).toBe('ltr');
    showBadge({ ...VIEW, rtl: true, lang: 'ar' });
    expect(host.style.getPropertyValue('direction')).toBe('rtl');
    host.style.setProperty('direction', 'ltr', 'important');
    await tick();
    expect(host.style.getPropertyValue('direction')).toBe('rtl');
  });

  test('puts its styles and attributes back when the page tampers with them', async () => {
    const { host } = mount();
    host.style.setProperty('display', 'none', 'important');
    host.setAttribute('hidden', '');
    host.setAttribute('inert', '');
    host.removeAttribute('popover');
    host.setAttribute('class', 'page-hides-me');
    await tick();
    expect(host.style.getPropertyValue('display')).toBe('block');
    expect(host.style.getPropertyPriority('display')).toBe('important');
    expect(host.hasAttribute('hidden')).toBe(false);
    expect(host.hasAttribute('inert')).toBe(false);
    expect(host.hasAttribute('class')).toBe(false);
    expect(host.getAttribute('popover')).toBe('manual');
  });

  test('comes back when the page removes it, but stops fighting after a while', async () => {
    const { host } = mount();
    for (let i = 0; i < 20; i++) {
      host.remove();
      await tick();
      expect(host.isConnected).toBe(true);
    }
    host.remove();
    await tick();
    expect(host.isConnected).toBe(false);
  });

  test('leaves nothing behind when its page is over', async () => {
    const { host } = mount();
    controller.abort();
    expect(host.isConnected).toBe(false);
    document.documentElement.append(document.createElement('span'));
    await tick();
    expect(host.isConnected).toBe(false);
  });

  test('stops repairing a page that answers every repair with another change, instead of looping with it', async () => {
    const { host } = mount();
    let pageRounds = 0;
    // The page's own observer hides the host whenever it changes: each side's fix is the other's trigger.
    const fighter = new MutationObserver(() => {
      if (host.style.getPropertyValue('display') === 'none') return;
      pageRounds++;
      // A safety net for this test only: without the breaker this would never end.
      if (pageRounds > 10 * REPAIR_ROUNDS) fighter.disconnect();
      host.style.setProperty('display', 'none', 'important');
    });
    fighter.observe(host, { attributes: true, attributeFilter: ['style'] });
    host.style.setProperty('display', 'none', 'important');
    for (let i = 0; i < 20; i++) await tick();
    fighter.disconnect();
    // Bounded: the loop ended with the page's last word, after about REPAIR_ROUNDS rounds.
    expect(pageRounds).toBeGreaterThan(REPAIR_ROUNDS / 2);
    expect(pageRounds).toBeLessThanOrEqual(REPAIR_ROUNDS + 2);
    expect(host.style.getPropertyValue('display')).toBe('none');
  });

  test('keeps repairing a page that hides the host again on every task, however long it keeps at it', async () => {
    const { host } = mount();
    // The hostile cover page's way: a timer that hides the host every few milliseconds. The tab gets its turn
    // between those rounds, so there is no loop to break, and the page must not win by keeping at it.
    for (let round = 0; round < 3 * REPAIR_ROUNDS; round++) {
      host.style.setProperty('display', 'none', 'important');
      host.setAttribute('inert', '');
      await tick();
      expect(host.style.getPropertyValue('display')).toBe('block');
      expect(host.hasAttribute('inert')).toBe(false);
    }
  });
});
