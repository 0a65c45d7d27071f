import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { searchKey } from '../../../src/core/searchText.ts';
import { AGGREGATES_KEY, countAggregates } from '../../../src/db/aggregates.ts';
import type { TrustDb } from '../../../src/db/database.ts';
import { saveSettings } from '../../../src/db/meta.ts';
import {
  addNote,
  addSharedWork,
  createPerson,
  dismissQueued,
  linkProfile,
  snoozeQueued,
  updatePerson,
} from '../../../src/db/mutations.ts';
import { refreshQueueEntries } from '../../../src/db/queue.ts';
import { SCHEMA_VERSION } from '../../../src/db/schema.ts';
import { outboxKey, pendingChanges, startOutbox } from '../../../src/db/syncOutbox.ts';
import { commitArchive } from '../../../src/io/archiveCommit.ts';
import { parseArchiveFile } from '../../../src/io/archiveParse.ts';
import { planArchive } from '../../../src/io/archivePlan.ts';
import {
  backupFileName,
  exportBackup,
  restoreBackup,
  type ValidBackup,
  validateBackup,
} from '../../../src/io/backup.ts';
import { normaliseRow } from '../../../src/io/backupSchema.ts';
import { buildRawDatabase } from '../db/legacySchemas.ts';
import { freshDb, goodSmallTask, snapshot, unpaidProject } from '../db/testDb.ts';
import { exportZip } from './archiveFixtures.ts';

// Tests damage the parsed file in arbitrary places, so its shape is deliberately loose here.
// biome-ignore lint/suspicious/noExplicitAny: arbitrary JSON being corrupted on purpose
type BackupJson = Record<string, any>;

async function dump(tdb: TrustDb) {
  return {
    people: await tdb.people.orderBy('id').toArray(),
    profiles: await tdb.profiles.orderBy('key').toArray(),
    sharedWork: await tdb.sharedWork.orderBy('id').toArray(),
    notes: await tdb.notes.orderBy('id').toArray(),
    flags: await tdb.flags.orderBy('id').toArray(),
    // The stored counts are derived from the rows, and checked against them on their own.
    meta: (await tdb.meta.orderBy('key').toArray()).filter((row) => row.key !== AGGREGATES_KEY),
  };
}

/** People in Arabic, emoji, CJK and Latin, with every kind of link and record between them. */
async function seed(tdb: TrustDb) {
  const amal = await createPerson(tdb, {
    name: 'أمل الحسيني',
    company: 'شركة النور',
    connectedOn: '2015-06',
    firstMet: { date: '2015-06-01', where: 'عمّان', context: 'مؤتمر 🎤' },
  });
  const li = await createPerson(tdb, { name: '李小龍 🐉', connectedOn: '2016', introducedBy: amal.id });
  const zoe = await createPerson(tdb, {
    name: 'Zoë O\'Brien "ZB"',
    email: 'zoe@example.com',
    tags: ['design', 'تصميم'],
  });
  await updatePerson(tdb, zoe.id, { position: '=cmd|calc' });
  await linkProfile(tdb, amal.id, snapshot('أمل-الحسيني-1'));
  await linkProfile(tdb, amal.id, {
    site: 'github',
    key: 'github:amal',
    handle: 'amal',
    url: 'https://github.com/amal',
  });
  await linkProfile(tdb, li.id, snapshot('li-xiaolong'));
  // What a profile's own site proposed, and what the user declined (core/pageValues.ts).
  await tdb.profiles.update('linkedin:li-xiaolong', {
    proposed: { name: 'Li Xiaolong', photoUrl: 'https://media.example/li.jpg' },
    declined: { headline: 'كونغ فو' },
  });
  await addSharedWork(tdb, amal.id, goodSmallTask);
  await addSharedWork(tdb, li.id, { ...unpaidProject, note: 'لم يُدفع بعد\nsecond line' });
  await addNote(tdb, zoe.id, 'Met at 🎨 meetup; 日本語 OK');
  await tdb.flags.put({
    id: `${amal.id}:stalled`,
    personId: amal.id,
    kind: 'stalled',
    state: 'snoozed',
    raisedAt: 1_700_000_000_000,
    snoozedUntil: 1_800_000_000_000,
    updatedAt: 1_700_000_000_000,
  });
  await saveSettings(tdb, { dormancyYears: 5, language: 'ar', enabledSites: ['github'] });
}

