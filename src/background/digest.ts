// The optional weekly digest notification: this week's queue (each person with the reason and the first step),
// then the flags that need attention. `notifications` is an optional permission: the options page asks for it
// when the user turns the digest on; here the setting is honoured only while the permission is held.
import browser from 'webextension-polyfill';
import { FLAG_KINDS } from '../core/flags.ts';
import { reasonsLine } from '../core/reasonWords.ts';
import type { FlagKind, Millis, Settings } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { getMeta, getSettings, setMeta } from '../db/meta.ts';
import { type QueueItem, queuedPeople } from '../db/queries.ts';
import type { MessageKey } from '../ui/i18n/catalog.ts';
import { STEP_KEYS } from '../ui/i18n/keys.ts';
import { formatCount, plural, type Text, textFor, wordFormat } from '../ui/i18n/text.ts';

export const DIGEST_NOTIFICATION = 'trust-notes:digest';

/**
 * Once a week, on the chosen weekday or the first moment after it (the browser may be closed that day):
 * due when no digest went out since the latest local midnight starting that weekday.
 */
export function digestDue(now: Date, lastDigestAt: Millis | undefined, weekday: number): boolean {
  const slot = new Date(now);
  slot.setHours(0, 0, 0, 0);
  slot.setDate(slot.getDate() - ((slot.getDay() - weekday + 7) % 7));
  return lastDigestAt === undefined || lastDigestAt < slot.getTime();
}

export type FlagCounts = Record<FlagKind, number>;

/**
 * The flags the digest names by their number alone, in the order it lists them (stalled, which also says its years,
 * comes before them).
 */
const COUNTED_FLAGS = [
  ['paymentOverdue', { one: 'digest_paymentOverdue_one', other: 'digest_paymentOverdue_other' }],
  ['followUpDue', { one: 'digest_followUpDue_one', other: 'digest_followUpDue_other' }],
  ['vouchWithoutWork', { one: 'digest_vouchWithoutWork_one', other: 'digest_vouchWithoutWork_other' }],
] as const satisfies readonly (readonly [FlagKind, { one: MessageKey; other: MessageKey }])[];

/**
 * The queue first (the essay's main advice: a few people, each with why and the first step), then the flags, or
 * null when there is nothing to say.
 */
export function digestText(
  queue: readonly { name: string; entry: QueueItem['entry'] }[],
  counts: FlagCounts,
  settings: Settings,
  text: Text,
): { title: string; message: string } | null {
  const words = wordFormat(text);
  const lines: string[] = [];
  if (queue.length > 0)
    lines.push(plural(text, { one: 'digest_queue_one', other: 'digest_queue_other' }, queue.length));
  for (const { name, entry } of queue) {
    lines.push(
      text.t('digest_queue_person', name, reasonsLine(entry.reasons, words), text.t(STEP_KEYS[entry.step])),
    );
  }
  if (counts.stalled > 0) {
    lines.push(
      plural(
        text,
        { one: 'digest_stalled_one', other: 'digest_stalled_other' },
        counts.stalled,
        formatCount(text, settings.stalledYears),
      ),
    );
  }
  for (const [kind, forms] of COUNTED_FLAGS) {
    if (counts[kind] > 0) lines.push(plural(text, forms, counts[kind]));
  }
  return lines.length === 0 ? null : { title: text.t('digest_title'), message: lines.join('\n') };
}

async function openFlagCounts(tdb: TrustDb): Promise<FlagCounts> {
  const counts = await Promise.all(
    FLAG_KINDS.map((kind) => tdb.flags.where('[state+kind]').equals(['open', kind]).count()),
  );
  return Object.fromEntries(FLAG_KINDS.map((kind, i) => [kind, counts[i]!])) as FlagCounts;
}

export function hasNotificationPermission(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['notifications'] });
}

/**
 * Sends this week's digest if the user turned it on, the permission is held and it is due. A week with nothing
 * queued and no open flags counts as sent, with nothing to say. Returns whether a notification went out.
 */
export async function sendDigestIfDue(tdb: TrustDb, now: Millis = Date.now()): Promise<boolean> {
  const settings = await getSettings(tdb);
  if (!settings.digestEnabled || !(await hasNotificationPermission())) return false;
  if (!digestDue(new Date(now), await getMeta(tdb, 'lastDigestAt'), settings.digestWeekday)) return false;
  const [queue, counts, text] = await Promise.all([
    queuedPeople(tdb),
    openFlagCounts(tdb),
    textFor(settings.language),
  ]);
  const people = queue.map(({ entry, person }) => ({ name: person.name, entry }));
  const content = digestText(people, counts, settings, text);
  await setMeta(tdb, 'lastDigestAt', now);
  if (!content) return false;
  await browser.notifications.create(DIGEST_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: content.title,
    message: content.message,
  });
  return true;
}
