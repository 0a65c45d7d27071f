// A positive "settled" signal for tests that expect the content script to have done nothing: without it, such a
// test passes just as well when the script never ran. Used by the Chromium and the Firefox tests alike.
import { expect } from 'vitest';

/**
 * Whether the content script has run in the tab at `url` and has looked at what the page shows now. Evaluated
 * inside the extension (the worker, or an extension page), it asks the extension's isolated world in that tab,
 * through scripting.executeScript, for the flag src/content/index.ts sets there on start: the page can neither
 * set nor see it. With the document past `loading`, DOMContentLoaded has fired, so runContentScript has run and
 * its first look at the page (a microtask, src/content/navigation.ts) is over before this later task; so is
 * the script's reaction to any DOM change made in an earlier task.
 */
export const contentScriptEvaluated = async (url: string): Promise<boolean> => {
  const [tab] = await chrome.tabs.query({ url });
  if (tab?.id === undefined) return false;
  const [frame] = await chrome.scripting.executeScript({
    target: { tabId: tab.id },
    func: () =>
      (globalThis as { __trustNotesContent?: unknown }).__trustNotesContent === true &&
      document.readyState !== 'loading',
  });
  return frame?.result === true;
};

/**
 * Waits until the content script has evaluated the page at `url`, asking through `ask` (which
 * evaluates contentScriptEvaluated inside the extension); fails if the script never runs there.
 */
export async function contentScriptSettled(
  ask: (url: string) => Promise<boolean>,
  url: string,
): Promise<void> {
  await expect.poll(() => ask(url), { timeout: 10_000 }).toBe(true);
}