async function validated(tdb: TrustDb, file: Blob): Promise<ValidBackup> {
  const result = await validateBackup(tdb, file);
  if (!result.ok) throw new Error(`invalid: ${result.error.code} ${result.error.detail}`);
  return result.value;
}

describe('export', () => {
  test('writes the envelope with format marker, schema version and per-table counts', async () => {
    const tdb = freshDb();
    await seed(tdb);
    const now = Date.UTC(2026, 0, 2, 3, 4);
    const blob = await exportBackup(tdb, now);
    const text = await blob.text();
    expect(text.startsWith('{"trustNotesBackup":1,')).toBe(true);
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      trustNotesBackup: 1,
      exportedAt: now,
      schemaVersion: SCHEMA_VERSION,
      counts: { people: 3, profiles: 3, sharedWork: 2, notes: 1, flags: 1, meta: 1, queue: 0, messages: 0 },
      dexie: { formatName: 'dexie', formatVersion: 1, data: { databaseVersion: SCHEMA_VERSION } },
    });
    expect(await tdb.meta.get('lastBackupAt')).toEqual({ key: 'lastBackupAt', value: now });
    expect(backupFileName(now)).toBe('trust-notes-backup-2026-01-02.json');
  });
});

describe('round trip', () => {
  test('export → wipe → restore gives deep-equal data', async () => {
    const tdb = freshDb();
    await seed(tdb);
    const blob = await exportBackup(tdb);
    const before = await dump(tdb);
    await Promise.all(tdb.tables.map((t) => t.clear()));
    expect(await tdb.people.count()).toBe(0);
    const progress: number[] = [];
    const result = await restoreBackup(tdb, await validated(tdb, blob), (p) =>
      progress.push(p.completedRows),
    );
    expect(result.ok).toBe(true);
    expect(await dump(tdb)).toEqual(before);
    // The restore clears meta, so it stores the counts again, equal to a recount of the restored rows.
    expect((await tdb.meta.get(AGGREGATES_KEY))?.value).toEqual(await countAggregates(tdb));
    expect(await countAggregates(tdb)).toMatchObject({
      openFlags: before.flags.filter((f) => f.state === 'open').length,
    });
    expect(progress.at(-1)).toBe(11);
    // Indexes work on the restored rows.
    expect(await tdb.people.where('nameWords').startsWith(searchKey('أمل')).count()).toBe(1);
    const owner = before.profiles[0]!.personId;
    expect(await tdb.profiles.where('personId').equals(owner).count()).toBe(
      before.profiles.filter((p) => p.personId === owner).length,
    );
  });

  test('a backup made before sync (schema 2, the same backed-up tables) restores as it is', async () => {
    const source = freshDb();
    await seed(source);
    const file: BackupJson = JSON.parse(await (await exportBackup(source)).text());
    file.schemaVersion = 2;
    file.dexie.data.databaseVersion = 2;
    const target = freshDb();
    const valid = await validated(target, new Blob([JSON.stringify(file)]));
    expect(valid).toMatchObject({ schemaVersion: SCHEMA_VERSION, upgradedFrom: 2 });
    const result = await restoreBackup(target, valid);
    expect(result.ok).toBe(true);
    expect(await dump(target)).toEqual(await dump(source));
  });

  test('sync’s outbox is the device’s: never in a backup, kept by a restore, which records its own changes', async () => {
    const tdb = freshDb();
    const kept = await createPerson(tdb, { name: 'In the backup' });
    const blob = await exportBackup(tdb);
    expect(Object.keys(JSON.parse(await blob.text()).counts)).not.toContain('syncOutbox');
    await startOutbox(tdb);
    const later = await createPerson(tdb, { name: 'Added after the backup' });
    const result = await restoreBackup(tdb, await validated(tdb, blob));
    expect(result.ok).toBe(true);
    // The restore is an ordinary change for sync: the person it removed goes as a deletion, the one it wrote as
    // a change; the marker that sync is on survives.
    const pending = (await pendingChanges(tdb, 100)).map((row) => row.key);
    expect(pending).toEqual(
      expect.arrayContaining([outboxKey('people', later.id), outboxKey('people', kept.id)]),
    );
    expect(await tdb.people.get(later.id)).toBeUndefined();
  });

  test('into a fresh database of another name', async () => {
    const source = freshDb();
    await seed(source);
    const blob = await exportBackup(source);
    const target = freshDb();
    await createPerson(target, { name: 'Someone else' });
    const result = await restoreBackup(target, await validated(target, blob));
    expect(result.ok).toBe(true);
    expect(await dump(target)).toEqual(await dump(source));
  });

  test('the safety backup holds what the restore replaced, and restores it', async () => {
    const tdb = freshDb();
    await seed(tdb);
    const backup = await validated(tdb, await exportBackup(tdb));
    const older = await dump(tdb);
    await createPerson(tdb, { name: 'Added after the backup' });
    await addNote(tdb, (await tdb.people.toCollection().first())!.id, 'a later note');
    const newer = await dump(tdb);

    const restored = await restoreBackup(tdb, backup);
    if (!restored.ok) throw new Error(restored.error.code);
    expect(await dump(tdb)).toEqual(older);

    const undo = await restoreBackup(tdb, await validated(tdb, restored.value.safetyBackup));
    expect(undo.ok).toBe(true);
    const back = await dump(tdb);
    // Everything but the reminder timestamp, which a restore sets to the backup's own date.
    expect({ ...back, meta: back.meta.filter((m) => m.key !== 'lastBackupAt') }).toEqual({
      ...newer,
      meta: newer.meta.filter((m) => m.key !== 'lastBackupAt'),
    });
  });
});

