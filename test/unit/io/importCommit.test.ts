import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TrustDb } from '../../../src/db/database.ts';
import {
  addNote,
  addSharedWork,
  createPerson,
  deletePerson,
  updatePerson,
} from '../../../src/db/mutations.ts';
import { commitArchive } from '../../../src/io/archiveCommit.ts';
import { type ArchivePlan, planArchive } from '../../../src/io/archivePlan.ts';
import type { CommitProgress } from '../../../src/io/importCommit.ts';
import type { ImportPlan } from '../../../src/io/importPlan.ts';
import { type ParsedImport, parseConnectionsCsv } from '../../../src/io/linkedinCsv.ts';
import { CONNECTIONS_HEADER as H } from '../../fixtures/csv/generate.ts';
import { freshDb, goodSmallTask } from '../db/testDb.ts';
import { connectionsArchive } from './archiveFixtures.ts';

// Connections.csv alone through the archive import (the options page's one path): the plan's `connections` part is
// the import plan of this file, with its archive plan alongside for the commit.
type ConnectionsPlan = ImportPlan & { archive: ArchivePlan };

async function planImport(tdb: TrustDb, parsed: ParsedImport): Promise<ConnectionsPlan> {
  const archive = await planArchive(tdb, connectionsArchive(parsed));
  return Object.assign(archive.connections!, { archive });
}

const commitImport = (tdb: TrustDb, plan: ConnectionsPlan, onProgress?: (p: CommitProgress) => void) =>
  commitArchive(tdb, plan.archive, new Map(), onProgress);

async function parse(input: string | Blob): Promise<ParsedImport> {
  const result = await parseConnectionsCsv(input);
  if (!result.ok) throw new Error(`parse failed: ${result.error.code}`);
  return result.value;
}

const fixture = (name: string) => new Blob([readFileSync(resolve('test/fixtures/csv', name))]);

/** Imports `input`; `plan` is the preview as the user saw it (the commit spends the plan itself: spendPlan). */
async function importCsv(tdb: TrustDb, input: string | Blob) {
  const plan = await planImport(tdb, await parse(input));
  const preview = { ...plan, rows: [...plan.rows] };
  const result = await commitImport(tdb, plan);
  if (!result.ok) throw new Error(`commit failed: ${result.error.detail}`);
  return { plan: preview, result: result.value };
}

/** Every table, sorted by key, for "nothing changed" comparisons. */
async function dump(tdb: TrustDb) {
  return {
    people: await tdb.people.orderBy('id').toArray(),
    profiles: await tdb.profiles.orderBy('key').toArray(),
    sharedWork: await tdb.sharedWork.orderBy('id').toArray(),
    notes: await tdb.notes.orderBy('id').toArray(),
    flags: await tdb.flags.orderBy('id').toArray(),
    meta: await tdb.meta.orderBy('key').toArray(),
  };
}

const personByKey = async (tdb: TrustDb, key: string) => {
  const profile = await tdb.profiles.get(key);
  return profile && tdb.people.get(profile.personId);
};

describe('a first import', () => {
  test('previews counts and rejections, then creates one person and profile per accepted row', async () => {
    const tdb = freshDb();
    const parsed = await parse(fixture('connections-current.csv'));
    const plan = await planImport(tdb, parsed);
    expect(plan.counts).toEqual({ new: 11, updated: 0, unchanged: 0, rejected: 4, warnings: 3 });
    expect(plan.rejected.map((r) => r.reason)).toEqual(['emptyRow', 'duplicateUrl', 'badUrl', 'noNameNoUrl']);
    expect(await tdb.people.count()).toBe(0);

    const progress: number[] = [];
    const result = await commitImport(tdb, plan, (p) => progress.push(p.written / p.total));
    expect(result).toEqual({
      ok: true,
      value: {
        created: 11,
        updated: 0,
        unchanged: 0,
        rejected: 4,
        recommendations: 0,
        messages: 0,
        replanned: false,
        // The commit filled the weekly queue with the connections dormant today.
        badge: { queued: 2, actions: 0, language: 'auto' },
      },
    });
    expect(await tdb.queue.where('state').equals('queued').count()).toBe(2);
    expect(progress.at(-1)).toBe(1);
    expect(await tdb.people.count()).toBe(11);
    expect(await tdb.profiles.count()).toBe(10);
    const jane = await personByKey(tdb, 'linkedin:jane-doe-1a2b3c');
    expect(jane).toMatchObject({
      name: 'Jane Doe',
      company: 'Acme, Inc.',
      position: 'CEO',
      email: 'jane@example.com',
      connectedOn: '2024-03-15',
      fromImport: true,
      userEdited: [],
      stage: 'connected',
      connectedSort: '2024-03-15',
    });
    expect(jane?.nameWords).toEqual(['jane', 'doe']);
    expect(await tdb.meta.get('lastImportAt')).toBeDefined();
  });
});

