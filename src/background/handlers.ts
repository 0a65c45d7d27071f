import browser from 'webextension-polyfill';
import { SITES } from '../core/sites/index.ts';
import {
  PAGE_FIELDS,
  type PageField,
  type ProfileSnapshot,
  type Site,
  type SnapshotReading,
} from '../core/types.ts';
import { db } from '../db/database.ts';
import { recordSeenProfile } from '../db/mutations.ts';
import { parsePanelLayout } from '../messages/panelLayout.ts';
import { ProtocolError } from '../messages/protocol.ts';
import type { Handlers } from '../messages/router.ts';
import { optionalInteger, optionalString, record, requiredString } from '../messages/validate.ts';
import { noteReading } from './adapterHealth.ts';
import { mayAsk } from './askLimit.ts';
import { pageBadge } from './pageBadge.ts';
import { relayPanelLayout } from './panelCommands.ts';
import { keyMatchesPage, pageSpeaksFor, snapshotMatchesPage } from './profilePages.ts';
import { panelFrameNonce, registerPanelFrame, rememberTabProfile, tabProfile } from './tabProfiles.ts';
import { workerHandlers } from './workerHandlers.ts';

const STRATEGY_ID = /^[a-zA-Z]{1,32}$/;
/** A panel frame's nonce: crypto.randomUUID() in the content script. */
const NONCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseNonce(value: unknown): string {
  const nonce = requiredString(value, 'nonce', 64);
  if (!NONCE.test(nonce)) throw new ProtocolError('malformed', 'nonce is not a panel frame nonce.');
  return nonce;
}

/** How the page was read: known fields only, short strategy ids, each missing field once. */
function parseReading(value: unknown): SnapshotReading | undefined {
  if (value === undefined) return undefined;
  const o = record(value, 'snapshot.reading');
  const sources = record(o.sources, 'snapshot.reading.sources');
  const reading: SnapshotReading = { sources: {}, missing: [] };
  for (const [field, id] of Object.entries(sources)) {
    if (!PAGE_FIELDS.includes(field as PageField) || typeof id !== 'string' || !STRATEGY_ID.test(id)) {
      throw new ProtocolError('malformed', 'snapshot.reading.sources names an unknown field or strategy.');
    }
    reading.sources[field as PageField] = id;
  }
  const missing = o.missing;
  if (
    !Array.isArray(missing) ||
    missing.some((field) => !PAGE_FIELDS.includes(field)) ||
    new Set(missing).size !== missing.length
  ) {
    throw new ProtocolError('malformed', 'snapshot.reading.missing must list page fields, once each.');
  }
  reading.missing = missing as PageField[];
  return reading;
}

function parseSnapshot(value: unknown): ProfileSnapshot | null {
  if (value === null) return null;
  const o = record(value, 'snapshot');
  const site = requiredString(o.site, 'snapshot.site', 32) as Site;
  if (!SITES.includes(site)) throw new ProtocolError('malformed', 'snapshot.site is not a supported site.');
  return {
    site,
    key: requiredString(o.key, 'snapshot.key', 512),
    handle: requiredString(o.handle, 'snapshot.handle', 512),
    url: requiredString(o.url, 'snapshot.url', 2048),
    name: optionalString(o.name, 'snapshot.name', 512),
    headline: optionalString(o.headline, 'snapshot.headline', 1024),
    location: optionalString(o.location, 'snapshot.location', 512),
    photoUrl: optionalString(o.photoUrl, 'snapshot.photoUrl', 2048),
    reading: parseReading(o.reading),
  };
}

