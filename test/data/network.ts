// The one generator of large test data, for the unit tests, the e2e tests and the bench: a deterministic network
// of people with ids in random order (as UUIDs are), names in several scripts, their profiles, shared work in every
// flag-relevant shape, and stored flags in every state. The same seed always gives the same data, so an
// interrupted scan and an uninterrupted one can be run over identical copies.
import { makeProfileKey } from '../../src/core/identity.ts';
import type { Flag, Person, Profile, SharedWork, Site, WorkKind, WorkStatus } from '../../src/core/types.ts';
import type { TrustDb } from '../../src/db/database.ts';
import { derivePersonRow } from '../../src/db/personRow.ts';
import { mulberry32 } from './random.mjs';

/** The reference day of generated data: rules are evaluated as of this moment. */
export const DATA_NOW = Date.UTC(2024, 5, 15, 12);

export interface Network {
  people: Person[];
  /** Every person's LinkedIn profile, and one on another site for every seventh. */
  profiles: Profile[];
  works: SharedWork[];
  flags: Flag[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const KINDS: readonly WorkKind[] = ['smallTask', 'trial', 'volunteer', 'consultation', 'paidProject'];
const STATUSES: readonly WorkStatus[] = ['done', 'done', 'done', 'planned', 'inProgress', 'abandoned'];
const OTHER_SITES: readonly Site[] = ['github', 'x', 'gitlab'];
const FIRST = [
  'Fadi',
  'Layla',
  'Omar',
  'Zoé',
  'José',
  'Ängel',
  'Mariam',
  'Chen',
  'Aiko',
  'Noah',
  'Émile',
  'Sara',
  'يوسف',
  'فاطمة',
  'أحمد',
  'ليلى',
  'خالد',
  'نور',
  'Björn',
  'Ingrid',
  'Priya',
  'Kwame',
  'Ana',
  'Łukasz',
];
const LAST = [
  'Haddad',
  'Nasser',
  'Müller',
  'García',
  'Okafor',
  'Tanaka',
  'Smith',
  'Dubois',
  'Kowalski',
  'Rossi',
  'الأسمر',
  'الحداد',
  'منصور',
  'العلي',
  'Öztürk',
  'Nguyễn',
  'Silva',
  'Johansson',
  'Patel',
  'Mensah',
];

/**
 * `people` people and exactly `works` shared-work records spread over them (about 40% have none), plus
 * stored flags left by an earlier scan for about a fifth of the people, in every state.
 */
export function generateNetwork(people: number, works: number, seed = 1): Network {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Names, positions and profile sites come from a stream of their own, so the rest (ids, dates, work, flags) stays
  // what it was before they were added.
  const looks = mulberry32(seed ^ 0x5bd1e995);
  const pickLook = <T>(items: readonly T[]): T => items[Math.floor(looks() * items.length)]!;
  const date = (from: number, to: number) =>
    `${from + Math.floor(random() * (to - from + 1))}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');

  const result: Network = { people: [], profiles: [], works: [], flags: [] };
  for (let i = 0; i < people; i++) {
    const person: Person = {
      id: `${hex(8)}-${hex(4)}-4${hex(3)}-${hex(4)}-${hex(12)}`,
      name: `${pickLook(FIRST)} ${pickLook(LAST)} ${i}`,
      headline: random() < 0.5 ? `Engineer at Company ${i % 97}` : undefined,
      company: `Company ${i % 997}`,
      position: pickLook(['Designer', 'Engineer', 'Founder', 'Consultant', 'Recruiter']),
      connectedOn: random() < 0.9 ? date(2008, 2024) : undefined,
      tags: i % 10 === 0 ? ['design'] : i % 15 === 0 ? ['client'] : [],
      userEdited: [],
      fromImport: true,
      createdAt: DATA_NOW - 1000,
      updatedAt: DATA_NOW - 1000,
    };
    if (person.headline === undefined) delete person.headline;
    if (person.connectedOn === undefined) delete person.connectedOn;
    result.people.push(person);
    const handle = `seed-person-${i}`;
    const url = `https://www.linkedin.com/in/${handle}/`;
    result.profiles.push({
      key: makeProfileKey('linkedin', handle),
      personId: person.id,
      site: 'linkedin',
      handle,
      url,
    });
    if (i % 7 === 0) {
      const site = pickLook(OTHER_SITES);
      const at = `https://${site}.com/${handle}`;
      result.profiles.push({ key: makeProfileKey(site, handle), personId: person.id, site, handle, url: at });
    }
  }
  // Works go to the first 60% of people (in generation order, so random in id order).
  const withWork = Math.max(1, Math.ceil(people * 0.6));
  for (let i = 0; i < works && people > 0; i++) {
    const personId = result.people[Math.floor(random() * withWork)]!.id;
    const kind = pick(KINDS);
    const status = pick(STATUSES);
    const startDate = date(2012, 2025);
    const work: SharedWork = {
      id: `w-${hex(12)}`,
      personId,
      kind,
      direction: pick(['theyDelivered', 'iDelivered', 'together'] as const),
      status,
      title: `Work ${i}`,
      startDate,
      createdAt: DATA_NOW - 1000,
      updatedAt: DATA_NOW - 1000,
    };
    if (status === 'done') {
      work.endDate = startDate;
      work.outcome = {
        quality: pick([2, 3, 4, 5, 5] as const),
        reliability: pick(['onTime', 'onTime', 'late'] as const),
        wouldWorkAgain: pick(['yes', 'yes', 'unsure'] as const),
      };
      if (kind === 'paidProject')
        work.outcome.payment = { status: pick(['pending', 'onTime', 'late'] as const) };
    }
    result.works.push(work);
  }
  // Flags left by an earlier scan: some still apply, some no longer do, some the user snoozed or dismissed.
  for (const person of result.people) {
    if (random() >= 0.2) continue;
    const kind = pick(['vouchWithoutWork', 'stalled'] as const);
    const state = pick(['open', 'open', 'snoozed', 'dismissed', 'closed'] as const);
    const flag: Flag = {
      id: `${person.id}:${kind}`,
      personId: person.id,
      kind,
      state,
      raisedAt: DATA_NOW - 86_400_000 * 30,
      updatedAt: DATA_NOW - 86_400_000 * 30,
    };
    // Half of the snoozes are over (the flag wakes up), half run for years (the user's choice stands).
    if (state === 'snoozed') flag.snoozedUntil = DATA_NOW + (random() < 0.5 ? -1 : 3650) * 86_400_000;
    result.flags.push(flag);
  }
  return result;
}

/**
 * Stores a network through the database's own row derivation, in bulk, as an import would. Rows are
 * derived as of `derivedAt`: DATA_NOW for reproducible rows, or the real time, as an import does.
 */
export async function seedNetwork(
  tdb: TrustDb,
  network: Network,
  derivedAt: number = DATA_NOW,
  chunk = 5000,
): Promise<void> {
  const worksOf = new Map<string, SharedWork[]>();
  for (const work of network.works) {
    const list = worksOf.get(work.personId);
    if (list) list.push(work);
    else worksOf.set(work.personId, [work]);
  }
  const now = new Date(derivedAt);
  for (let i = 0; i < network.people.length; i += chunk) {
    const rows = network.people
      .slice(i, i + chunk)
      .map((person) => derivePersonRow(person, worksOf.get(person.id) ?? [], now));
    await tdb.people.bulkPut(rows);
  }
  for (let i = 0; i < network.works.length; i += chunk) {
    await tdb.sharedWork.bulkPut(network.works.slice(i, i + chunk));
  }
  await tdb.profiles.bulkPut(network.profiles);
  await tdb.flags.bulkPut(network.flags);
}
