// The archive import from the preview to the commit, against a real (fake-indexeddb) database: whom each row
// matched, what each file would change, the review's answers, all or nothing, and a re-import changing nothing.
import { describe, expect, test } from 'vitest';
import { flagCandidates } from '../../../src/core/flags.ts';
import { evaluatePerson } from '../../../src/core/trust.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/types.ts';
import type { TrustDb } from '../../../src/db/database.ts';
import { getMeta } from '../../../src/db/meta.ts';
import { createPerson, linkProfile } from '../../../src/db/mutations.ts';
import { toPerson } from '../../../src/db/personRow.ts';
import { getPersonByProfileKey } from '../../../src/db/queries.ts';
import { commitArchive } from '../../../src/io/archiveCommit.ts';
import { parseArchiveFile } from '../../../src/io/archiveParse.ts';
import {
  type ArchivePlan,
  archiveWrites,
  connectionsPlannedEarly,
  filePreviews,
  planArchive,
  type Resolution,
  writeCount,
} from '../../../src/io/archivePlan.ts';
import { freshDb, snapshot } from '../db/testDb.ts';
import { EXPORT_FILES, exportZip } from './archiveFixtures.ts';

async function plan(tdb: TrustDb, zip = exportZip(), keepMessageText = false): Promise<ArchivePlan> {
  const parsed = await parseArchiveFile(zip, 'export.zip', { keepMessageText });
  if (!parsed.ok) throw new Error(parsed.error.code);
  return planArchive(tdb, parsed.value);
}

