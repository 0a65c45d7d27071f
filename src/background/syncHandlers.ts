// The Sync section's messages. Extension pages only (ALLOWED_SENDERS): a content script beside a hostile page has no
// business near the server account or the passphrase.
import { ProtocolError, type SyncAccount, type SyncReply } from '../messages/protocol.ts';
import type { Handlers } from '../messages/router.ts';
import { noPayload, optionalString, record, requiredString } from '../messages/validate.ts';
import { syncErrorOf } from '../sync/errors.ts';
import { connect, probe, resolve, stop } from '../sync/service.ts';
import { syncView } from '../sync/view.ts';
import { pageOpened, scheduleSyncAlarm, syncAndFollow, syncSoon } from './syncJobs.ts';

type SyncMessage =
  | 'page:syncProbe'
  | 'page:syncConnect'
  | 'page:syncStatus'
  | 'page:syncNow'
  | 'page:syncStop'
  | 'page:syncResolve';

function account(payload: unknown): SyncAccount {
  const o = record(payload, 'payload');
  return {
    address: requiredString(o.address, 'address', 2048),
    user: requiredString(o.user, 'user', 256),
    password: requiredString(o.password, 'password', 1024),
  };
}

/** A SyncError becomes the reply's code (the page says what to do); anything else is the router's failure. */
async function replying<T extends object>(work: () => Promise<T>): Promise<SyncReply<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    const { code } = syncErrorOf(error);
    if (code === 'failed') throw error;
    return { ok: false, code };
  }
}

export const syncHandlers: Pick<Handlers, SyncMessage> = {
  'page:syncProbe': {
    parse: account,
    handle: (req) => replying(() => probe(req)),
  },
  'page:syncConnect': {
    parse: (payload) => ({
      ...account(payload),
      passphrase: requiredString(record(payload, 'payload').passphrase, 'passphrase', 1024),
      repeat: optionalString(record(payload, 'payload').repeat, 'repeat', 1024),
    }),
    handle: (req) =>
      replying(async () => {
        const view = await connect(req, req.passphrase, req.repeat);
        await scheduleSyncAlarm();
        syncSoon(0);
        return { view };
      }),
  },
  'page:syncStatus': {
    parse: (payload) => {
      const opened = record(payload, 'payload').opened;
      if (opened !== undefined && typeof opened !== 'boolean') {
        throw new ProtocolError('malformed', 'opened must be a boolean.');
      }
      return { opened };
    },
    handle: async ({ opened }) => {
      if (opened) await pageOpened();
      return syncView();
    },
  },
  'page:syncNow': {
    parse: noPayload,
    handle: async () => {
      await syncAndFollow();
      return syncView();
    },
  },
  'page:syncStop': {
    parse: noPayload,
    handle: async () => {
      await stop();
      await scheduleSyncAlarm();
      return syncView();
    },
  },
  'page:syncResolve': {
    parse: (payload) => {
      const o = record(payload, 'payload');
      return {
        docId: requiredString(o.docId, 'docId', 256),
        keepRev: requiredString(o.keepRev, 'keepRev', 256),
      };
    },
    handle: ({ docId, keepRev }) =>
      replying(async () => {
        await resolve(docId, keepRev);
        syncSoon(0);
        return { resolved: true as const };
      }),
  },
};
