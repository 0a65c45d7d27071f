// The demo network `npm start` opens on: a few people at different stages of trust, as the essay tells it. One
// of them met in 2015, tested in 2016 and worked with in 2019, now an ambassador; one connected five years
// ago with nothing shared (dormant); one tested once; one met but never worked with; one who left an invoice
// unpaid (caution). Written through the same mutations as the app, with flags from the same rules as the scan, and
// the weekly queue filled as the worker fills it.
import { flagCandidates, reconcileFlags } from '../core/flags.ts';
import type { NewSharedWork, PartialDate, ProfileSnapshot } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import {
  addNote,
  addSharedWork,
  applyFlagChanges,
  createPerson,
  linkProfile,
  type NewPerson,
} from '../db/mutations.ts';
import { toPerson } from '../db/personRow.ts';
import { refreshQueueEntries } from '../db/queue.ts';

interface DemoPerson {
  person: NewPerson;
  profiles: ProfileSnapshot[];
  works: NewSharedWork[];
  notes: string[];
}

const linkedin = (handle: string, name: string): ProfileSnapshot => ({
  site: 'linkedin',
  key: `linkedin:${handle}`,
  handle,
  url: `https://www.linkedin.com/in/${encodeURIComponent(handle)}/`,
  name,
});

function demoPeople(now: Date): DemoPerson[] {
  const year = now.getUTCFullYear();
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  const yearsAgo = (n: number): PartialDate => `${year - n}-${month}`;
  return [
    {
      person: {
        name: 'Jane Doe',
        headline: 'Independent data engineer · helping NGOs build trustworthy pipelines',
        location: 'Cairo, Egypt',
        connectedOn: '2015-06-02',
        firstMet: { date: '2015-05', where: 'Cairo', context: 'Open-data meetup' },
      },
      profiles: [
        linkedin('jane-doe-1a2b3c', 'Jane Doe'),
        { site: 'github', key: 'github:octo-jane', handle: 'octo-jane', url: 'https://github.com/octo-jane' },
      ],
      works: [
        {
          kind: 'trial',
          direction: 'theyDelivered',
          status: 'done',
          title: 'Data-cleaning trial for the NGO survey',
          endDate: '2016-03',
          outcome: { quality: 4, reliability: 'onTime', wouldWorkAgain: 'yes' },
        },
        {
          kind: 'freeSampleGiven',
          direction: 'iDelivered',
          status: 'done',
          title: 'Dashboard mock-up for her client',
          endDate: '2017-09',
          outcome: { quality: 4, reliability: 'onTime' },
        },
        {
          kind: 'paidProject',
          direction: 'theyDelivered',
          status: 'done',
          title: 'Pipeline rebuild',
          startDate: '2019-01',
          endDate: '2019-06',
          outcome: {
            quality: 5,
            reliability: 'onTime',
            payment: { status: 'onTime' },
            wouldWorkAgain: 'yes',
          },
        },
        {
          kind: 'referralReceived',
          direction: 'together',
          status: 'done',
          title: 'Introduced me to the health ministry team',
          endDate: '2021-11',
        },
        {
          kind: 'consultation',
          direction: 'iDelivered',
          status: 'planned',
          title: 'Architecture review for her new client',
        },
      ],
      notes: ['Met at the open-data meetup. Careful with client data; documents everything.'],
    },
    {
      person: { name: 'Omar Haddad', headline: 'Backend engineer', connectedOn: `${yearsAgo(5)}-10` },
      profiles: [linkedin('omar-haddad', 'Omar Haddad')],
      works: [],
      notes: [],
    },
    {
      person: { name: 'Li Wei', headline: 'Data scientist', connectedOn: '2022-02-14' },
      profiles: [linkedin('li-wei-88', 'Li Wei')],
      works: [
        {
          kind: 'smallTask',
          direction: 'together',
          status: 'done',
          title: 'Reviewed each other’s forecasting notebooks',
          endDate: yearsAgo(1),
          outcome: { quality: 4, reliability: 'onTime', wouldWorkAgain: 'yes' },
        },
        { kind: 'trial', direction: 'theyDelivered', status: 'planned', title: 'Two-week modelling trial' },
      ],
      notes: [],
    },
    {
      person: {
        name: 'فادي الحسن',
        headline: 'مصمم تجربة مستخدم',
        firstMet: { date: yearsAgo(1), where: 'عمّان', context: 'ورشة تصميم' },
      },
      profiles: [linkedin('فادي-الحسن-4b5c6d', 'فادي الحسن')],
      works: [],
      notes: ['Talked about a volunteer project for the library; nothing done yet.'],
    },
    {
      person: { name: 'Sam Keller', headline: 'Agency owner', connectedOn: '2020-03-01' },
      profiles: [linkedin('sam-keller-agency', 'Sam Keller')],
      works: [
        {
          kind: 'paidProject',
          direction: 'iDelivered',
          status: 'done',
          title: 'Reporting module',
          endDate: '2023-04',
          outcome: { quality: 4, reliability: 'onTime', payment: { status: 'unpaid' } },
        },
      ],
      notes: [],
    },
  ];
}

/**
 * Writes the demo network into `tdb`, only when it holds nobody yet: the demo must never mix into real data.
 * Returns how many people it wrote (0 when the database was not empty).
 */
export async function seedDemoNetwork(tdb: TrustDb, now: Date): Promise<number> {
  if ((await tdb.people.count()) > 0) return 0;
  const settings = await getSettings(tdb);
  const people = demoPeople(now);
  for (const demo of people) {
    const row = await createPerson(tdb, demo.person);
    for (const profile of demo.profiles) await linkProfile(tdb, row.id, profile);
    const works = [];
    for (const work of demo.works) works.push(await addSharedWork(tdb, row.id, work));
    for (const text of demo.notes) await addNote(tdb, row.id, text);
    const candidates = flagCandidates(toPerson(row), works, settings, now);
    const { put } = reconcileFlags([], candidates, now.getTime());
    await applyFlagChanges(tdb, put);
  }
  await refreshQueueEntries(tdb, now.getTime());
  return people.length;
}
