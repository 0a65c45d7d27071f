import { describe, expect, test, vi } from 'vitest';
import { calendarDate } from '../../../src/core/dates.ts';
import type { Flag, QueueEntry } from '../../../src/core/types.ts';
import {
  acceptPageValue,
  addNote,
  addSharedWork,
  applyFlagChanges,
  createPerson,
  declinePageValue,
  deleteNote,
  deletePerson,
  deleteSharedWork,
  dismissFlag,
  dismissQueued,
  ensurePersonForSnapshot,
  linkProfile,
  mergePeople,
  normaliseTags,
  planFirstTask,
  RecordNotFoundError,
  recordSeenProfile,
  refreshDerivedFields,
  restoreDeleted,
  restoreNote,
  restoreSharedWork,
  setTags,
  snoozeFlag,
  snoozeQueued,
  undismissQueued,
  unlinkProfile,
  updateNote,
  updatePerson,
  updateSharedWork,
} from '../../../src/db/mutations.ts';
import { getPersonRecord } from '../../../src/db/queries.ts';
import { freshDb, freshDbAt, goodSmallTask, snapshot, unpaidProject } from './testDb.ts';

function flag(personId: string, kind: Flag['kind'], extra: Partial<Flag> = {}): Flag {
  return {
    id: `${personId}:${kind}`,
    personId,
    kind,
    state: 'open',
    raisedAt: 1000,
    updatedAt: 1000,
    ...extra,
  };
}

async function tableSizes(tdb: ReturnType<typeof freshDb>) {
  return {
    people: await tdb.people.count(),
    profiles: await tdb.profiles.count(),
    sharedWork: await tdb.sharedWork.count(),
    notes: await tdb.notes.count(),
    flags: await tdb.flags.count(),
  };
}

describe('createPerson', () => {
  test('stores the person with derived fields and marks typed fields as user-edited', async () => {
    const tdb = freshDb();
    const row = await createPerson(tdb, {
      name: '  Fadi Haddad ',
      headline: 'Engineer',
      connectedOn: '2015-06',
      tags: ['client', ' Client ', ''],
    });
    expect(row).toMatchObject({
      name: 'Fadi Haddad',
      stage: 'connected',
      nameWords: ['fadi', 'haddad'],
      nameSort: 'fadi haddad',
      connectedSort: '2015-06',
      lastWorkDate: '',
      fromImportKey: 0,
      tags: ['client'],
    });
    expect([...row.userEdited].sort()).toEqual(['connectedOn', 'headline', 'name']);
    expect(await tdb.people.get(row.id)).toEqual(row);
  });

  test('a first meeting makes the person acquainted', async () => {
    const tdb = freshDb();
    const row = await createPerson(tdb, { name: 'Lina', firstMet: { date: '2015', where: 'Beirut' } });
    expect(row.stage).toBe('acquainted');
  });

  test.each([[''], ['   ']])('rejects the blank name %j', async (name) => {
    const tdb = freshDb();
    await expect(createPerson(tdb, { name })).rejects.toThrow('name');
    expect(await tdb.people.count()).toBe(0);
  });

  test('rejects an unknown introducer', async () => {
    const tdb = freshDb();
    await expect(createPerson(tdb, { name: 'Lina', introducedBy: 'nobody' })).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
  });

  test('returns a native promise, not a Dexie one', () => {
    const tdb = freshDb();
    const result = createPerson(tdb, { name: 'Native' });
    expect(Object.getPrototypeOf(result)).toBe(Promise.prototype);
    return result;
  });
});

