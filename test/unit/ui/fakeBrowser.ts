// A stand-in for webextension-polyfill in unit tests of UI code: i18n answers from the real English
// messages.json (with $1… substitutions), so tests assert on the words a user reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const messages = JSON.parse(
  readFileSync(join(__dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

export const fakeBrowser = {
  i18n: {
    getMessage(key: string, subs: string[] = []): string {
      const message = messages[key]?.message;
      return message === undefined
        ? ''
        : message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    },
    getUILanguage: () => 'en',
  },
  runtime: { getURL: (path: string) => `chrome-extension://test-id/${path}`, id: 'test-id' },
};
