// Large, deterministic data for the e2e tests and the bench, written from an extension page into the real
// database: person rows derived exactly as mutations derive them, flags exactly as the rules raise them.
// It is bundled into one script (seedBundle.mjs) and evaluated in an extension page, so it runs against
// Chromium's IndexedDB, not fake-indexeddb. Typing 30,000 people through the UI would test nothing more.
import { flagCandidates, reconcileFlags } from '../../src/core/flags';
import { makeProfileKey } from '../../src/core/identity';
import {
  DEFAULT_SETTINGS,
  DIRECTIONS,
  type Flag,
  type Person,
  type Profile,
  type QueueEntry,
  type Settings,
  type SharedWork,
  type Site,
  WORK_KINDS,
  type WorkStatus,
} from '../../src/core/types';
import { db } from '../../src/db/database';
import { getSettings } from '../../src/db/meta';
import { derivePersonRow } from '../../src/db/personRow';

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
const STATUSES: WorkStatus[] = ['done', 'done', 'done', 'done', 'planned', 'inProgress', 'abandoned'];
const OTHER_SITES: Site[] = ['github', 'x', 'gitlab'];

/** mulberry32: a tiny seeded PRNG, so every run seeds the same network. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface SeedSpec {
  people: number;
  works: number;
  seed?: number;
}

export interface SeedInput {
  people: Person[];
  profiles: Profile[];
  works: SharedWork[];
  /** Weekly queue entries, as the worker and the user's decisions leave them (the network view's history). */
  queue?: QueueEntry[];
}

/** A network of `people` with `works` shared works spread unevenly over them (many have none). */
export function generateNetwork({ people: count, works: workCount, seed = 7 }: SeedSpec): SeedInput {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const time = Date.UTC(2025, 0, 1);
  const people: Person[] = [];
  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const id = `seed-${i}`;
    const year = 2008 + Math.floor(rand() * 17);
    const person: Person = {
      id,
      name: `${pick(FIRST)} ${pick(LAST)} ${i}`,
      company: `Company ${i % 997}`,
      position: pick(['Designer', 'Engineer', 'Founder', 'Consultant', 'Recruiter']),
      connectedOn: `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`,
      tags: i % 10 === 0 ? ['design'] : i % 15 === 0 ? ['client'] : [],
      userEdited: [],
      createdAt: time,
      updatedAt: time,
    };
    people.push(person);
    const handle = `seed-person-${i}`;
    profiles.push({
      key: makeProfileKey('linkedin', handle),
      personId: id,
      site: 'linkedin',
      handle,
      url: `https://www.linkedin.com/in/${handle}/`,
    });
    if (i % 7 === 0) {
      const site = pick(OTHER_SITES);
      profiles.push({
        key: makeProfileKey(site, handle),
        personId: id,
        site,
        handle,
        url: `https://${site}.com/${handle}`,
      });
    }
  }
  const works: SharedWork[] = [];
  // About 40% of people get work: heavy users of the ledger log several pieces per person.
  const workers = Math.max(1, Math.floor(count * 0.4));
  for (let w = 0; w < workCount; w++) {
    const person = people[Math.floor(rand() * workers) * Math.floor(count / workers)]!;
    const kind = pick(WORK_KINDS);
    const status = pick(STATUSES);
    const year = 2012 + Math.floor(rand() * 14);
    const start = `${year}-${pad(1 + Math.floor(rand() * 12))}`;
    const paid = kind === 'paidProject' || kind === 'longEngagement';
    const work: SharedWork = {
      id: `seed-work-${w}`,
      personId: person.id,
      kind,
      direction: pick(DIRECTIONS),
      status,
      title: `Work ${w}`,
      startDate: start,
      endDate: status === 'done' ? `${Math.min(2025, year + (rand() < 0.3 ? 1 : 0))}` : undefined,
      createdAt: time,
      updatedAt: time + w,
    };
    if (status === 'done') {
      work.outcome = {
        quality: (rand() < 0.08 ? 2 : 3 + Math.floor(rand() * 3)) as 2 | 3 | 4 | 5,
        reliability: rand() < 0.85 ? 'onTime' : 'late',
        wouldWorkAgain: rand() < 0.9 ? 'yes' : 'unsure',
      };
      if (paid) work.outcome.payment = { status: rand() < 0.9 ? 'onTime' : 'pending' };
    }
    if (work.endDate === undefined) delete work.endDate;
    works.push(work);
  }
  return { people, profiles, works };
}

export interface SeedResult {
  people: number;
  profiles: number;
  works: number;
  flags: number;
  ms: number;
}

/** Writes the records (replacing any with the same ids) with derived rows and the flags the rules raise. */
export async function seedRecords(input: SeedInput, now = new Date()): Promise<SeedResult> {
  const started = performance.now();
  const tdb = db();
  const settings: Settings = { ...DEFAULT_SETTINGS, ...(await getSettings(tdb)) };
  const worksByPerson = new Map<string, SharedWork[]>();
  for (const work of input.works) {
    const list = worksByPerson.get(work.personId);
    if (list) list.push(work);
    else worksByPerson.set(work.personId, [work]);
  }
  const rows = input.people.map((person) => derivePersonRow(person, worksByPerson.get(person.id) ?? [], now));
  const flags: Flag[] = input.people.flatMap((person) => {
    const candidates = flagCandidates(person, worksByPerson.get(person.id) ?? [], settings, now);
    return reconcileFlags([], candidates, now.getTime()).put;
  });
  await tdb.transaction('rw', [tdb.people, tdb.profiles, tdb.sharedWork, tdb.flags, tdb.queue], async () => {
    await tdb.people.bulkPut(rows);
    await tdb.profiles.bulkPut(input.profiles);
    await tdb.sharedWork.bulkPut(input.works);
    await tdb.flags.bulkPut(flags);
    if (input.queue) await tdb.queue.bulkPut(input.queue);
  });
  return {
    people: rows.length,
    profiles: input.profiles.length,
    works: input.works.length,
    flags: flags.length,
    ms: performance.now() - started,
  };
}

export async function seedNetwork(spec: SeedSpec): Promise<SeedResult> {
  return seedRecords(generateNetwork(spec));
}

/** Empties every table, for tests that need a known starting point. */
export async function clearDatabase(): Promise<void> {
  const tdb = db();
  await Promise.all(tdb.tables.map((table) => table.clear()));
}