describe('re-import', () => {
  test('the same file creates nothing twice and changes nothing', async () => {
    const tdb = freshDb();
    await importCsv(tdb, fixture('connections-current.csv'));
    const before = await dump(tdb);
    const { plan, result } = await importCsv(tdb, fixture('connections-current.csv'));
    expect(plan.counts).toMatchObject({ new: 0, updated: 0, unchanged: 11 });
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 11 });
    const after = await dump(tdb);
    expect(after.people).toEqual(before.people);
    expect(after.profiles).toEqual(before.profiles);
  });

  test('a newer file updates company, position and connected-on, and adds the new connection', async () => {
    const tdb = freshDb();
    await importCsv(
      tdb,
      `${H}\nJane,Doe,https://www.linkedin.com/in/jane,,Acme,CEO,Mar 2024\nOmar,K,https://www.linkedin.com/in/omar,,X,Y,01 Jan 2020\n`,
    );
    const jane = (await personByKey(tdb, 'linkedin:jane'))!;
    const { plan, result } = await importCsv(
      tdb,
      `${H}\nJane,Doe,https://www.linkedin.com/in/JANE/,,Globex,CTO,15 Mar 2024\nOmar,K,https://www.linkedin.com/in/omar,,X,Y,2020\nLi,Wang,https://www.linkedin.com/in/li,,,,\n`,
    );
    expect(plan.rows.map((r) => [r.name, r.action, r.changes])).toEqual([
      ['Jane Doe', 'update', ['company', 'position', 'connectedOn']],
      // "2020" is less precise than the stored 2020-01-01: kept.
      ['Omar K', 'unchanged', []],
      ['Li Wang', 'new', []],
    ]);
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(await tdb.people.get(jane.id)).toMatchObject({
      company: 'Globex',
      position: 'CTO',
      connectedOn: '2024-03-15',
      createdAt: jane.createdAt,
    });
    expect(await personByKey(tdb, 'linkedin:omar')).toMatchObject({ connectedOn: '2020-01-01' });
    expect(await tdb.people.count()).toBe(3);
  });

  test('never overwrites what the user typed, even when typed after the preview', async () => {
    const tdb = freshDb();
    await importCsv(tdb, `${H}\nJane,Doe,https://www.linkedin.com/in/jane,,Acme,CEO,15 Mar 2024\n`);
    const jane = (await personByKey(tdb, 'linkedin:jane'))!;
    await updatePerson(tdb, jane.id, { company: 'My own words' });
    const newer = await parse(`${H}\nJane,Doe,https://www.linkedin.com/in/jane,,Globex,CTO,16 Mar 2024\n`);
    const plan = await planImport(tdb, newer);
    expect(plan.rows[0]?.changes).toEqual(['position', 'connectedOn']);
    // The user edits the position between the preview and the commit.
    await updatePerson(tdb, jane.id, { position: 'Typed by hand' });
    const result = await commitImport(tdb, plan);
    expect(result).toMatchObject({ ok: true, value: { replanned: true, updated: 1 } });
    expect(await tdb.people.get(jane.id)).toMatchObject({
      company: 'My own words',
      position: 'Typed by hand',
      connectedOn: '2024-03-16',
    });
  });

  test('never touches shared work or notes, and keeps the stage they earn', async () => {
    const tdb = freshDb();
    await importCsv(tdb, `${H}\nJane,Doe,https://www.linkedin.com/in/jane,,Acme,CEO,15 Mar 2024\n`);
    const jane = (await personByKey(tdb, 'linkedin:jane'))!;
    await addSharedWork(tdb, jane.id, goodSmallTask);
    await addNote(tdb, jane.id, 'Great designer');
    const before = await dump(tdb);
    expect((await tdb.people.get(jane.id))?.stage).toBe('tested');
    await importCsv(tdb, `${H}\nJane,Doe,https://www.linkedin.com/in/jane,,Globex,CEO,15 Mar 2024\n`);
    const after = await dump(tdb);
    expect(after.sharedWork).toEqual(before.sharedWork);
    expect(after.notes).toEqual(before.notes);
    expect(await tdb.people.get(jane.id)).toMatchObject({ company: 'Globex', stage: 'tested' });
  });
});

