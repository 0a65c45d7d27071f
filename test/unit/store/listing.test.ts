// @vitest-environment node
// The listing text of each language: the three forms the stores ask for, within their limits, and a short form
// that is the manifest's own description (so the store page and the installed extension say the same).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { manifestFor } from '../../../manifest.config.ts';
import { SYNC_HOST_PERMISSIONS } from '../../../src/sync/permissions.ts';

const ROOT = join(__dirname, '../../..');

/** The sections of a listing file: `## Heading` → its text. */
function sections(markdown: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of markdown.split(/^## /m).slice(1)) {
    const [heading = '', ...body] = part.split('\n');
    out[heading.trim()] = body.join('\n').trim();
  }
  return out;
}

test.each(['en', 'ar'])(
  'store/listing.%s.md has the short and long descriptions and the single purpose',
  (lang) => {
    const listing = sections(readFileSync(join(ROOT, `store/listing.${lang}.md`), 'utf8'));
    expect(Object.keys(listing)).toEqual(['Short description', 'Single purpose', 'Long description']);
    const messages = JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8'));
    const short = listing['Short description']!;
    expect(short).toBe(messages.ext_description.message);
    // The Chrome Web Store's limit for the manifest description (AMO's summary allows 250).
    expect(short.length).toBeLessThanOrEqual(132);
    // One sentence: one line, ending at its only full stop.
    const purpose = listing['Single purpose']!;
    expect(purpose).not.toContain('\n');
    expect(purpose.match(/[.!?؟]/g)).toEqual(['.']);
    expect(purpose.endsWith('.')).toBe(true);
    const long = listing['Long description']!;
    expect(long.length).toBeGreaterThan(short.length * 5);
    expect(long.length).toBeLessThanOrEqual(16_000);
  },
);

/** How each listing says that sync exists, is optional and is encrypted end to end. */
const SYNC_WORDS = {
  en: ['optional sync between your browsers', 'encrypted end to end', 'Sync is off until you set it up'],
  ar: ['مزامنة اختيارية', 'مشفّرة من طرف إلى طرف', 'المزامنة معطّلة حتى تُعدّها بنفسك'],
} as const;

test.each(['en', 'ar'] as const)(
  'store/listing.%s.md tells of the sync this build has: optional, off until set up, encrypted end to end',
  (lang) => {
    const optional = (manifestFor('chrome') as unknown as { optional_host_permissions: string[] })
      .optional_host_permissions;
    expect(optional).toEqual(expect.arrayContaining([...SYNC_HOST_PERMISSIONS]));
    const long = sections(readFileSync(join(ROOT, `store/listing.${lang}.md`), 'utf8'))['Long description']!;
    const missing = SYNC_WORDS[lang].filter((words) => !long.replace(/\s+/g, ' ').includes(words));
    expect(missing).toEqual([]);
  },
);
