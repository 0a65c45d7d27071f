// A stand-in for webextension-polyfill in unit tests of UI code: i18n answers from the real English
// messages.json, through the extension's own lookup (named placeholders, $1… substitutions), so tests assert on the
// words a user reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Catalog, messageIn } from '../../../src/core/messageFormat.ts';

const messages = JSON.parse(
  readFileSync(join(__dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
) as Catalog;

export const fakeBrowser = {
  i18n: {
    // As browser.i18n.getMessage: '' for a key the catalog lacks.
    getMessage: (key: string, subs: string[] = []): string => messageIn([messages], key, subs) ?? '',
    getUILanguage: () => 'en',
  },
  runtime: { getURL: (path: string) => `chrome-extension://test-id/${path}`, id: 'test-id' },
};
