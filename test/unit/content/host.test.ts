import { afterEach, describe, expect, test } from 'vitest';

// The content script's runtime is the browser's own (no polyfill): a minimal stand-in before the import.
(globalThis as unknown as { chrome: unknown }).chrome = {
  runtime: {
    id: 'test-id',
    getURL: (path: string) => `chrome-extension://dynamic-uuid/${path}`,
    onMessage: { addListener() {}, removeListener() {} },
  },
  i18n: { getMessage: (key: string) => (key === 'app_dir' ? 'ltr' : `msg:${key}`) },
};

const { HOST_ATTR, mountHost } = await import('../../../src/content/host');

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
let controller: AbortController;

afterEach(() => {
  controller?.abort();
  for (const el of document.querySelectorAll(`[${HOST_ATTR}]`)) el.remove();
});

function mount() {
  controller = new AbortController();
  const mounted = mountHost(controller.signal);
  if (!mounted) throw new Error('not mounted');
  return mounted;
}

describe('mountHost', () => {
  test('appends one host to <html> holding the panel frame at its dynamic URL, titled for assistive technology', () => {
    const { host, frame } = mount();
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.getAttribute('popover')).toBe('manual');
    // The fragment is a fresh secret the panel checks notices against.
    expect(frame.src).toMatch(/^chrome-extension:\/\/dynamic-uuid\/src\/panel\/index\.html#[0-9a-f-]{36}$/);
    expect(frame.getAttribute('title')).toBe('msg:content_host_label');
    // The page sees the host, not into it.
    expect(host.shadowRoot).toBeNull();
    expect(mountHost(new AbortController().signal)).toBeNull();
    expect(document.querySelectorAll(`[${HOST_ATTR}]`)).toHaveLength(1);
  });

  test('each mount gets its own secret', () => {
    const first = mount().frame.src;
    controller.abort();
    expect(mount().frame.src).not.toBe(first);
  });

  test('starts with a zero-size frame, then takes the sizes the panel asks for, within bounds', () => {
    const { frame, setLayout } = mount();
    expect([frame.style.width, frame.style.height]).toEqual(['0px', '0px']);
    setLayout({ mode: 'badge', width: 150.2, height: 30, rtl: false });
    expect([frame.style.width, frame.style.height]).toEqual(['151px', '30px']);
    setLayout({ mode: 'badge', width: 5000, height: 1, rtl: false });
    expect([frame.style.width, frame.style.height]).toEqual(['360px', '24px']);
    // (The expanded size is a CSS min() that happy-dom does not parse; the e2e suite checks it in Chromium.)
    setLayout({ mode: 'hidden' });
    expect([frame.style.width, frame.style.height]).toEqual(['0px', '0px']);
  });

  test('sits at the inline end of the panel’s language, which the panel tells it, and keeps that side', async () => {
    const { host, setLayout } = mount();
    expect(host.style.getPropertyValue('direction')).toBe('ltr');
    setLayout({ mode: 'badge', width: 100, height: 30, rtl: true });
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
});