describe('rows without a URL', () => {
  test('match one person of exactly that name; an ambiguous name makes a new person', async () => {
    const tdb = freshDb();
    const jane = await createPerson(tdb, { name: 'Jane Doe' });
    const sam1 = await createPerson(tdb, { name: 'Sam Smith' });
    const sam2 = await createPerson(tdb, { name: 'Sam Smith' });
    await createPerson(tdb, { name: 'jane doe' });
    const { plan } = await importCsv(tdb, fixture('connections-old-no-url.csv'));
    expect(plan.rows.map((r) => [r.name, r.action, r.matchedBy])).toEqual([
      ['Jane Doe', 'update', 'name'],
      ['فاطمة الزهراء', 'new', undefined],
      ['Sam Smith', 'new', undefined],
    ]);
    expect(await tdb.people.get(jane.id)).toMatchObject({ company: 'Acme', connectedOn: '2016-03-15' });
    const sams = (await tdb.people.toArray()).filter((p) => p.name === 'Sam Smith');
    expect(sams).toHaveLength(3);
    expect(sams.filter((p) => p.fromImport).map((p) => p.company)).toEqual(['Initech']);
    expect((await tdb.people.get(sam1.id))?.company).toBeUndefined();
    expect((await tdb.people.get(sam2.id))?.company).toBeUndefined();
  });

  test('re-importing an old export finds its own people again, namesakes included', async () => {
    const tdb = freshDb();
    const csv = `First Name,Last Name,Company,Connected On\nSam,Smith,A,01 Jan 2015\nSam,Smith,B,02 Feb 2016\nفاطمة,الزهراء,C,\n`;
    await importCsv(tdb, csv);
    const before = await dump(tdb);
    const { plan } = await importCsv(tdb, csv);
    expect(plan.counts).toMatchObject({ new: 0, unchanged: 3 });
    expect((await dump(tdb)).people).toEqual(before.people);
  });

  test('a URL row in the same file claims its person before a URL-less namesake can', async () => {
    const tdb = freshDb();
    await importCsv(tdb, `${H}\nJane,Doe,https://www.linkedin.com/in/jane,,Acme,,\n`);
    const { plan } = await importCsv(
      tdb,
      `${H}\nJane,Doe,,,Other,,\nJane,Doe,https://www.linkedin.com/in/jane,,Acme,,\n`,
    );
    expect(plan.rows.map((r) => [r.line, r.action, r.matchedBy])).toEqual([
      [2, 'new', undefined],
      [3, 'unchanged', 'profile'],
    ]);
  });
});

test('a profile whose person was deleted is re-pointed at the new person', async () => {
  const tdb = freshDb();
  await importCsv(tdb, `${H}\nJane,Doe,https://www.linkedin.com/in/jane,,Acme,,\n`);
  const jane = (await personByKey(tdb, 'linkedin:jane'))!;
  // A dangling profile cannot be made through mutations; write it as a damaged database would hold it.
  await tdb.people.delete(jane.id);
  const { result } = await importCsv(tdb, `${H}\nJane,Doe,https://www.linkedin.com/in/jane,,Acme,,\n`);
  expect(result.created).toBe(1);
  const again = await personByKey(tdb, 'linkedin:jane');
  expect(again?.name).toBe('Jane Doe');
  expect(again?.id).not.toBe(jane.id);
});

