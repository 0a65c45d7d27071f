// Generated backups, valid and corrupted, against the real restore and the real pages: each backup is either
// refused with a message the user can read, or restored, after which every page's components render every
// record without any part failing. (A note dated 1e20 used to restore and then throw RangeError in every date
// format, blanking that person's record and panel for good.)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, waitFor } from '@testing-library/preact';
import fc from 'fast-check';
import { Component, type ComponentChildren } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => {
  const { fakeBrowser } = await import('../ui/fakeBrowser.ts');
  return {
    default: {
      ...fakeBrowser,
      action: { getBadgeText: async () => '' },
      runtime: { ...fakeBrowser.runtime, sendMessage: async () => ({ ok: true, value: {} }) },
    },
  };
});

const { SITES } = await import('../../../src/core/identity.ts');
const { DIRECTIONS, WORK_KINDS } = await import('../../../src/core/types.ts');
const { FLAG_KINDS } = await import('../../../src/core/flags.ts');
const { db } = await import('../../../src/db/database.ts');
const { derivePersonRow } = await import('../../../src/db/personRow.ts');
const { exportBackup, restoreBackup, validateBackup } = await import('../../../src/io/backup.ts');
const { PersonRecord } = await import('../../../src/options/person/PersonRecord.tsx');
const { NetworkView } = await import('../../../src/options/network/NetworkView.tsx');
const { PeopleView } = await import('../../../src/options/people/PeopleView.tsx');
const { DEFAULT_FILTERS } = await import('../../../src/options/people/peopleFilters.ts');
const { UndoProvider } = await import('../../../src/options/undo.tsx');
const { PopupApp } = await import('../../../src/popup/PopupApp.tsx');
const { ExpandedPanel } = await import('../../../src/panel/ExpandedPanel.tsx');
const { recordForProfile } = await import('../../../src/ui/data/profileRecord.ts');
const { freshDb } = await import('../db/testDb.ts');

import type { Flag, Note, Person, Profile, SharedWork } from '../../../src/core/types.ts';

afterEach(cleanup);