describe('updatePerson', () => {
  test('marks changed editable fields as user-edited and re-derives search words', async () => {
    const { tdb, clock } = freshDbAt(Date.UTC(2025, 0, 1));
    const { person } = await ensurePersonForSnapshot(
      tdb,
      snapshot('sam', { name: 'Sam Page', headline: 'CTO' }),
    );
    expect(person.userEdited).toEqual([]);
    clock.advance(1000);
    const updated = await updatePerson(tdb, person.id, { name: 'Samira Nasser', company: 'Acme' });
    expect(updated.userEdited.sort()).toEqual(['company', 'name']);
    expect(updated.nameWords).toEqual(['samira', 'nasser']);
    expect(updated.headline).toBe('CTO');
    expect(updated.createdAt).toBe(Date.UTC(2025, 0, 1));
    expect(updated.updatedAt).toBe(Date.UTC(2025, 0, 1) + 1000);
  });

  test('clearing a field removes it and keeps it user-edited', async () => {
    const tdb = freshDb();
    const { person } = await ensurePersonForSnapshot(tdb, snapshot('sam', { name: 'Sam', headline: 'CTO' }));
    const updated = await updatePerson(tdb, person.id, { headline: undefined });
    expect('headline' in updated).toBe(false);
    expect(updated.userEdited).toEqual(['headline']);
  });

  test('rejects a self introduction and a missing person', async () => {
    const tdb = freshDb();
    const row = await createPerson(tdb, { name: 'Omar' });
    await expect(updatePerson(tdb, row.id, { introducedBy: row.id })).rejects.toThrow('introduce');
    await expect(updatePerson(tdb, 'missing', { headline: 'x' })).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('setTags', () => {
  test('normalises and replaces the tags', async () => {
    const tdb = freshDb();
    const row = await createPerson(tdb, { name: 'Omar', tags: ['old'] });
    const updated = await setTags(tdb, row.id, ['Design', 'design', '  عميل ', '']);
    expect(updated.tags).toEqual(['Design', 'عميل']);
    expect(await tdb.people.where('tags').equals('عميل').primaryKeys()).toEqual([row.id]);
    expect(await tdb.people.where('tags').equals('old').count()).toBe(0);
  });

  test.each([
    [
      ['a', 'A', 'b'],
      ['a', 'b'],
    ],
    [[' x ', 'x'], ['x']],
    [['', '  '], []],
  ])('normaliseTags(%j) = %j', (input, expected) => {
    expect(normaliseTags(input)).toEqual(expected);
  });
});

describe('shared work', () => {
  test('adding work recomputes stage and last work date', async () => {
    const tdb = freshDb();
    const row = await createPerson(tdb, { name: 'Rana' });
    const work = await addSharedWork(tdb, row.id, goodSmallTask);
    expect(work).toMatchObject({ ...goodSmallTask, personId: row.id });
    const after = await tdb.people.get(row.id);
    expect(after).toMatchObject({ stage: 'tested', lastWorkDate: '2020-04-15' });

    await addSharedWork(tdb, row.id, unpaidProject);
    expect(await tdb.people.get(row.id)).toMatchObject({ stage: 'caution', lastWorkDate: '2021-02-01' });
  });

  test('planned work does not count as the last work', async () => {
    const tdb = freshDb();
    const row = await createPerson(tdb, { name: 'Rana' });
    await addSharedWork(tdb, row.id, {
      kind: 'trial',
      direction: 'together',
      status: 'planned',
      startDate: '2099',
    });
    expect((await tdb.people.get(row.id))?.lastWorkDate).toBe('');
  });

  test('update re-derives, and restoring the previous version undoes it', async () => {
    const tdb = freshDb();
    const row = await createPerson(tdb, { name: 'Rana' });
    const work = await addSharedWork(tdb, row.id, goodSmallTask);
    const { work: changed, previous } = await updateSharedWork(tdb, work.id, {
      outcome: { quality: 1, reliability: 'missed' },
    });
    expect(changed.outcome).toEqual({ quality: 1, reliability: 'missed' });
    expect(previous).toEqual(work);
    expect((await tdb.people.get(row.id))?.stage).toBe('caution');

    await restoreSharedWork(tdb, { work: previous, flags: [] });
    expect(await tdb.sharedWork.get(work.id)).toEqual(work);
    expect((await tdb.people.get(row.id))?.stage).toBe('tested');
  });

  test('delete removes the work and its flags; restore brings both back', async () => {
    const tdb = freshDb();
    const row = await createPerson(tdb, { name: 'Rana' });
    const work = await addSharedWork(tdb, row.id, unpaidProject);
    const workFlag = flag(row.id, 'paymentOverdue', {
      id: `${row.id}:paymentOverdue:${work.id}`,
      workId: work.id,
    });
    const otherFlag = flag(row.id, 'vouchWithoutWork');
    await applyFlagChanges(tdb, [workFlag, otherFlag]);

    const deleted = await deleteSharedWork(tdb, work.id);
    expect(deleted).toEqual({ work, flags: [workFlag] });
    expect(await tdb.sharedWork.count()).toBe(0);
    expect(await tdb.flags.toArray()).toEqual([otherFlag]);
    expect((await tdb.people.get(row.id))?.stage).toBe('connected');

    await restoreSharedWork(tdb, deleted!);
    expect(await tdb.sharedWork.get(work.id)).toEqual(work);
    expect(await tdb.flags.get(workFlag.id)).toEqual(workFlag);
    expect((await tdb.people.get(row.id))?.stage).toBe('caution');
  });

  test('work for a missing person is refused', async () => {
    const tdb = freshDb();
    await expect(addSharedWork(tdb, 'ghost', goodSmallTask)).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await tdb.sharedWork.count()).toBe(0);
  });
});

describe('notes', () => {
  test('add, update, delete and restore', async () => {
    const tdb = freshDb();
    const row = await createPerson(tdb, { name: 'Maya' });
    const note = await addNote(tdb, row.id, 'Met at the <b>meetup</b> 🎉');
    expect(await tdb.notes.get(note.id)).toEqual(note);
    const updated = await updateNote(tdb, note.id, 'ملاحظة');
    expect(updated).toMatchObject({ id: note.id, text: 'ملاحظة', createdAt: note.createdAt });
    const deleted = await deleteNote(tdb, note.id);
    expect(deleted).toEqual(updated);
    expect(await tdb.notes.count()).toBe(0);
    await restoreNote(tdb, deleted!);
    expect(await tdb.notes.get(note.id)).toEqual(updated);
  });

  test('blank notes are refused', async () => {
    const tdb = freshDb();
    const row = await createPerson(tdb, { name: 'Maya' });
    await expect(addNote(tdb, row.id, '  ')).rejects.toThrow('text');
  });
});

describe('deletePerson', () => {
  test('cascades to every table, clears introductions, and restoreDeleted undoes all of it', async () => {
    const tdb = freshDb();
    const target = await createPerson(tdb, { name: 'زياد الأحمد 🚀', tags: ['client'] });
    const keepOther = await createPerson(tdb, { name: 'Other' });
    const introduced = await createPerson(tdb, { name: 'Introduced', introducedBy: target.id });
    await linkProfile(tdb, target.id, snapshot('ziad'));
    await linkProfile(tdb, target.id, {
      site: 'github',
      key: 'github:ziad',
      handle: 'ziad',
      url: 'https://github.com/ziad',
    });
    await linkProfile(tdb, keepOther.id, snapshot('other'));
    const work = await addSharedWork(tdb, target.id, goodSmallTask);
    await addSharedWork(tdb, keepOther.id, goodSmallTask);
    const note = await addNote(tdb, target.id, 'note');
    await applyFlagChanges(tdb, [flag(target.id, 'stalled'), flag(keepOther.id, 'vouchWithoutWork')]);
    const before = await getPersonRecord(tdb, target.id);
    const introducedBefore = await tdb.people.get(introduced.id);

    const deleted = await deletePerson(tdb, target.id);
    expect(deleted.person.id).toBe(target.id);
    expect(deleted.profiles.map((p) => p.key).sort()).toEqual(['github:ziad', 'linkedin:ziad']);
    expect(deleted.works.map((w) => w.id)).toEqual([work.id]);
    expect(deleted.notes.map((n) => n.id)).toEqual([note.id]);
    expect(deleted.flags.map((f) => f.id)).toEqual([`${target.id}:stalled`]);
    expect(deleted.introduced).toEqual([introduced.id]);
    expect(await tableSizes(tdb)).toEqual({ people: 2, profiles: 1, sharedWork: 1, notes: 0, flags: 1 });
    expect((await tdb.people.get(introduced.id))?.introducedBy).toBeUndefined();
    expect(await getPersonRecord(tdb, keepOther.id)).toMatchObject({ profiles: [{ key: 'linkedin:other' }] });

    await restoreDeleted(tdb, deleted);
    const after = await getPersonRecord(tdb, target.id);
    expect({ ...after, person: { ...after?.person, updatedAt: 0 } }).toEqual({
      ...before,
      person: { ...before?.person, updatedAt: 0 },
    });
    expect((await tdb.people.get(introduced.id))?.introducedBy).toBe(introducedBefore?.introducedBy);
    expect(await tableSizes(tdb)).toEqual({ people: 3, profiles: 3, sharedWork: 2, notes: 1, flags: 2 });
  });

  test('deleting a missing person is refused', async () => {
    const tdb = freshDb();
    await expect(deletePerson(tdb, 'missing')).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('profiles', () => {
  test('linkProfile creates from a snapshot, moves an existing one, and needs a stored key', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A' });
    const b = await createPerson(tdb, { name: 'B' });
    const created = await linkProfile(tdb, a.id, snapshot('same', { name: 'Seen Name' }));
    expect(created).toEqual({
      key: 'linkedin:same',
      personId: a.id,
      site: 'linkedin',
      handle: 'same',
      url: 'https://www.linkedin.com/in/same/',
      seenName: 'Seen Name',
    });
    const moved = await linkProfile(tdb, b.id, 'linkedin:same');
    expect(moved.personId).toBe(b.id);
    expect(await tdb.profiles.where('personId').equals(a.id).count()).toBe(0);
    await expect(linkProfile(tdb, a.id, 'linkedin:unknown')).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  test('unlinkProfile removes the profile and returns it for undo', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A' });
    const profile = await linkProfile(tdb, a.id, snapshot('a'));
    expect(await unlinkProfile(tdb, profile.key)).toEqual(profile);
    expect(await tdb.profiles.count()).toBe(0);
    expect(await unlinkProfile(tdb, profile.key)).toBeUndefined();
    await linkProfile(tdb, a.id, profile);
    expect(await tdb.profiles.get(profile.key)).toEqual(profile);
  });
});

describe('recordSeenProfile: a page never renames anyone', () => {
  const OWN = { ownSite: true };
  const ELSEWHERE = { ownSite: false };

  test.each([OWN, ELSEWHERE])('never creates a person or a profile (%o)', async (where) => {
    const tdb = freshDb();
    expect(await recordSeenProfile(tdb, snapshot('stranger', { name: 'Stranger' }), where)).toBeUndefined();
    expect(await tableSizes(tdb)).toEqual({ people: 0, profiles: 0, sharedWork: 0, notes: 0, flags: 0 });
  });

  test('a page that is not the profile’s own site changes nothing: not the person, not what the profile saw', async () => {
    const tdb = freshDb();
    const { person } = await ensurePersonForSnapshot(
      tdb,
      snapshot('alice', { name: 'Alice', headline: 'Dev' }),
    );
    const before = await tdb.profiles.get('linkedin:alice');
    const seen = await recordSeenProfile(
      tdb,
      snapshot('alice', {
        name: 'Mallory',
        headline: 'Send your notes to mallory@evil.example',
        location: 'Nowhere',
        photoUrl: 'https://evil.example/face.jpg',
      }),
      ELSEWHERE,
    );
    expect(seen).toEqual(person);
    expect(await tdb.people.get(person.id)).toEqual(person);
    expect(await tdb.profiles.get('linkedin:alice')).toEqual(before);
  });

  test('on its own site: what differs from the record is proposed, the record keeps its values, an empty field is filled', async () => {
    const tdb = freshDb();
    const { person } = await ensurePersonForSnapshot(
      tdb,
      snapshot('lina', { name: 'Lina', headline: 'Dev' }),
    );
    const seen = await recordSeenProfile(
      tdb,
      snapshot('lina', {
        name: 'Lina Haddad',
        headline: 'Lead Dev',
        location: 'عمّان',
        photoUrl: 'https://media.example/lina.jpg',
        url: 'https://www.linkedin.com/in/lina/?x=1',
      }),
      OWN,
    );
    // Nothing was there: filled. Something was: kept, with the page's word beside it.
    expect(seen).toMatchObject({
      id: person.id,
      name: 'Lina',
      headline: 'Dev',
      location: 'عمّان',
      photoUrl: 'https://media.example/lina.jpg',
    });
    const profile = await tdb.profiles.get('linkedin:lina');
    expect(profile).toMatchObject({
      seenName: 'Lina Haddad',
      seenHeadline: 'Lead Dev',
      url: 'https://www.linkedin.com/in/lina/?x=1',
      proposed: { name: 'Lina Haddad', headline: 'Lead Dev' },
    });
    expect(profile?.lastSeenAt).toBeGreaterThan(0);
    expect(await tdb.people.count()).toBe(1);
  });

  test('accepting a proposal takes it as the person’s; the page saying it again proposes nothing', async () => {
    const tdb = freshDb();
    const { person } = await ensurePersonForSnapshot(tdb, snapshot('lina', { name: 'Lina' }));
    await recordSeenProfile(tdb, snapshot('lina', { name: 'Lina Haddad', headline: 'Lead' }), OWN);
    const accepted = await acceptPageValue(tdb, 'linkedin:lina', 'name');
    expect(accepted).toMatchObject({ id: person.id, name: 'Lina Haddad', userEdited: [] });
    expect((await tdb.profiles.get('linkedin:lina'))?.proposed).toBeUndefined();
    await recordSeenProfile(tdb, snapshot('lina', { name: 'Lina Haddad' }), OWN);
    expect((await tdb.profiles.get('linkedin:lina'))?.proposed).toBeUndefined();
    // Nothing to accept: nothing changes.
    expect(await acceptPageValue(tdb, 'linkedin:lina', 'name')).toBeUndefined();
  });

  test('declining keeps the record; the same words are not proposed again, new ones are', async () => {
    const tdb = freshDb();
    const { person } = await ensurePersonForSnapshot(tdb, snapshot('omar', { name: 'Omar' }));
    await recordSeenProfile(tdb, snapshot('omar', { name: 'Omar H.' }), OWN);
    await declinePageValue(tdb, 'linkedin:omar', 'name');
    expect(await tdb.profiles.get('linkedin:omar')).toMatchObject({ declined: { name: 'Omar H.' } });
    expect((await tdb.profiles.get('linkedin:omar'))?.proposed).toBeUndefined();
    await recordSeenProfile(tdb, snapshot('omar', { name: 'Omar H.' }), OWN);
    expect((await tdb.profiles.get('linkedin:omar'))?.proposed).toBeUndefined();
    await recordSeenProfile(tdb, snapshot('omar', { name: 'Omar Haddad' }), OWN);
    expect((await tdb.profiles.get('linkedin:omar'))?.proposed).toEqual({ name: 'Omar Haddad' });
    expect((await tdb.people.get(person.id))?.name).toBe('Omar');
  });

  test('the page agreeing with the record again takes its proposal back', async () => {
    const tdb = freshDb();
    await ensurePersonForSnapshot(tdb, snapshot('sam', { name: 'Sam', headline: 'PM' }));
    await recordSeenProfile(tdb, snapshot('sam', { name: 'Samuel' }), OWN);
    await recordSeenProfile(tdb, snapshot('sam', { name: 'Sam' }), OWN);
    expect((await tdb.profiles.get('linkedin:sam'))?.proposed).toBeUndefined();
  });

  test.each(['name', 'headline', 'location'] as const)(
    'a %s the user typed stands: nothing proposed',
    async (field) => {
      const tdb = freshDb();
      const { person } = await ensurePersonForSnapshot(tdb, snapshot('x', { name: 'X' }));
      await updatePerson(tdb, person.id, { [field]: 'typed' });
      const seen = await recordSeenProfile(tdb, snapshot('x', { [field]: 'from page' }), OWN);
      expect(seen?.[field]).toBe('typed');
      expect((await tdb.profiles.get('linkedin:x'))?.proposed).toBeUndefined();
    },
  );

  test('a field the page did not give (a name spelled from the address) is neither proposed nor seen', async () => {
    const tdb = freshDb();
    const { person } = await ensurePersonForSnapshot(
      tdb,
      snapshot('jane-doe-1a2b3c', { name: 'Jane Q. Doe', headline: 'Engineer' }),
    );
    const seen = await recordSeenProfile(
      tdb,
      snapshot('jane-doe-1a2b3c', {
        name: 'Jane Doe',
        headline: 'Principal engineer',
        reading: { sources: { name: 'slug', headline: 'afterName' }, missing: ['name', 'location'] },
      }),
      OWN,
    );
    expect(seen).toMatchObject({ id: person.id, name: 'Jane Q. Doe', headline: 'Engineer' });
    const profile = await tdb.profiles.get('linkedin:jane-doe-1a2b3c');
    expect(profile).toMatchObject({ seenName: 'Jane Q. Doe', proposed: { headline: 'Principal engineer' } });
  });

  test('page strings are trimmed and capped, and a blank page value proposes nothing', async () => {
    const tdb = freshDb();
    await ensurePersonForSnapshot(tdb, snapshot('x', { name: 'X', headline: 'Kept' }));
    await recordSeenProfile(tdb, snapshot('x', { name: `  ${'n'.repeat(5000)}  `, headline: '   ' }), OWN);
    expect((await tdb.profiles.get('linkedin:x'))?.proposed).toEqual({ name: 'n'.repeat(500) });
  });

  test('a visit that changes nothing writes nothing (the same work as for a stranger, after the first)', async () => {
    const tdb = freshDb();
    await ensurePersonForSnapshot(tdb, snapshot('x', { name: 'X' }));
    await recordSeenProfile(tdb, snapshot('x', { name: 'X' }), OWN);
    const put = vi.spyOn(tdb.profiles, 'put');
    await recordSeenProfile(tdb, snapshot('x', { name: 'X' }), OWN);
    expect(put).not.toHaveBeenCalled();
  });

  test('a hostile name is stored as plain text', async () => {
    const tdb = freshDb();
    const name = '<img src=x onerror=alert(1)>';
    const { person } = await ensurePersonForSnapshot(tdb, snapshot('x', { name }));
    expect(person.name).toBe(name);
  });
});

describe('ensurePersonForSnapshot', () => {
  test('creates the person and profile once, from page values not marked as typed', async () => {
    const tdb = freshDb();
    const snap = snapshot('new', { name: 'فادى حداد', headline: 'مهندس', location: 'Cairo' });
    const first = await ensurePersonForSnapshot(tdb, snap);
    expect(first.created).toBe(true);
    expect(first.person).toMatchObject({
      name: 'فادى حداد',
      headline: 'مهندس',
      location: 'Cairo',
      userEdited: [],
      nameWords: ['فادي', 'حداد'],
    });
    expect(await tdb.profiles.get(snap.key)).toMatchObject({
      personId: first.person.id,
      seenName: 'فادى حداد',
    });
    const second = await ensurePersonForSnapshot(tdb, snap);
    expect(second).toEqual({ person: first.person, created: false });
    expect(await tdb.people.count()).toBe(1);
  });

  test('falls back to the handle when the page shows no name', async () => {
    const tdb = freshDb();
    const { person } = await ensurePersonForSnapshot(tdb, snapshot('jane-doe-123'));
    expect(person.name).toBe('jane-doe-123');
  });
});

describe('mergePeople', () => {
  test('moves every record, unites tags, keeps typed fields and fills blanks, deletes the merged person', async () => {
    const tdb = freshDb();
    const keep = await createPerson(tdb, {
      name: 'Fadi Haddad',
      company: 'Acme',
      tags: ['client', 'Beirut'],
    });
    const { person: merge } = await ensurePersonForSnapshot(
      tdb,
      snapshot('fadi', { name: 'Fadi H.', headline: 'Designer', location: 'Beirut' }),
    );
    await updatePerson(tdb, merge.id, { position: 'Lead', company: 'Other Co' });
    await setTags(tdb, merge.id, ['beirut', 'design']);
    const third = await createPerson(tdb, { name: 'Third', introducedBy: merge.id });
    await updatePerson(tdb, merge.id, { introducedBy: third.id, email: 'fadi@example.com' });
    await linkProfile(tdb, keep.id, {
      site: 'github',
      key: 'github:fadi',
      handle: 'fadi',
      url: 'https://github.com/fadi',
    });
    const keepWork = await addSharedWork(tdb, keep.id, goodSmallTask);
    const mergeWork = await addSharedWork(tdb, merge.id, {
      ...goodSmallTask,
      startDate: '2022',
      endDate: '2022',
    });
    const mergeNote = await addNote(tdb, merge.id, 'from merged');
    await applyFlagChanges(tdb, [
      flag(keep.id, 'stalled', { state: 'dismissed' }),
      flag(merge.id, 'stalled'),
      flag(merge.id, 'paymentOverdue', {
        id: `${merge.id}:paymentOverdue:${mergeWork.id}`,
        workId: mergeWork.id,
      }),
    ]);

    const merged = await mergePeople(tdb, keep.id, merge.id);

    expect(await tdb.people.get(merge.id)).toBeUndefined();
    expect(merged).toMatchObject({
      id: keep.id,
      name: 'Fadi Haddad',
      company: 'Acme',
      position: 'Lead',
      headline: 'Designer',
      location: 'Beirut',
      email: 'fadi@example.com',
      introducedBy: third.id,
      tags: ['client', 'Beirut', 'design'],
      stage: 'proven',
      lastWorkDate: '2022',
      createdAt: keep.createdAt,
    });
    expect(merged.userEdited.sort()).toEqual(['company', 'name', 'position']);
    const record = await getPersonRecord(tdb, keep.id);
    expect(record?.profiles.map((p) => p.key).sort()).toEqual(['github:fadi', 'linkedin:fadi']);
    expect(record?.works.map((w) => w.id)).toEqual([mergeWork.id, keepWork.id]);
    expect(record?.notes.map((n) => n.id)).toEqual([mergeNote.id]);
    expect(record?.flags.map((f) => [f.id, f.state]).sort()).toEqual([
      [`${keep.id}:paymentOverdue:${mergeWork.id}`, 'open'],
      [`${keep.id}:stalled`, 'dismissed'],
    ]);
    expect((await tdb.people.get(third.id))?.introducedBy).toBe(keep.id);
    expect(await tableSizes(tdb)).toEqual({ people: 2, profiles: 2, sharedWork: 2, notes: 1, flags: 2 });
    expect(await tdb.flags.where('personId').equals(merge.id).count()).toBe(0);
  });

  test('a reference between the two people does not survive as a self reference', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A' });
    const b = await createPerson(tdb, { name: 'B', introducedBy: a.id });
    await updatePerson(tdb, a.id, { introducedBy: b.id });
    const merged = await mergePeople(tdb, a.id, b.id);
    expect(merged.introducedBy).toBeUndefined();
  });

  test('the result is from an import only when both were', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A', fromImport: true });
    const b = await createPerson(tdb, { name: 'B' });
    const merged = await mergePeople(tdb, a.id, b.id);
    expect(merged.fromImport).toBeUndefined();
    expect(merged.fromImportKey).toBe(0);
  });

  test('refuses merging a person into themselves or a missing person, changing nothing', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A' });
    await expect(mergePeople(tdb, a.id, a.id)).rejects.toThrow('themselves');
    await expect(mergePeople(tdb, a.id, 'missing')).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await tdb.people.get(a.id)).toEqual(a);
  });
});

describe('flags', () => {
  test('snooze and dismiss', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A' });
    await applyFlagChanges(tdb, [flag(a.id, 'vouchWithoutWork')]);
    const snoozed = await snoozeFlag(tdb, `${a.id}:vouchWithoutWork`, 5000);
    expect(snoozed).toMatchObject({ state: 'snoozed', snoozedUntil: 5000 });
    const dismissed = await dismissFlag(tdb, `${a.id}:vouchWithoutWork`);
    expect(dismissed.state).toBe('dismissed');
    expect('snoozedUntil' in dismissed).toBe(false);
    await expect(dismissFlag(tdb, 'nope')).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  test('a snooze without an end is kept until the user acts, as in core', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A' });
    await applyFlagChanges(tdb, [flag(a.id, 'stalled', { state: 'snoozed' })]);
    expect(await applyFlagChanges(tdb, [flag(a.id, 'stalled')])).toBe(0);
    expect((await tdb.flags.get(`${a.id}:stalled`))?.state).toBe('snoozed');
  });

  test('applyFlagChanges keeps the user decision, closes and removes flags, and drops flags of deleted people', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A' });
    const future = Date.now() + 86_400_000;
    await applyFlagChanges(tdb, [
      flag(a.id, 'vouchWithoutWork', { state: 'dismissed' }),
      flag(a.id, 'stalled', { state: 'snoozed', snoozedUntil: future }),
      flag(a.id, 'followUpDue', { state: 'snoozed', snoozedUntil: 1 }),
      flag(a.id, 'paymentOverdue'),
    ]);
    const written = await applyFlagChanges(
      tdb,
      [
        flag(a.id, 'vouchWithoutWork'),
        flag(a.id, 'stalled'),
        flag(a.id, 'followUpDue', { raisedAt: 2000 }),
        flag('deleted-person', 'vouchWithoutWork'),
      ],
      [`${a.id}:paymentOverdue`],
    );
    expect(written).toBe(2);
    const states = Object.fromEntries((await tdb.flags.toArray()).map((f) => [f.kind, f.state]));
    expect(states).toEqual({ vouchWithoutWork: 'dismissed', stalled: 'snoozed', followUpDue: 'open' });

    await applyFlagChanges(tdb, [flag(a.id, 'vouchWithoutWork', { state: 'closed' })]);
    expect((await tdb.flags.get(`${a.id}:vouchWithoutWork`))?.state).toBe('closed');
  });
});

describe('refreshDerivedFields', () => {
  test('rewrites only rows whose derived fields went stale', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A' });
    await createPerson(tdb, { name: 'B' });
    await addSharedWork(tdb, a.id, goodSmallTask);
    // Simulate a row derived before its work counted (e.g. the work was dated in the future then).
    await tdb.people.update(a.id, { stage: 'acquainted', lastWorkDate: '' });
    expect(await refreshDerivedFields(tdb)).toBe(1);
    expect(await tdb.people.get(a.id)).toMatchObject({ stage: 'tested', lastWorkDate: '2020-04-15' });
    expect(await refreshDerivedFields(tdb, [a.id])).toBe(0);
  });
});

describe('the weekly queue and archive records of a person', () => {
  const entry = (personId: string, state: QueueEntry['state'] = 'queued'): QueueEntry => ({
    id: personId,
    personId,
    state,
    queuedAt: 1,
    reasons: [{ code: 'untestedYears', years: 4 }],
    step: 'proposeSmallTask',
  });

  test('a visit records the day once, as a sign of interest the warmth counts', async () => {
    const { tdb, clock } = freshDbAt(Date.UTC(2025, 5, 3, 12));
    const a = await createPerson(tdb, { name: 'A', connectedOn: '2015' });
    await linkProfile(tdb, a.id, snapshot('a-1'));
    clock.advance(1000);
    const seen = await recordSeenProfile(tdb, snapshot('a-1'), { ownSite: true });
    expect(seen?.lastVisitedOn).toBe(calendarDate(new Date(Date.UTC(2025, 5, 3, 12))));
    expect(seen?.updatedAt).toBe(Date.UTC(2025, 5, 3, 12) + 1000);
    // The same day again, an hour on, writes nothing new.
    clock.advance(3_600_000);
    expect((await recordSeenProfile(tdb, snapshot('a-1'), { ownSite: true }))?.updatedAt).toBe(
      seen?.updatedAt,
    );
  });

  test('snooze, dismiss, undismiss and planned a task', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A', connectedOn: '2015' });
    await tdb.queue.put(entry(a.id));
    expect(await snoozeQueued(tdb, a.id, 5000)).toMatchObject({ state: 'snoozed', snoozedUntil: 5000 });
    expect(await dismissQueued(tdb, a.id)).toMatchObject({ state: 'dismissed' });
    expect((await tdb.queue.get(a.id))?.snoozedUntil).toBeUndefined();
    await undismissQueued(tdb, a.id);
    expect(await tdb.queue.get(a.id)).toBeUndefined();
    await tdb.queue.put(entry(a.id));
    const work = await planFirstTask(tdb, a.id, {
      kind: 'volunteer',
      direction: 'together',
      status: 'planned',
    });
    expect(work).toMatchObject({ personId: a.id, kind: 'volunteer', status: 'planned' });
    expect(await tdb.queue.get(a.id)).toMatchObject({ state: 'started', startedAt: expect.any(Number) });
    // Planned work is a step taken: no longer untested, so out of the queue's index.
    const row = await tdb.people.get(a.id);
    expect(row?.untestedSince).toBe('');
    expect(row?.queueRank).toBeUndefined();
    await expect(snoozeQueued(tdb, 'nobody', 1)).rejects.toThrow(RecordNotFoundError);
  });

  test('delete takes the queue entry and kept messages, and undo brings them back', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A', connectedOn: '2015' });
    await tdb.queue.put(entry(a.id, 'dismissed'));
    await tdb.messages.put({ id: 'm1', personId: a.id, date: '2020-01-01', fromMe: true, text: 'hello' });
    const deleted = await deletePerson(tdb, a.id);
    expect(await tdb.queue.count()).toBe(0);
    expect(await tdb.messages.count()).toBe(0);
    await restoreDeleted(tdb, deleted);
    expect((await tdb.queue.get(a.id))?.state).toBe('dismissed');
    expect((await tdb.messages.get('m1'))?.personId).toBe(a.id);
  });

  test("merge moves kept messages, keeps the kept person's queue decision, else takes the other's", async () => {
    const tdb = freshDb();
    const keep = await createPerson(tdb, { name: 'Keep' });
    const other = await createPerson(tdb, { name: 'Other', connectedOn: '2012' });
    await tdb.queue.put(entry(other.id, 'dismissed'));
    await tdb.messages.put({ id: 'm1', personId: other.id, date: '2020-01-01', fromMe: false, text: 'hi' });
    await mergePeople(tdb, keep.id, other.id);
    expect((await tdb.messages.get('m1'))?.personId).toBe(keep.id);
    expect(await tdb.queue.get(keep.id)).toMatchObject({
      id: keep.id,
      personId: keep.id,
      state: 'dismissed',
    });
    expect(await tdb.queue.get(other.id)).toBeUndefined();

    const third = await createPerson(tdb, { name: 'Third' });
    await tdb.queue.put(entry(third.id, 'snoozed'));
    await mergePeople(tdb, keep.id, third.id);
    expect((await tdb.queue.get(keep.id))?.state).toBe('dismissed');
    expect(await tdb.queue.count()).toBe(1);
  });
});