async function imported(tdb: TrustDb, answers: Map<string, Resolution> = new Map(), zip = exportZip()) {
  const p = await plan(tdb, zip);
  const result = await commitArchive(tdb, p, answers);
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.detail}`);
  return { plan: p, result: result.value };
}

/** As the options page reads an archive: Connections.csv planned while the rest is read, then the whole plan. */
async function readEarly(tdb: TrustDb, meanwhile?: () => Promise<unknown>) {
  const early = connectionsPlannedEarly(tdb);
  const parsed = await parseArchiveFile(exportZip(), 'export.zip', {
    keepMessageText: false,
    connectionsRead: early.connectionsRead,
  });
  if (!parsed.ok) throw new Error(parsed.error.code);
  const planned = await early.planned();
  await meanwhile?.();
  return {
    parsed: parsed.value,
    planned,
    plan: await planArchive(tdb, parsed.value, Date.now(), planned),
  };
}

const byKey = async (tdb: TrustDb, key: string) => (await getPersonByProfileKey(tdb, key))!;
async function record(tdb: TrustDb, key: string) {
  const person = await byKey(tdb, key);
  const works = await tdb.sharedWork.where('personId').equals(person.id).toArray();
  return { person, works, evaluation: evaluatePerson({ person: toPerson(person), works, now: new Date() }) };
}

describe('the preview', () => {
  test('per file: rows read; matched exactly, by name, ambiguous, unmatched; what will change', async () => {
    const tdb = freshDb();
    const p = await plan(tdb);
    const previews = filePreviews(p, archiveWrites(p, new Map()));
    expect(previews.map((f) => [f.summary.kind, f.summary.rowsRead, f.matched, f.changes])).toEqual([
      [
        'recommendationsReceived',
        5,
        { exact: 0, byName: 2, ambiguous: 1, unmatched: 1 },
        { recommendations: 2, people: 0, created: 0, messages: 0 },
      ],
      [
        'recommendationsGiven',
        2,
        { exact: 0, byName: 2, ambiguous: 0, unmatched: 0 },
        { recommendations: 2, people: 0, created: 0, messages: 0 },
      ],
      [
        'endorsementsReceived',
        5,
        { exact: 2, byName: 1, ambiguous: 0, unmatched: 1 },
        { recommendations: 0, people: 3, created: 0, messages: 0 },
      ],
      [
        'endorsementsGiven',
        1,
        { exact: 1, byName: 0, ambiguous: 0, unmatched: 0 },
        { recommendations: 0, people: 1, created: 0, messages: 0 },
      ],
      [
        'invitations',
        3,
        { exact: 2, byName: 0, ambiguous: 0, unmatched: 1 },
        { recommendations: 0, people: 2, created: 0, messages: 0 },
      ],
      [
        'messages',
        9,
        { exact: 2, byName: 0, ambiguous: 0, unmatched: 0 },
        { recommendations: 0, people: 2, created: 0, messages: 0 },
      ],
    ]);
    expect(p.connections?.counts).toMatchObject({ new: 7, updated: 0, rejected: 0 });
    // Nothing is written by a preview.
    expect(await tdb.people.count()).toBe(0);
  });

  test('a namesake is told apart by company; without a company that matches, the row waits for the review', async () => {
    const tdb = freshDb();
    const p = await plan(tdb);
    const recs = p.subjects.filter((s) => s.kind === 'recommendationsReceived');
    const globex = p.connections!.writes.newPeople.find((person) => person.company === 'Globex')!;
    expect(recs[1]?.match).toEqual({ kind: 'byName', personId: globex.id, candidates: [] });
    expect(recs[2]?.match.kind).toBe('ambiguous');
    expect(recs[2]?.match.candidates.map((id) => p.directory.people.get(id)?.company).sort()).toEqual([
      'Globex',
      'Initech',
    ]);
    // "Hwang, MSPH" in both files, credentials and all, is one person by name.
    expect(recs[0]?.match.kind).toBe('byName');
    expect(p.directory.people.get(recs[0]!.match.personId!)?.name).toBe('Jane Hwang, MSPH');
  });
});

describe('the commit', () => {
  test('a recommendation received makes an ambassador, with its text as the evidence of their trust in me', async () => {
    const tdb = freshDb();
    await imported(tdb);
    const jane = await record(tdb, 'linkedin:jane-hwang-msph');
    expect(jane.person.stage).toBe('ambassador');
    const [rec] = jane.works;
    expect(rec).toMatchObject({
      kind: 'referralReceived',
      status: 'done',
      endDate: '2023-07-04',
      title: 'Director of Field Studies, Acme Research',
    });
    expect(rec?.note).toContain('Jane ran our field study with care.');
    expect(jane.evaluation.theirTrust).toEqual({
      level: 'tested',
      reason: 'theyRecommendedMe',
      evidence: [rec!.id],
    });
    expect(jane.evaluation.milestones.firstRecommendation?.date).toBe('2023-07-04');
    // The other Omar, and the ambiguous row, are left alone.
    expect((await record(tdb, 'linkedin:omar-haddad-initech')).works).toEqual([]);
    expect((await record(tdb, 'linkedin:omar-haddad-globex')).person.stage).toBe('ambassador');
  });

  test('a recommendation given is a vouch flagged until work together is recorded', async () => {
    const tdb = freshDb();
    await imported(tdb);
    const ken = await record(tdb, 'linkedin:ken-ito');
    expect(ken.works.map((w) => w.kind)).toEqual(['referralGiven']);
    expect(flagCandidates(ken.person, ken.works, DEFAULT_SETTINGS, new Date()).map((c) => c.kind)).toContain(
      'vouchWithoutWork',
    );
  });

  test('messages, invitations and endorsements become facts; the first contact becomes the met milestone', async () => {
    const tdb = freshDb();
    await imported(tdb);
    const rana = await record(tdb, 'linkedin:رنا-حداد');
    expect(rana.person.archive?.messages).toMatchObject({
      total: 3,
      fromThem: 2,
      first: '2019-03-02',
      firstFrom: 'them',
    });
    expect(rana.person.archive?.endorsements).toEqual({
      received: 1,
      given: 0,
      skillsReceived: ['Arabic'],
      skillsGiven: [],
      lastReceived: '2023-05-05',
    });
    // We wrote each other: acquainted; known since the first message, a year before connecting.
    expect(rana.person.stage).toBe('acquainted');
    expect(rana.evaluation.stage.reason).toBe('talkedNoWork');
    expect(rana.evaluation.milestones.met).toEqual({ kind: 'met', date: '2019-03-02', source: 'message' });
    expect(rana.person.untestedSince).toBe('2019-03-02');
    const mia = await record(tdb, 'linkedin:mia-novak');
    expect(mia.person.archive?.invitation).toEqual({
      direction: 'received',
      date: '2014-05-14',
      message: "Loved your talk in Berlin, let's stay in touch.",
    });
    expect(mia.evaluation.milestones.met).toMatchObject({ date: '2014-05-14', source: 'invitation' });
    // Endorsements are counted, never a change of stage.
    expect(mia.person.stage).toBe('connected');
    expect(await getMeta(tdb, 'archiveOwner')).toEqual({ name: 'Alex Owner', key: 'linkedin:alex-owner' });
  });

  test('message texts are stored only when asked, and never twice', async () => {
    const tdb = freshDb();
    await imported(tdb);
    expect(await tdb.messages.count()).toBe(0);
    const asked = await plan(tdb, exportZip(), true);
    const result = await commitArchive(tdb, asked, new Map());
    // Rana's three and Ken's two (his own message in the group conversation counts).
    expect(result).toMatchObject({ ok: true, value: { messages: 5 } });
    const again = await plan(tdb, exportZip(), true);
    expect(writeCount(again, archiveWrites(again, new Map()))).toBe(0);
  });

  test('a re-import of the same archive changes nothing', async () => {
    const tdb = freshDb();
    await imported(tdb);
    const people = await tdb.people.toArray();
    const again = await plan(tdb);
    const writes = archiveWrites(again, new Map());
    expect(writeCount(again, writes)).toBe(0);
    expect(filePreviews(again, writes).every((f) => Object.values(f.changes).every((n) => n === 0))).toBe(
      true,
    );
    expect(await tdb.people.toArray()).toEqual(people);
  });

  test("the review's answers: which namesake, and whom to create", async () => {
    const tdb = freshDb();
    const p = await plan(tdb);
    const ambiguous = p.subjects.find((s) => s.match.kind === 'ambiguous')!;
    const initech = ambiguous.match.candidates.find(
      (id) => p.directory.people.get(id)?.company === 'Initech',
    )!;
    const lena = p.subjects.find((s) => s.who.name === 'Lena Schmidt')!;
    const answers = new Map<string, Resolution>([
      [ambiguous.id, { action: 'person', personId: initech }],
      [lena.id, { action: 'create' }],
    ]);
    expect(filePreviews(p, archiveWrites(p, answers))[0]?.changes).toEqual({
      recommendations: 4,
      people: 0,
      created: 1,
      messages: 0,
    });
    const result = await commitArchive(tdb, p, answers);
    expect(result).toMatchObject({ ok: true, value: { created: 8, recommendations: 6 } });
    expect((await record(tdb, 'linkedin:omar-haddad-initech')).person.stage).toBe('ambassador');
    const created = (await tdb.people.where('nameSort').equals('lena schmidt').toArray())[0]!;
    expect(created).toMatchObject({ stage: 'ambassador', company: 'Cyberdyne', fromImport: true });
  });

  test('a database changed since the preview is planned again; the answers still hold', async () => {
    const tdb = freshDb();
    const p = await plan(tdb);
    const lena = p.subjects.find((s) => s.who.name === 'Lena Schmidt')!;
    await createPerson(tdb, { name: 'Someone New' });
    const result = await commitArchive(tdb, p, new Map([[lena.id, { action: 'create' }]]));
    expect(result).toMatchObject({ ok: true, value: { replanned: true } });
    expect(await tdb.people.where('nameSort').equals('lena schmidt').count()).toBe(1);
    expect(await tdb.people.count()).toBe(9);
  });

  test('Connections.csv planned while the rest is read: used as it is when nothing changed, planned again when', async () => {
    // Nothing changed: the archive's plan is the early one, new people and all (their ids, their time).
    const calm = await readEarly(freshDb());
    expect(calm.planned?.connections).toBe(calm.parsed.connections);
    expect(calm.plan.connections).toBe(calm.planned?.plan);
    expect(calm.plan.now).toBe(calm.planned?.now);
    const whole = await planArchive(freshDb(), calm.parsed);
    expect(calm.plan.connections?.counts).toEqual(whole.connections?.counts);

    // Someone was added meanwhile, with a profile the archive names: the early plan would create them twice.
    const tdb = freshDb();
    const changed = await readEarly(tdb, async () => {
      const sara = await createPerson(tdb, { name: 'Sara Kaplan' });
      await linkProfile(tdb, sara.id, snapshot('sara-k'));
    });
    expect(changed.plan.connections).not.toBe(changed.planned?.plan);
    expect(changed.plan.connections!.counts.new).toBe(changed.planned!.plan.counts.new - 1);
    const result = await commitArchive(tdb, changed.plan, new Map());
    expect(result).toMatchObject({ ok: true, value: { replanned: false } });
    expect(await tdb.people.where('nameSort').equals('sara kaplan').count()).toBe(1);
  });

  test('all or nothing: a write refused at the end leaves the database as it was', async () => {
    const tdb = freshDb();
    const p = await plan(tdb);
    const before = await tdb.people.count();
    const writes = archiveWrites(p, new Map());
    // A recommendation whose id is stored meanwhile under someone else: its add fails after every person was written.
    const person = await createPerson(tdb, { name: 'Holder' });
    await tdb.sharedWork.add({ ...writes.works[0]!, personId: person.id });
    p.fingerprint = { ...p.fingerprint, people: p.fingerprint.people + 1, lastUpdatedAt: person.updatedAt };
    p.knownWorkIds.clear();
    const result = await commitArchive(tdb, p, new Map());
    expect(result).toMatchObject({ ok: false, error: { code: 'commitFailed' } });
    expect(await tdb.people.count()).toBe(before + 1);
    expect(await tdb.profiles.count()).toBe(0);
  });

  test("a commit spends its plan: the preview's rows are let go, and it cannot be committed again", async () => {
    const tdb = freshDb();
    const { plan: p, planned } = await readEarly(tdb);
    expect(p.connections).toBe(planned?.plan);
    expect(p.parsed.messages.length).toBeGreaterThan(0);
    expect(p.subjects.length).toBeGreaterThan(0);
    expect(p.connections?.rows.length).toBeGreaterThan(0);
    const rowsRead = p.parsed.files.map((file) => [file.kind, file.rowsRead]);
    const created = p.connections!.counts.new;
    const rejected = p.parsed.files.reduce((sum, file) => sum + file.rejected.length, 0);
    expect(created).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);

    const result = await commitArchive(tdb, p, new Map());
    expect(result).toMatchObject({ ok: true, value: { created, rejected } });
    expect(p.spent).toBe(true);
    // Every holder of the rows finds them gone, the early plan's too: only then can they be collected.
    expect(planned?.connections.rows).toEqual([]);
    expect(p.parsed.connections?.rows).toEqual([]);
    expect(p.connections?.rows).toEqual([]);
    expect(p.parsed.messages).toEqual([]);
    expect(p.parsed.endorsementsReceived).toEqual([]);
    expect(p.subjects).toEqual([]);
    expect(p.directory.people.size).toBe(0);
    // What the result and the import's summary read stays.
    expect(p.parsed.files.map((file) => [file.kind, file.rowsRead])).toEqual(rowsRead);
    expect(p.parsed.owner?.name).toBeTruthy();

    const people = await tdb.people.count();
    const again = await commitArchive(tdb, p, new Map());
    expect(again).toMatchObject({ ok: false, error: { code: 'commitFailed' } });
    expect(await tdb.people.count()).toBe(people);
    expect(await tdb.sharedWork.count()).toBe(result.ok ? result.value.recommendations : -1);
  });

  test('any one file alone: the recommendations after the connections', async () => {
    const tdb = freshDb();
    await imported(tdb, new Map(), exportZip(['Connections.csv']));
    const { result } = await imported(tdb, new Map(), exportZip(['Recommendations_Received.csv']));
    expect(result).toMatchObject({ created: 0, recommendations: 2 });
    expect((await record(tdb, 'linkedin:jane-hwang-msph')).person.stage).toBe('ambassador');
    expect(EXPORT_FILES).toContain('Recommendations_Received.csv');
  });

  test('the old Invitations.csv (URNs, no URLs): each row meets its connection by name', async () => {
    const tdb = freshDb();
    await imported(tdb, new Map(), exportZip(['Connections.csv']));
    const p = await plan(tdb, exportZip(['legacy/Invitations.csv']));
    expect(p.subjects.map((s) => [s.who.name, s.match.kind])).toEqual([
      ['Mia Novak', 'byName'],
      ['Ken Ito', 'byName'],
    ]);
    const result = await commitArchive(tdb, p, new Map());
    expect(result).toMatchObject({ ok: true, value: { created: 0, updated: 2 } });
    expect((await record(tdb, 'linkedin:mia-novak')).person.archive?.invitation).toEqual({
      direction: 'received',
      date: '2014-05-14',
      message: "Loved your talk in Berlin, let's stay in touch.",
    });
  });
});
