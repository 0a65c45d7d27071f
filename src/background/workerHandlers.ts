// Message handlers for the flag scan. All of them are for extension pages only (ALLOWED_SENDERS): a content
// script, next to a hostile page, has no business starting scans or touching flags.
import { db } from '../db/database.ts';
import type { Handlers } from '../messages/router.ts';
import { noPayload, record, requiredString } from '../messages/validate.ts';
import { scheduleScanAlarm } from './alarms.ts';
import { refreshBadgeSoon } from './badge.ts';
import { inBackground, rescanPerson, scanEveryone } from './scanJobs.ts';
import { syncSoon } from './syncJobs.ts';

type WorkerMessage = 'page:scanNow' | 'page:personChanged' | 'page:flagsChanged' | 'page:settingsChanged';

export const workerHandlers: Pick<Handlers, WorkerMessage> = {
  'page:scanNow': {
    parse: noPayload,
    handle: async () => {
      // After an import or a restore: what changed goes out too.
      syncSoon();
      return { badge: await scanEveryone('fresh') };
    },
  },
  'page:personChanged': {
    parse: (payload) => ({ personId: requiredString(record(payload, 'payload').personId, 'personId', 128) }),
    handle: async ({ personId }) => {
      syncSoon();
      return { changed: await rescanPerson(personId) };
    },
  },
  'page:flagsChanged': {
    parse: noPayload,
    handle: async () => {
      // A snooze or dismissal of a flag, or a decision about someone in the weekly queue: the other devices get it.
      syncSoon();
      return { badge: await refreshBadgeSoon(db()) };
    },
  },
  'page:settingsChanged': {
    parse: noPayload,
    handle: async () => {
      const alarm = await scheduleScanAlarm(db());
      // Thresholds may have moved; the reply need not wait for the whole scan.
      inBackground(scanEveryone('fresh'), 'scan after a settings change');
      return { scanPeriodMinutes: alarm.periodInMinutes };
    },
  },
};
