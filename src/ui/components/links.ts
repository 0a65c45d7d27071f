import browser from 'webextension-polyfill';

/** The options page at one person: `options.html#/person/<id>` (the options page's route). */
export function fullRecordUrl(personId: string): string {
  return `${browser.runtime.getURL('src/options/index.html')}#/person/${encodeURIComponent(personId)}`;
}