describe('all or nothing', () => {
  const many = (n: number, offset = 0) =>
    `${H}\n${Array.from({ length: n }, (_, i) => `P${i + offset},Q,https://www.linkedin.com/in/p${i + offset},,C${i},,01 Jan 2020`).join('\n')}\n`;

  async function seeded() {
    const tdb = freshDb();
    await importCsv(tdb, many(50));
    const jane = await createPerson(tdb, { name: 'Jane' });
    await addSharedWork(tdb, jane.id, goodSmallTask);
    await addNote(tdb, jane.id, 'note');
    return tdb;
  }

  test('a hook throwing after thousands of rows were written leaves the database as it was', async () => {
    const tdb = await seeded();
    const before = await dump(tdb);
    const plan = await planImport(tdb, await parse(many(5000, 25)));
    let created = 0;
    tdb.people.hook('creating', () => {
      if (++created === 4500) throw new Error('disk on fire');
    });
    const progress: number[] = [];
    const result = await commitImport(tdb, plan, (p) => progress.push(p.written));
    expect(result).toMatchObject({ ok: false, error: { code: 'commitFailed' } });
    expect(progress).toContain(4000);
    expect(await dump(tdb)).toEqual(before);
  });

  test('a unique-key violation in the last table written leaves the database as it was', async () => {
    const tdb = await seeded();
    const before = await dump(tdb);
    const plan = await planImport(tdb, await parse(many(3000, 100)));
    // Two new profiles with one key: the second bulkAdd fails after every person was added.
    plan.writes.newProfiles.push({ ...plan.writes.newProfiles[0]!, personId: plan.writes.newPeople[1]!.id });
    const result = await commitImport(tdb, plan);
    expect(result).toMatchObject({ ok: false, error: { code: 'commitFailed' } });
    expect(result.ok === false && result.error.detail).toMatch(/Constraint|BulkError/);
    expect(await dump(tdb)).toEqual(before);
  });

  test('a person deleted between preview and commit is recreated, not lost or duplicated', async () => {
    const tdb = await seeded();
    const plan = await planImport(tdb, await parse(many(3)));
    expect(plan.counts).toMatchObject({ unchanged: 3, new: 0 });
    const p0 = (await personByKey(tdb, 'linkedin:p0'))!;
    await deletePerson(tdb, p0.id);
    const result = await commitImport(tdb, plan);
    expect(result).toMatchObject({ ok: true, value: { replanned: true, created: 1, unchanged: 2 } });
    expect((await personByKey(tdb, 'linkedin:p0'))?.name).toBe('P0 Q');
  });
});

describe('fuzzing the importer end to end', () => {
  const name = fc.constantFrom('', 'Jane', 'Doe', 'محمد', 'Sam', '😀', ' ', '=1+1');
  const url = fc.constantFrom(
    '',
    'https://www.linkedin.com/in/a',
    'linkedin.com/in/B',
    'https://x.com/a',
    'http://',
    'https://www.linkedin.com/in/%E2%82',
  );
  const date = fc.constantFrom('', '15 Mar 2024', '05-???-26', 'Mar 2024', '2024', 'garbage');
  const row = fc.tuple(
    name,
    name,
    url,
    fc.constantFrom('', 'a@b.c'),
    fc.string({ maxLength: 6 }),
    fc.string({ maxLength: 6 }),
    date,
  );
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const toCsv = (rows: string[][]) => `${H}\r\n${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;

  test('every row is imported or rejected, and importing again creates nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.array(row, { maxLength: 6 }),
        async (first, second) => {
          const tdb = freshDb();
          try {
            const parsedFirst = await parseConnectionsCsv(toCsv(first));
            if (!parsedFirst.ok) return;
            const { plan } = await importCsv(tdb, toCsv(first));
            expect(plan.rows.length + plan.rejected.length).toBe(first.length);
            expect(await tdb.people.count()).toBe(plan.counts.new);
            const again = await planImport(tdb, await parse(toCsv(first)));
            expect(again.counts.new).toBe(0);
            expect(again.counts.updated).toBe(0);
            if (second.length > 0) {
              const before = await tdb.people.count();
              const { plan: p2 } = await importCsv(tdb, toCsv([...first, ...second]));
              expect(await tdb.people.count()).toBe(before + p2.counts.new);
            }
          } finally {
            await tdb.delete();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
