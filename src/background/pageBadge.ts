// The in-page badge's words, in the user's language: the content script only has the browser's language, and
// never touches the database (from a content script IndexedDB is the page's own).
import browser from 'webextension-polyfill';
import type { Stage } from '../core/trust.ts';
import type { Settings } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import { profileBadgeFacts } from '../db/queries.ts';
import type { BadgeView } from '../messages/protocol.ts';
import { STAGE_KEYS } from '../ui/i18n/keys.ts';
import { formatCount, plural, type Text, textFor } from '../ui/i18n/text.ts';

/** `unreadable`: the worker could not read the ledger, so the badge says that rather than any stage. */
export function badgeView(
  text: Text,
  facts: { stage: Stage; openFlags: number } | null | 'unreadable',
): BadgeView {
  if (facts === 'unreadable') {
    const label = text.t('panel_badge_unreadable');
    return {
      mark: text.t('ext_short_name'),
      label,
      flags: '',
      name: text.t('panel_badge_label', label),
      lang: text.lang,
      rtl: text.t('app_dir') === 'rtl',
    };
  }
  const label = facts ? text.t(STAGE_KEYS[facts.stage]) : text.t('panel_badge_unrecorded');
  const openFlags = facts?.openFlags ?? 0;
  const spelled =
    openFlags > 0
      ? `${label}, ${plural(text, { one: 'panel_badge_flags_one', other: 'panel_badge_flags_other' }, openFlags)}`
      : label;
  return {
    mark: text.t('ext_short_name'),
    label,
    flags: openFlags > 0 ? formatCount(text, openFlags) : '',
    name: text.t('panel_badge_label', spelled),
    lang: text.lang,
    rtl: text.t('app_dir') === 'rtl',
  };
}

export async function pageBadge(tdb: TrustDb, key: string): Promise<BadgeView> {
  let read: [Awaited<ReturnType<typeof profileBadgeFacts>>, Settings];
  try {
    read = await Promise.all([profileBadgeFacts(tdb, key), getSettings(tdb)]);
  } catch (error) {
    // Failing the request would leave the content script showing its last answer (a stage it can no
    // longer vouch for) or nothing at all; the badge says instead that the notes could not be read.
    console.error('Trust Notes: the badge could not read the database', error);
    return badgeView(await textFor('auto'), 'unreadable');
  }
  const [facts, settings] = read;
  return badgeView(await textFor(settings.language), facts);
}

/**
 * Tells every tab showing a profile that the ledger changed, so its badge asks again. The tabs are the ones the
 * worker remembers (storage.session), not every tab: a page with no profile has no badge to refresh.
 */
export async function markBadgesStale(tabIds: readonly number[]): Promise<void> {
  await Promise.all(
    tabIds.map((tabId) =>
      browser.tabs
        .sendMessage(tabId, { type: 'worker:badgeStale', payload: {} }, { frameId: 0 })
        .catch(() => undefined),
    ),
  );
}
