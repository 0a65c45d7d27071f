// Interim LinkedIn profile detection for the content script skeleton; the sites/ registry replaces it.
const PROFILE_PATH = /^\/in\/([^/?#]+)\/?/;

export function detectLinkedInProfile(url: URL): { handle: string; key: string } | null {
  if (url.protocol !== 'https:' || !/(^|\.)linkedin\.com$/.test(url.hostname)) return null;
  const m = PROFILE_PATH.exec(url.pathname);
  if (!m?.[1]) return null;
  let handle = m[1];
  try {
    handle = decodeURIComponent(handle);
  } catch {
    // Keep the raw slug when it holds a malformed escape.
  }
  handle = handle.normalize('NFC').toLowerCase();
  return { handle, key: `linkedin:${handle}` };
}
