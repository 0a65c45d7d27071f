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
import { pageBadge } from './pageBadge.ts';
import { relayPanelLayout } from './panelCommands.ts';
import { keyMatchesPage, snapshotMatchesPage } from './profilePages.ts';
import { rememberTabProfile, tabProfile } from './tabProfiles.ts';
import { workerHandlers } from './workerHandlers.ts';

const STRATEGY_ID = /^[a-zA-Z]{1,32}$/;

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
      // A linked person's name, headline and photo follow their page; an unknown profile creates no one.
      if (snapshot) await recordSeenProfile(db(), snapshot);
      // A field the page would not give goes on the options page's list (adapter health).
      if (snapshot) await noteReading(snapshot);
      return { recorded: true };
    },
  },
  'content:badge': {
    parse: (payload) => ({ key: requiredString(record(payload, 'payload').key, 'key', 512) }),
    handle: async ({ key }, { sender }) => {
      // Only about the profile the sender's tab shows: a content script beside a hostile page must not be a
      // way to look up anyone else's stage.
      if (!keyMatchesPage(key, sender.tab?.url ?? '')) {
        throw new ProtocolError('forbidden', 'Not the profile the tab shows.');
      }
      return pageBadge(db(), key);
    },
  },
  'page:tabProfile': {
    parse: (payload) => ({ tabId: optionalInteger(record(payload, 'payload').tabId, 'tabId') }),
    handle: async ({ tabId }, { sender }) => {
      // The panel frame lives in the tab; the popup names the active tab it asks about.
      const id = tabId ?? sender.tab?.id;
      return { snapshot: id === undefined ? null : await tabProfile(id) };
    },
  },
  'page:panelLayout': {
    parse: (payload) => {
      const layout = parsePanelLayout(payload);
      if (!layout) throw new ProtocolError('malformed', 'Not a panel layout.');
      return layout;
    },
    handle: async (layout, { sender }) => {
      // Only a panel frame inside a tab has one; the notice goes to that tab's top frame and nowhere else.
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new ProtocolError('forbidden', 'Not a frame in a tab.');
      await relayPanelLayout(tabId, layout);
      return { relayed: true };
    },
  },
};