describe('the rows of schema version 2', () => {
  test('the queue, kept messages, archive facts and recommendations restore deep-equal', async () => {
    const tdb = freshDb();
    // A real archive import (messages kept) and the worker's queue over it: every v2 shape, as the app writes it.
    const parsed = await parseArchiveFile(exportZip(), 'export.zip', { keepMessageText: true });
    if (!parsed.ok) throw new Error(parsed.error.code);
    const committed = await commitArchive(tdb, await planArchive(tdb, parsed.value), new Map());
    if (!committed.ok) throw new Error(committed.error.code);
    await saveSettings(tdb, { queueSize: 3 });
    const now = Date.UTC(2024, 5, 15);
    expect(await refreshQueueEntries(tdb, now)).toBeGreaterThan(0);
    const [first, second] = await tdb.queue.toArray();
    await snoozeQueued(tdb, first!.personId, now + 7 * 86_400_000);
    await dismissQueued(tdb, second!.personId);
    const all = async () => ({
      ...(await dump(tdb)),
      queue: await tdb.queue.orderBy('id').toArray(),
      messages: await tdb.messages.orderBy('id').toArray(),
    });
    const before = await all();
    expect(before.messages.length).toBeGreaterThan(0);
    expect(before.queue.map((entry) => entry.state)).toEqual(
      expect.arrayContaining(['snoozed', 'dismissed']),
    );
    expect(before.people.some((p) => p.archive?.messages && p.archive.endorsements)).toBe(true);
    expect(before.sharedWork.some((w) => w.kind === 'referralReceived')).toBe(true);
    expect(before.meta.map((m) => m.key)).toContain('archiveOwner');

    const blob = await exportBackup(tdb);
    const valid = await validated(tdb, blob);
    expect(valid.upgradedFrom).toBeUndefined();
    await Promise.all(tdb.tables.map((t) => t.clear()));
    const result = await restoreBackup(tdb, valid);
    expect(result.ok).toBe(true);
    expect(await all()).toEqual({ ...before, meta: expect.any(Array) });
    expect((await all()).meta.filter((m) => m.key !== 'lastBackupAt')).toEqual(
      before.meta.filter((m) => m.key !== 'lastBackupAt'),
    );
  });

  test('a queue entry in a state this version does not know is refused, naming the row', async () => {
    const tdb = freshDb();
    await seed(tdb);
    const person = (await tdb.people.toCollection().first())!;
    await tdb.queue.put({
      id: person.id,
      personId: person.id,
      state: 'queued',
      queuedAt: 1_700_000_000_000,
      reasons: [],
      step: 'proposeSmallTask',
    });
    const file = JSON.parse(await (await exportBackup(tdb)).text()) as BackupJson;
    const queue = file.dexie.data.data.find((t: { tableName: string }) => t.tableName === 'queue');
    queue.rows[0].state = 'forgotten';
    const result = await validateBackup(tdb, new Blob([JSON.stringify(file)]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('values');
      expect(result.error.where).toMatch(/^queue .*state/);
    }
    expect(await tdb.queue.count()).toBe(1);
  });
});

describe('type marks', () => {
  test('a property stored as undefined (marked undef) restores as absent, and nothing is revived', async () => {
    const tdb = freshDb();
    const amal = await createPerson(tdb, { name: 'Amal' });
    await tdb.people.update(amal.id, { headline: undefined, firstMet: { date: '2015', where: undefined } });
    const text = await (await exportBackup(tdb)).text();
    expect(text).toContain('"undef"');
    const restored = await restoreBackup(tdb, await validated(tdb, new Blob([text])));
    expect(restored.ok).toBe(true);
    const row = await tdb.people.get(amal.id);
    expect(row && 'headline' in row).toBe(false);
    expect(row?.firstMet).toEqual({ date: '2015' });
  });
});

describe('refusals leave the database unchanged', () => {
  async function goodBackupJson(): Promise<BackupJson> {
    const source = freshDb();
    await seed(source);
    return JSON.parse(await (await exportBackup(source)).text());
  }
  const table = (file: BackupJson, name: string) =>
    file.dexie.data.data.find((t: { tableName: string }) => t.tableName === name);

  const cases: [string, (good: BackupJson, text: string) => BlobPart, string][] = [
    ['an empty file', () => '', 'empty'],
    ['whitespace', () => '  \n', 'empty'],
    ['a CSV', () => 'First Name,Last Name\nJane,Doe\n', 'notJson'],
    ['invalid UTF-8', () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'notJson'],
    ['a truncated file', (_, text) => text.slice(0, Math.floor(text.length / 2)), 'truncated'],
    ['a file cut one byte short', (_, text) => text.slice(0, -1), 'truncated'],
    [
      'a file cut in the middle of a character (the first byte of a two-byte "é")',
      (_, text) => new TextEncoder().encode(`${text.slice(0, -1)}é`).slice(0, -1),
      'truncated',
    ],
    ['a JSON array', () => '[1,2,3]', 'foreign'],
    ["another app's JSON", () => '{"name":"settings","theme":"dark"}', 'foreign'],
    ['a bare Dexie export', (good) => JSON.stringify(good.dexie), 'foreign'],
    ['a non-numeric marker', (good) => JSON.stringify({ ...good, trustNotesBackup: 'yes' }), 'foreign'],
    ['a newer backup format', (good) => JSON.stringify({ ...good, trustNotesBackup: 2 }), 'formatNewer'],
    [
      'a newer schema',
      (good) => {
        good.dexie.data.databaseVersion = SCHEMA_VERSION + 1;
        return JSON.stringify({ ...good, schemaVersion: SCHEMA_VERSION + 1 });
      },
      'versionNewer',
    ],
    ['an older schema', (good) => JSON.stringify({ ...good, schemaVersion: 0 }), 'versionOlder'],
    [
      'a missing schema version',
      (good) => JSON.stringify({ ...good, schemaVersion: undefined }),
      'structure',
    ],
    [
      'envelope and export versions that disagree',
      (good) => {
        good.dexie.data.databaseVersion = 7;
        return JSON.stringify(good);
      },
      'structure',
    ],
    ['no dexie part', (good) => JSON.stringify({ ...good, dexie: undefined }), 'structure'],
    [
      'a missing table',
      (good) => {
        good.dexie.data.data = good.dexie.data.data.filter(
          (t: { tableName: string }) => t.tableName !== 'notes',
        );
        return JSON.stringify(good);
      },
      'tables',
    ],
    [
      'an unknown table',
      (good) => {
        good.dexie.data.tables.push({ name: 'secrets', schema: 'id', rowCount: 0 });
        return JSON.stringify(good);
      },
      'tables',
    ],
    [
      'a table listed twice',
      (good) => {
        good.dexie.data.data.push(table(good, 'notes'));
        return JSON.stringify(good);
      },
      'tables',
    ],
    [
      'a removed row',
      (good) => {
        table(good, 'people').rows.pop();
        return JSON.stringify(good);
      },
      'countMismatch',
    ],
    [
      'an envelope count that disagrees',
      (good) => JSON.stringify({ ...good, counts: { ...good.counts, notes: 5 } }),
      'countMismatch',
    ],
    [
      'a row without its key',
      (good) => {
        delete table(good, 'sharedWork').rows[0].id;
        return JSON.stringify(good);
      },
      'structure',
    ],
    [
      'a key used twice',
      (good) => {
        const rows = table(good, 'people').rows;
        rows[1].id = rows[0].id;
        return JSON.stringify(good);
      },
      'structure',
    ],
    [
      'a person without a name',
      (good) => {
        table(good, 'people').rows[0].name = 42;
        return JSON.stringify(good);
      },
      'values',
    ],
    ...(
      [
        [
          'a note dated 1e20 (RangeError in every date format)',
          'notes',
          (r: BackupJson) => (r.createdAt = 1e20),
        ],
        ['a person created at NaN', 'people', (r: BackupJson) => (r.createdAt = null)],
        [
          'a flag snoozed until Infinity, as a type mark',
          'flags',
          (r: BackupJson) => (r.$types = { snoozedUntil: 'Infinity' }),
        ],
        ['a shared work of an unknown kind', 'sharedWork', (r: BackupJson) => (r.kind = 'bribe')],
        ['a quality of 7', 'sharedWork', (r: BackupJson) => (r.outcome = { quality: 7 })],
        ['a start date of 2021-02-30', 'sharedWork', (r: BackupJson) => (r.startDate = '2021-02-30')],
        [
          'a connected-on date as a timestamp',
          'people',
          (r: BackupJson) => (r.connectedOn = 1_700_000_000_000),
        ],
        ['a stage that does not exist', 'people', (r: BackupJson) => (r.stage = 'best friend')],
        ['a name of a million characters', 'people', (r: BackupJson) => (r.name = 'x'.repeat(1_000_000))],
        ['a field this version does not know', 'notes', (r: BackupJson) => (r.html = '<b>hi</b>')],
        [
          'a profile whose key is not its site and handle',
          'profiles',
          (r: BackupJson) => (r.key = 'github:someone-else'),
        ],
        ['a note of a person the backup lacks', 'notes', (r: BackupJson) => (r.personId = 'nobody')],
        ['a page’s proposal that is not text', 'profiles', (r: BackupJson) => (r.proposed = { name: 42 })],
        [
          'a proposal of a field no page gives',
          'profiles',
          (r: BackupJson) => (r.declined = { email: 'x@example.com' }),
        ],
        [
          'a flag about shared work the backup lacks',
          'flags',
          (r: BackupJson) => (r.workId = 'no-such-work'),
        ],
        [
          'a bogus language setting (it stopped the badge)',
          'meta',
          (r: BackupJson) => (r.value.language = 'xx'),
        ],
        ['a setting this version does not know', 'meta', (r: BackupJson) => (r.value.theme = 'dark')],
        ['a dormancy of 0 years', 'meta', (r: BackupJson) => (r.value.dormancyYears = 0)],
        ['a meta key this version does not write', 'meta', (r: BackupJson) => (r.key = 'secrets')],
      ] as const
    ).map(([what, name, damage]): [string, (good: BackupJson) => BlobPart, string] => [
      what,
      (good) => {
        const rows = table(good, name).rows;
        damage(name === 'meta' ? rows.find((r: BackupJson) => r.key === 'settings') : rows[0]);
        return JSON.stringify(good);
      },
      'values',
    ]),
    [
      'a damaged middle',
      (_, text) => {
        // Two characters of the envelope's structure overwritten, so the JSON no longer parses.
        const at = text.indexOf(',"dexie":');
        return `${text.slice(0, at)}@@${text.slice(at + 2)}`;
      },
      'truncated',
    ],
  ];

  test.each(cases)('refuses %s', async (_, make, code) => {
    const good = await goodBackupJson();
    const tdb = freshDb();
    await seed(tdb);
    const before = await dump(tdb);
    const result = await validateBackup(tdb, new Blob([make(good, JSON.stringify(good))]));
    expect(result).toMatchObject({ ok: false, error: { code } });
    // A value problem says where it is, so the user can fix or replace the file.
    if (code === 'values')
      expect(result.ok ? '' : result.error.where).toMatch(/^(people|profiles|sharedWork|notes|flags|meta) /);
    expect(await dump(tdb)).toEqual(before);
  });

  test('a failure in the middle of the restore rolls everything back', async () => {
    const tdb = freshDb();
    await seed(tdb);
    const other = freshDb();
    for (let i = 0; i < 50; i++) await createPerson(other, { name: `Person ${i}` });
    const backup = await validated(tdb, await exportBackup(other));
    const before = await dump(tdb);
    let created = 0;
    tdb.people.hook('creating', () => {
      if (++created === 30) throw new Error('quota exceeded');
    });
    const result = await restoreBackup(tdb, backup);
    expect(result).toMatchObject({ ok: false, error: { code: 'restoreFailed' } });
    expect(await dump(tdb)).toEqual(before);
    // The caller's validated backup is untouched, so the restore can be retried.
    expect(backup.dexie.data.data.find((t) => t.tableName === 'people')?.rows).toHaveLength(50);
  });
});

describe('a backup made by version 1 (before the weekly queue)', () => {
  const V1_FILE = readFileSync(join(__dirname, '../../fixtures/backup/v1.json'), 'utf8');
  const v1 = JSON.parse(V1_FILE) as BackupJson;
  const v1Rows = (table: string) =>
    (v1.dexie.data.data as { tableName: string; rows: Record<string, unknown>[] }[]).find(
      (t) => t.tableName === table,
    )!.rows;

  test('is upgraded while it is validated, then restored like any other', async () => {
    const tdb = freshDb();
    const valid = await validated(tdb, new Blob([V1_FILE]));
    expect(valid.schemaVersion).toBe(SCHEMA_VERSION);
    expect(valid.upgradedFrom).toBe(1);
    const restored = await restoreBackup(tdb, valid);
    expect(restored.ok).toBe(true);
    // Dormant flags are gone; the user's dismissal and snooze of them are queue decisions.
    expect(
      await tdb.flags
        .where('kind')
        .equals('dormant' as never)
        .count(),
    ).toBe(0);
    const dormant = v1Rows('flags').filter((flag) => flag.kind === 'dormant');
    const decided = dormant.filter((flag) => flag.state === 'dismissed' || flag.state === 'snoozed');
    const entries = await tdb.queue.toArray();
    expect(entries.map((e) => [e.personId, e.state]).sort()).toEqual(
      decided.map((flag) => [flag.personId, flag.state]).sort(),
    );
    expect(entries.find((e) => e.state === 'snoozed')?.snoozedUntil).toBe(
      decided.find((flag) => flag.state === 'snoozed')?.snoozedUntil,
    );
    // Every other row came through, people with the v2 indexes.
    expect(await tdb.people.count()).toBe(v1Rows('people').length);
    expect(await tdb.flags.count()).toBe(v1Rows('flags').length - dormant.length);
    for (const row of await tdb.people.toArray()) expect(typeof row.untestedSince).toBe('string');
    expect(await tdb.sharedWork.count()).toBe(v1Rows('sharedWork').length);
    expect(await tdb.notes.count()).toBe(v1Rows('notes').length);
  });

  test('ends up exactly as the same data upgraded in a version 1 database', async () => {
    const viaRestore = freshDb();
    const restored = await restoreBackup(viaRestore, await validated(viaRestore, new Blob([V1_FILE])));
    expect(restored.ok).toBe(true);
    const name = `v1-upgrade-${process.pid}-${Math.random()}`;
    const tables = Object.fromEntries(
      ['people', 'profiles', 'sharedWork', 'notes', 'flags', 'meta'].map((table) => [
        table,
        v1Rows(table)
          .map((row) => normaliseRow(row))
          .map((n) => ('row' in n ? n.row : {})),
      ]),
    );
    await buildRawDatabase(name, 1, tables);
    const viaUpgrade = freshDb(name);
    await viaUpgrade.open();
    for (const table of ['people', 'profiles', 'sharedWork', 'notes', 'flags', 'queue', 'messages']) {
      const strip = (rows: Record<string, unknown>[]) =>
        rows
          .map(({ decidedAt: _d, ...row }) => row)
          .sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
      expect(strip(await viaRestore.table(table).toArray()), table).toEqual(
        strip(await viaUpgrade.table(table).toArray()),
      );
    }
  });

  test('a damaged version 1 backup is refused by the version 1 rules, naming the row', async () => {
    const damaged = structuredClone(v1);
    const flags = (damaged.dexie.data.data as { tableName: string; rows: Record<string, unknown>[] }[]).find(
      (t) => t.tableName === 'flags',
    )!.rows;
    flags[0]!.kind = 'sleepy';
    const result = await validateBackup(freshDb(), new Blob([JSON.stringify(damaged)]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('values');
      expect(result.error.where).toContain('kind');
    }
  });
});
