import { afterEach, describe, expect, test, vi } from 'vitest';
import { BADGE_SIZE, createBadge } from '../../../src/content/badge.ts';
import type { BadgeView } from '../../../src/messages/protocol.ts';

const VIEW: BadgeView = {
  mark: 'Trust Notes',
  label: 'Caution',
  flags: '1',
  name: 'Trust Notes: Caution, 1 open flag. Open the panel',
  lang: 'en',
  rtl: false,
};

afterEach(() => {
  document.body.replaceChildren();
});

// An open root here, so the test can look in; the content script passes its closed one.
function setUp() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const onOpen = vi.fn();
  return { root, onOpen, badge: createBadge(root, onOpen) };
}

describe('createBadge', () => {
  test('stays hidden until it has words, and hides again on request', () => {
    const { badge } = setUp();
    expect(badge.button.hidden).toBe(true);
    badge.update(VIEW, true);
    expect(badge.button.hidden).toBe(false);
    badge.update(VIEW, false);
    expect(badge.button.hidden).toBe(true);
    badge.update(null, true);
    expect(badge.button.hidden).toBe(true);
  });

  test('its words are generated content, never text nodes; its name says them all, flags spelled out', () => {
    const { root, badge } = setUp();
    badge.update(VIEW, true);
    // No text anywhere in the badge for a find() or a selection to hit.
    expect(badge.button.textContent).toBe('');
    const parts = [...badge.button.children].map((el) => (el as HTMLElement).dataset.text);
    expect(parts).toEqual(['Trust Notes', 'Caution', '1']);
    expect(badge.button.getAttribute('aria-label')).toBe(VIEW.name);
    expect([...badge.button.children].every((el) => el.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(badge.button.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('style')?.textContent).toContain('content: attr(data-text)');
  });

  test('has one size whatever it says', () => {
    const { root } = setUp();
    const css = root.querySelector('style')?.textContent ?? '';
    expect(css).toContain(`inline-size: ${BADGE_SIZE.width}px`);
    expect(css).toContain(`block-size: ${BADGE_SIZE.height}px`);
    expect(css).toMatch(/\.tn-label \{[^}]*overflow: hidden/);
  });

  test('takes the language and direction of the user’s setting', () => {
    const { badge } = setUp();
    badge.update({ ...VIEW, lang: 'ar', rtl: true, mark: 'ملاحظات الثقة', label: 'حذر' }, true);
    expect([badge.button.lang, badge.button.dir]).toEqual(['ar', 'rtl']);
  });

  test('a click opens the panel', () => {
    const { badge, onOpen } = setUp();
    badge.update(VIEW, true);
    badge.button.click();
    expect(onOpen).toHaveBeenCalledTimes(1);
  });
});