export const handlers: Handlers = {
  ...workerHandlers,
  'any:ping': {
    parse: () => ({}),
    handle: () => ({ pong: true, version: browser.runtime.getManifest().version }),
  },
  'content:profileSeen': {
    parse: (payload) => ({ snapshot: parseSnapshot(record(payload, 'payload').snapshot) }),
    handle: async ({ snapshot }, { sender }) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new ProtocolError('forbidden', 'No tab.');
      // The snapshot must describe the page that sent it, not some other profile. sender.url keeps the
      // document's first URL after pushState navigations, while the tab's URL follows them.
      if (snapshot && !snapshotMatchesPage(snapshot, sender.tab?.url ?? '')) {
        throw new ProtocolError('forbidden', 'Snapshot is not the profile the tab shows.');
      }
      await rememberTabProfile(tabId, snapshot);
      // Past the tab's limit of profiles a minute the visit is remembered for the panel, and nothing more.
      if (!snapshot || !(await mayAsk(tabId, snapshot.key))) return { recorded: false };
      // Only the profile's own site (Mastodon: the handle's own instance) is heard, and even then what it says
      // that differs from the record waits for the user; an unknown profile creates no one.
      const ownSite = pageSpeaksFor(snapshot.key, sender.tab?.url ?? '');
      await recordSeenProfile(db(), snapshot, { ownSite });
      // A field the page would not give goes on the options page's list (adapter health).
      await noteReading(snapshot);
      return { recorded: true };
    },
  },
  'content:badge': {
    parse: (payload) => ({ key: requiredString(record(payload, 'payload').key, 'key', 512) }),
    handle: async ({ key }, { sender }) => {
      // Only about the profile the sender's tab shows: a content script beside a hostile page must not be a
      // way to look up anyone else's stage.
      const tabId = sender.tab?.id;
      if (tabId === undefined || !keyMatchesPage(key, sender.tab?.url ?? '')) {
        throw new ProtocolError('forbidden', 'Not the profile the tab shows.');
      }
      // A page naming profile after profile (pushState) to time the answers gets no more than a few a minute.
      if (!(await mayAsk(tabId, key))) {
        throw new ProtocolError(
          'forbidden',
          'Too many profiles asked about in this tab; ask again in a minute.',
        );
      }
      return pageBadge(db(), key);
    },
  },
  'content:panelFrame': {
    parse: (payload) => ({ nonce: parseNonce(record(payload, 'payload').nonce) }),
    handle: async ({ nonce }, { sender }) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new ProtocolError('forbidden', 'No tab.');
      await registerPanelFrame(tabId, nonce);
      return { registered: true as const };
    },
  },
  'page:tabProfile': {
    parse: (payload) => {
      const o = record(payload, 'payload');
      return {
        tabId: optionalInteger(o.tabId, 'tabId'),
        nonce: o.nonce === undefined ? undefined : parseNonce(o.nonce),
      };
    },
    handle: async ({ tabId, nonce }, { sender }) => {
      const ownTab = sender.tab?.id;
      const inPage = ownTab !== undefined && sender.frameId !== 0;
      // The popup (or another page of ours at the top of a tab) names the tab it asks about.
      if (tabId !== undefined && !inPage) return { snapshot: await tabProfile(tabId) };
      if (ownTab === undefined) return { snapshot: null };
      // Its own tab: the panel frame our content script made, with the nonce that script registered. In Firefox
      // the panel page is at a fixed address (the install's UUID; it ignores use_dynamic_url), so a page that
      // learnt it could frame the panel itself, or open it: that page has no nonce. A frame never names a tab.
      const registered = await panelFrameNonce(ownTab);
      if (nonce === undefined || nonce !== registered) {
        throw new ProtocolError('forbidden', 'Not the panel frame of this tab.');
      }
      return { snapshot: await tabProfile(ownTab) };
    },
  },
  'page:panelLayout': {
    parse: (payload) => {
      const layout = parsePanelLayout(payload);
      if (!layout) throw new ProtocolError('malformed', 'Not a panel layout.');
      return { ...layout, nonce: parseNonce(record(payload, 'payload').nonce) };
    },
    handle: async ({ nonce, ...layout }, { sender }) => {
      // Only the panel frame our content script made in a tab (its nonce); the notice goes to that tab's top
      // frame and nowhere else.
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new ProtocolError('forbidden', 'Not a frame in a tab.');
      if (nonce !== (await panelFrameNonce(tabId))) {
        throw new ProtocolError('forbidden', 'Not the panel frame of this tab.');
      }
      await relayPanelLayout(tabId, layout);
      return { relayed: true };
    },
  },
};
