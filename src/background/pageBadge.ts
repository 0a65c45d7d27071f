// The in-page badge's words, in the user's language: the content script only has the browser's language, and
// never touches the database (from a content script IndexedDB is the page's own).
import browser from 'webextension-polyfill';
import type { TrustDb } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import { profileBadgeFacts } from '../db/queries.ts';
import type { BadgeView } from '../messages/protocol.ts';
import { formatCount, plural, type Text, textFor } from './text.ts';

export function badgeView(text: Text, facts: { stage: string; openFlags: number } | null): BadgeView {
  const label = facts ? text.t(`stage_${facts.stage}`) : text.t('panel_badge_unrecorded');
  const openFlags = facts?.openFlags ?? 0;
  const spelled = openFlags > 0 ? `${label}, ${plural(text, 'panel_badge_flags', openFlags)}` : label;
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
  const [facts, settings] = await Promise.all([profileBadgeFacts(tdb, key), getSettings(tdb)]);
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
