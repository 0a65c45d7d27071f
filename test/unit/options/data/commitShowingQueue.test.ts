// The import's commit shows its first queue on the toolbar badge from the moment its transaction counted it, before
// the commit has landed; a commit that fails after that sets the badge back from the database, and one that fails
// before it never showed anything.
import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { createPerson } from '../../../../src/db/mutations.ts';
import type { QueueBadge } from '../../../../src/db/queue.ts';
import { parseArchiveFile } from '../../../../src/io/archiveParse.ts';
import { archiveWrites, planArchive } from '../../../../src/io/archivePlan.ts';
import { commitShowingQueue } from '../../../../src/options/data/commitShowingQueue.ts';
import { freshDb } from '../../db/testDb.ts';
import { exportZip } from '../../io/archiveFixtures.ts';

async function planned() {
  const tdb = freshDb();
  const parsed = await parseArchiveFile(exportZip(), 'export.zip', { keepMessageText: false });
  if (!parsed.ok) throw new Error(parsed.error.code);
  return { tdb, plan: await planArchive(tdb, parsed.value) };
}

function calls(show: (badge: QueueBadge) => void = () => {}) {
  const events: string[] = [];
  const shown: QueueBadge[] = [];
  return {
    events,
    shown,
    badge: {
      show: async (badge: QueueBadge) => {
        events.push('show');
        shown.push(badge);
        show(badge);
      },
      restore: async () => {
        events.push('restore');
      },
    },
    committed: () => events.push('committed'),
  };
}

test('the badge is set from the moment the commit counted the first queue, before the commit landed', async () => {
  const { tdb, plan } = await planned();
  let during: string | undefined;
  const seen = calls(() => {
    during = Dexie.currentTransaction?.mode;
  });
  const result = await commitShowingQueue(tdb, plan, new Map(), seen.badge, undefined, seen.committed);
  expect(result.ok).toBe(true);
  // Shown from inside the commit's own read-write transaction.
  expect(during).toBe('readwrite');
  expect(seen.events).toEqual(['show', 'committed']);
  expect(seen.shown).toEqual([result.ok && result.value.badge]);
  expect(await tdb.people.count()).toBeGreaterThan(0);
});

test('a commit that fails after the queue was shown sets the badge back from the database', async () => {
  const { tdb, plan } = await planned();
  const seen = calls(() => Dexie.currentTransaction?.abort());
  const result = await commitShowingQueue(tdb, plan, new Map(), seen.badge, undefined, seen.committed);
  expect(result).toMatchObject({ ok: false, error: { code: 'commitFailed' } });
  expect(seen.events).toEqual(['show', 'committed', 'restore']);
  expect(await tdb.people.count()).toBe(0);
});

test('a commit that fails before counting the queue shows nothing and has nothing to set back', async () => {
  const { tdb, plan } = await planned();
  // A recommendation whose id is stored meanwhile under someone else: its add fails after every person was written.
  const writes = archiveWrites(plan, new Map());
  const person = await createPerson(tdb, { name: 'Holder' });
  await tdb.sharedWork.add({ ...writes.works[0]!, personId: person.id });
  plan.fingerprint = {
    ...plan.fingerprint,
    people: plan.fingerprint.people + 1,
    lastUpdatedAt: person.updatedAt,
  };
  plan.knownWorkIds.clear();
  const seen = calls();
  const result = await commitShowingQueue(tdb, plan, new Map(), seen.badge, undefined, seen.committed);
  expect(result).toMatchObject({ ok: false, error: { code: 'commitFailed' } });
  expect(seen.events).toEqual(['committed']);
});