const catalogs = Object.fromEntries(
  ['en', 'ar'].map((lang) => [
    lang,
    JSON.parse(
      readFileSync(join(__dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8'),
    ) as Record<string, { message: string }>,
  ]),
);

// ---------------------------------------------------------------------------------------------------
// Valid ledgers: every field the types allow, at the edges of what the schema accepts.

const MAX_MS = 8.64e15;
const millis = fc.oneof(
  fc.integer({ min: 1_262_304_000_000, max: 1_900_000_000_000 }),
  fc.constantFrom(0, MAX_MS, -MAX_MS, 1),
);
const partialDate = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .chain(([y, m, d]) => {
    const yyyy = String(y).padStart(4, '0');
    const mm = String(m).padStart(2, '0');
    return fc.constantFrom(yyyy, `${yyyy}-${mm}`, `${yyyy}-${mm}-${String(d).padStart(2, '0')}`);
  });
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom('أمل الحسيني', '<img src=x onerror=alert(1)>', '李小龍 🐉', ' ', '\u202e'),
);
const opt = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Drops undefined properties, as the app's writes do. */
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

interface Ledger {
  people: Person[];
  profiles: Profile[];
  works: SharedWork[];
  notes: Note[];
  flags: Flag[];
  settings: Record<string, unknown>;
}

const ledger: fc.Arbitrary<Ledger> = fc.integer({ min: 1, max: 3 }).chain((count) => {
  const ids = Array.from({ length: count }, (_, i) => `p${i}`);
  const personId = fc.constantFrom(...ids);
  const person = (id: string) =>
    fc
      .record({
        name: text.filter((s) => s.trim() !== ''),
        headline: opt(text),
        company: opt(text),
        connectedOn: opt(partialDate),
        firstMet: opt(
          fc.record({ date: opt(partialDate), where: opt(text), context: opt(text) }).map(compact),
        ),
        introducedBy: opt(personId),
        tags: fc.array(text, { maxLength: 3 }),
        fromImport: opt(fc.boolean()),
        createdAt: millis,
        updatedAt: millis,
      })
      .map((p) => compact({ ...p, id, userEdited: [] }) as Person);
  const work = fc
    .record({
      id: fc.uuid(),
      personId,
      kind: fc.constantFrom(...WORK_KINDS),
      direction: fc.constantFrom(...DIRECTIONS),
      status: fc.constantFrom('planned', 'inProgress', 'done', 'abandoned' as const),
      title: opt(text),
      startDate: opt(partialDate),
      endDate: opt(partialDate),
      outcome: opt(
        fc
          .record({
            quality: opt(fc.constantFrom(1, 2, 3, 4, 5 as const)),
            reliability: opt(fc.constantFrom('onTime', 'late', 'missed' as const)),
            payment: opt(
              fc
                .record({
                  status: fc.constantFrom('pending', 'onTime', 'late', 'unpaid' as const),
                  lateDays: opt(fc.integer({ min: 0, max: 36_500 })),
                  dueDate: opt(partialDate),
                })
                .map(compact),
            ),
            wouldWorkAgain: opt(fc.constantFrom('yes', 'no', 'unsure' as const)),
          })
          .map(compact),
      ),
      note: opt(text),
      createdAt: millis,
      updatedAt: millis,
    })
    .map((w) => compact(w) as SharedWork);
  return fc
    .record({
      people: fc.tuple(...ids.map(person)),
      handles: fc.uniqueArray(
        fc.tuple(fc.constantFrom(...SITES), fc.stringMatching(/^[a-z0-9-]{1,12}$/), personId),
        {
          maxLength: 4,
          selector: ([site, handle]) => `${site}:${handle}`,
        },
      ),
      works: fc.uniqueArray(work, { maxLength: 5, selector: (w) => w.id }),
      notes: fc.array(fc.record({ personId, text, createdAt: millis, updatedAt: millis }), { maxLength: 3 }),
      flags: fc.array(
        fc.record({
          personId,
          kind: fc.constantFrom(...FLAG_KINDS),
          state: fc.constantFrom('open', 'snoozed', 'dismissed', 'closed' as const),
          raisedAt: millis,
          snoozedUntil: opt(millis),
          updatedAt: millis,
          aboutWork: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
      settings: fc
        .record({
          dormancyYears: opt(fc.integer({ min: 1, max: 30 })),
          digestWeekday: opt(fc.integer({ min: 0, max: 6 })),
          enabledSites: opt(fc.uniqueArray(fc.constantFrom(...SITES))),
          language: opt(fc.constantFrom('auto', 'en', 'ar')),
        })
        .map(compact),
    })
    .map(({ people, handles, works, notes, flags, settings }) => ({
      people: people.map((p) => (p.introducedBy === p.id ? compact({ ...p, introducedBy: undefined }) : p)),
      profiles: handles.map(([site, handle, owner]) => ({
        key: `${site}:${handle}`,
        personId: owner,
        site,
        handle,
        url: `https://example.com/${handle}`,
      })),
      works,
      notes: notes.map((n, i) => ({ ...n, id: `n${i}` })),
      flags: flags.map(({ aboutWork, ...f }, i) => {
        const work = aboutWork ? works.find((w) => w.personId === f.personId) : undefined;
        return compact({ ...f, id: `f${i}`, workId: work?.id });
      }),
      settings,
    }));
});

async function backupJson(data: Ledger): Promise<Record<string, unknown>> {
  const source = freshDb();
  const now = new Date();
  await source.people.bulkPut(
    data.people.map((p) =>
      derivePersonRow(
        p,
        data.works.filter((w) => w.personId === p.id),
        now,
      ),
    ),
  );
  await source.profiles.bulkPut(data.profiles);
  await source.sharedWork.bulkPut(data.works);
  await source.notes.bulkPut(data.notes);
  await source.flags.bulkPut(data.flags);
  await source.meta.put({ key: 'settings', value: data.settings as never });
  return JSON.parse(await (await exportBackup(source)).text());
}

// ---------------------------------------------------------------------------------------------------
// Corruptions: one value anywhere in one row replaced (or removed), by values real damage and hand edits make.

type Json = Record<string, unknown>;

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Object.entries(value as Json);
  return [prefix, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
}

const badValue = fc.oneof(
  fc.constantFrom(
    1e20,
    -1e20,
    MAX_MS + 1,
    1.5,
    0,
    -1,
    7,
    '',
    ' ',
    'xx',
    'bribe',
    '2021-02-30',
    '2024-13',
    '0000',
    'x'.repeat(200_000),
    null,
    true,
    [],
    {},
    { $types: 'date' },
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string(),
);

interface Corruption {
  table: number;
  row: number;
  path: number;
  action: 'replace' | 'delete' | 'mark';
  value: unknown;
}

const corruption: fc.Arbitrary<Corruption> = fc.record({
  table: fc.nat(),
  row: fc.nat(),
  path: fc.nat(),
  action: fc.constantFrom('replace', 'delete', 'mark' as const),
  value: badValue,
});

function corrupt(file: Json, c: Corruption): string {
  const tables = ((file.dexie as Json).data as Json).data as { tableName: string; rows: Json[] }[];
  const withRows = tables.filter((t) => t.rows.length > 0);
  const table = withRows[c.table % withRows.length]!;
  const row = table.rows[c.row % table.rows.length]!;
  const paths = leafPaths(row).filter((p) => p.length > 0 && p[0] !== '$types');
  const path = paths[c.path % paths.length]!;
  const parent = path.slice(0, -1).reduce<Json>((o, k) => o[k] as Json, row);
  const last = path[path.length - 1]!;
  if (c.action === 'delete') delete parent[last];
  else if (c.action === 'mark') row.$types = { ...(row.$types as Json), [path.join('.')]: c.value };
  else parent[last] = c.value;
  return JSON.stringify(file);
}

// ---------------------------------------------------------------------------------------------------
// Every page's components over the restored database.

function expectNoFailedPart(container: Element, what: string) {
  const failed = container.querySelector('[data-failure]');
  expect(failed?.textContent ?? null, `${what} showed a failed part`).toBeNull();
}

/** The test's own boundary, so that an error thrown anywhere (not only below the app's) is a failed part. */
class Catch extends Component<{ children: ComponentChildren }, { error?: unknown }> {
  static override getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error === undefined ? (
      this.props.children
    ) : (
      <p data-failure="test">{String(this.state.error)}</p>
    );
  }
}

function renderPage(node: ComponentChildren) {
  return render(<Catch>{node}</Catch>);
}

async function renderEveryPage(): Promise<void> {
  const people = await db().people.toArray();
  for (const person of people) {
    const { container, unmount } = renderPage(
      <UndoProvider>
        <PersonRecord id={person.id} />
      </UndoProvider>,
    );
    await waitFor(() => {
      expectNoFailedPart(container, `record ${person.id}`);
      expect(container.querySelector('#record-name, [data-failure]')).not.toBeNull();
    });
    expectNoFailedPart(container, `record ${person.id}`);
    unmount();
  }
  for (const profile of await db().profiles.toArray()) {
    const record = await recordForProfile(profile.key);
    const snapshot = { site: profile.site, key: profile.key, handle: profile.handle, url: profile.url };
    const { container, unmount } = renderPage(
      <ExpandedPanel snapshot={snapshot} record={record} onClose={() => undefined} />,
    );
    expectNoFailedPart(container, `panel ${profile.key}`);
    expect(container.querySelector('h2')?.textContent).toBe(record?.person.name ?? profile.handle);
    unmount();
  }
  const popup = renderPage(<PopupApp snapshot={null} first={undefined} />);
  await waitFor(() =>
    expect(popup.container.querySelector('.popup-flags, .popup-section .muted')).not.toBeNull(),
  );
  await waitFor(() => expect(popup.container.textContent).not.toContain('Loading'));
  expectNoFailedPart(popup.container, 'popup');
  popup.unmount();
  const network = renderPage(<NetworkView />);
  await waitFor(() => expect(network.container.querySelector('[data-failure], h2')).not.toBeNull());
  await waitFor(() => expect(network.container.querySelector('[role=progressbar]')).toBeNull());
  expectNoFailedPart(network.container, 'network');
  network.unmount();
  const list = renderPage(
    <UndoProvider>
      <PeopleView filters={DEFAULT_FILTERS} />
    </UndoProvider>,
  );
  await waitFor(() => expect(list.container.querySelector('.people-count, [data-failure]')).not.toBeNull());
  expectNoFailedPart(list.container, 'people list');
  list.unmount();
}

async function refusedOrRenders(text: string): Promise<'refused' | 'restored'> {
  const valid = await validateBackup(db(), new Blob([text]));
  if (!valid.ok) {
    const { code, where } = valid.error;
    for (const lang of ['en', 'ar']) expect(catalogs[lang]?.[`backup_error_${code}`]?.message).toBeTruthy();
    if (code === 'values') expect(where).toBeTruthy();
    return 'refused';
  }
  const restored = await restoreBackup(db(), valid.value);
  expect(restored.ok).toBe(true);
  await renderEveryPage();
  return 'restored';
}

describe('generated backups: refused with a message, or every page renders every record', () => {
  test('valid ledgers restore and render', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, async (data) => {
        expect(await refusedOrRenders(JSON.stringify(await backupJson(data)))).toBe('restored');
      }),
      { numRuns: 40 },
    );
  }, 240_000);

  test('corrupted ledgers are refused or render', async () => {
    const outcomes = { refused: 0, restored: 0 };
    await fc.assert(
      fc.asyncProperty(ledger, corruption, async (data, damage) => {
        outcomes[await refusedOrRenders(corrupt(await backupJson(data), damage))]++;
      }),
      { numRuns: 150 },
    );
    // Both ways were taken: the corruptions are neither all harmless nor all refused.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.restored).toBeGreaterThan(0);
  }, 400_000);

  test('known damage: a note dated 1e20 and a bogus language are refused', async () => {
    const data = await fc.sample(ledger, { numRuns: 1, seed: 7 })[0]!;
    const file = await backupJson({
      ...data,
      notes: [{ id: 'n', personId: 'p0', text: 'x', createdAt: 1e20, updatedAt: 1 }],
    });
    expect(await refusedOrRenders(JSON.stringify(file))).toBe('refused');
    const other = await backupJson({ ...data, settings: { language: 'xx' } });
    expect(await refusedOrRenders(JSON.stringify(other))).toBe('refused');
  }, 60_000);
});
