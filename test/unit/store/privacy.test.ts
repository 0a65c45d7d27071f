// @vitest-environment node
// PRIVACY.md is the policy both stores link to. It must answer what the stores and the issue ask (what is stored
// and where, that nothing leaves the browser without sync and what sync sends where, the Chrome Web Store's Limited
// Use statement) and stay true as the extension grows: every site it can read, every data table, and the Firefox
// data-collection declaration the manifest really makes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { manifestFor } from '../../../manifest.config.ts';
import { SITES } from '../../../src/core/sites/index.ts';
import { TrustDb } from '../../../src/db/database.ts';
import { SYNC_HOST_PERMISSIONS } from '../../../src/sync/permissions.ts';

const ROOT = join(__dirname, '../../..');
const policy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');
/** The policy as one line of prose: line breaks are only wrapping. */
const prose = policy.replace(/\s+/g, ' ');
const headings = [...policy.matchAll(/^## (.+)$/gm)].map(([, heading]) => heading);
const section = (heading: string) => {
  const start = policy.indexOf(`## ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = policy.indexOf('\n## ', start + 1);
  return policy.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ');
};

test('it has the sections the stores ask for', () => {
  expect(headings).toEqual(
    expect.arrayContaining([
      'What is stored',
      'Where it is stored',
      'What leaves your browser',
      'If you set up sync',
      'Permissions',
      'Firefox data collection',
      'Chrome Web Store Limited Use',
    ]),
  );
});

test('it carries the Limited Use statement the Chrome Web Store asks for', () => {
  const limitedUse = section('Chrome Web Store Limited Use');
  expect(limitedUse).toMatch(
    /use of information complies with the \[Chrome Web Store User Data Policy\]\(https:\/\/developer\.chrome\.com\/[^)]+\), including the \[Limited Use\]\([^)]+\) requirements/,
  );
  for (const promise of ['not sold', 'advertising', 'creditworthiness', 'no human reads it']) {
    expect(limitedUse).toContain(promise);
  }
});

test('it says what leaves the browser: nothing without sync, and with sync only encrypted records to the user’s server', () => {
  expect(section('What leaves your browser')).toContain(
    'Without sync, nothing: Trust Notes makes no network requests',
  );
  const sync = section('If you set up sync');
  for (const fact of [
    'optional and off by default',
    'CouchDB server that you choose',
    'encrypted in your browser first (end to end)',
    'never stored or sent',
    "server account's password",
    'Stop syncing on this device',
  ]) {
    expect(sync).toContain(fact);
  }
});

test('it describes the sync this build has, not a plan: the manifest asks for the sync server’s address', () => {
  const optional = (manifestFor('chrome') as unknown as { optional_host_permissions: string[] })
    .optional_host_permissions;
  expect(optional).toEqual(expect.arrayContaining([...SYNC_HOST_PERMISSIONS]));
  expect(prose).not.toMatch(/no sync|is planned|will change/i);
});

test('it names every site whose pages the extension can read', () => {
  const en = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8'));
  const unnamed = SITES.map((site) => en[`options_site_${site}`].message as string).filter(
    (name) => !prose.includes(name),
  );
  expect(unnamed).toEqual([]);
});

/**
 * The row of "What is stored" that says what each table of the database holds. A table added to the schema fails
 * the test below until the policy has a row for it and this map names it.
 */
const ROW_OF_TABLE: Record<string, string> = {
  people: 'People:',
  profiles: 'Profiles:',
  sharedWork: 'Shared work:',
  notes: 'Notes',
  flags: 'Flags',
  meta: 'Settings:',
  queue: 'The weekly queue:',
  messages: 'Messages:',
  syncOutbox: "Sync's list of changes",
};

test('"What is stored" has a row for every table of the database', () => {
  // The tables the newest declared version has (Dexie knows them without opening the database).
  const tables = new TrustDb('privacy-policy-test').tables.map((table) => table.name);
  expect(tables).toContain('people');
  const rows = section('What is stored');
  const unlisted = tables.filter(
    (table) => !(table in ROW_OF_TABLE) || !rows.includes(`| ${ROW_OF_TABLE[table]}`),
  );
  expect(unlisted).toEqual([]);
});

test('its Firefox section states each part of the data collection the Firefox manifest declares', () => {
  const gecko = (
    manifestFor('firefox') as unknown as { browser_specific_settings: { gecko: Record<string, unknown> } }
  ).browser_specific_settings.gecko;
  const declared = Object.entries(gecko.data_collection_permissions as Record<string, string[]>);
  expect(declared.length).toBeGreaterThan(0);
  const firefox = section('Firefox data collection');
  for (const [kind, values] of declared) expect(firefox).toContain(`${kind}: ${JSON.stringify(values)}`);
});
