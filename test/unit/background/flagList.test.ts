import { beforeEach, expect, test, vi } from 'vitest';
import { createFakeBrowser, EXTENSION_URL, type FakeBrowser } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));

const { openFlagList } = await import('../../../src/background/flagList.ts');

beforeEach(() => {
  fake.browser = createFakeBrowser();
});

test('opens the popup at its flag list, then gives the toolbar button its default popup back', async () => {
  expect(await openFlagList()).toBe('popup');
  expect(fake.browser.action.setPopup.mock.calls).toEqual([
    [{ popup: 'src/popup/index.html#/flags' }],
    [{ popup: 'src/popup/index.html' }],
  ]);
  expect(fake.browser.action.openPopup).toHaveBeenCalledOnce();
  expect(fake.browser.tabs.create).not.toHaveBeenCalled();
});

test('opens the popup page in a tab at the same route when the popup can not open', async () => {
  fake.browser.action.openPopup.mockRejectedValueOnce(new Error('Could not find an active browser window.'));
  expect(await openFlagList()).toBe('tab');
  expect(fake.browser.tabs.create).toHaveBeenCalledWith({
    url: `${EXTENSION_URL}src/popup/index.html#/flags`,
  });
  expect(fake.browser.action.setPopup).toHaveBeenLastCalledWith({ popup: 'src/popup/index.html' });
});
