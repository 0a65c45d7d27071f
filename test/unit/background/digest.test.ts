import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Flag, type FlagKind, type QueueEntry } from '../../../src/core/types.ts';
import { createFakeBrowser, EXTENSION_URL, type FakeBrowser, serveLocales } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));

const { DIGEST_NOTIFICATION, digestDue, digestText, sendDigestIfDue } = await import(
  '../../../src/background/digest.ts'
);
const { textFor } = await import('../../../src/ui/i18n/text.ts');
const { getMeta, saveSettings, setMeta } = await import('../../../src/db/meta.ts');
const { createPerson } = await import('../../../src/db/mutations.ts');
const { freshDb } = await import('../db/testDb.ts');

beforeEach(() => {
  fake.browser = createFakeBrowser();
  serveLocales();
});

/** Local time, so weekdays are the same in every time zone the tests run in. */
const at = (date: string, hour = 12) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00`);
// 2024-06-10 is a Monday.
const MONDAY = 1;

describe('digestDue', () => {
  test.each([
    ['never sent', at('2024-06-12'), undefined, true],
    ['on the day, not yet sent this week', at('2024-06-10', 9), at('2024-06-03', 9), true],
    ['on the day, already sent that morning', at('2024-06-10', 18), at('2024-06-10', 8), false],
    ['the browser was closed on the day: the next day', at('2024-06-11'), at('2024-06-03', 9), true],
    ['later in the week, already sent on the day', at('2024-06-14'), at('2024-06-10', 9), false],
    ['the day before the chosen day, sent last week', at('2024-06-09'), at('2024-06-03', 9), false],
    ['sent late last week, before this week’s day', at('2024-06-10', 1), at('2024-06-08'), true],
  ])('%s → %s', (_, now, last, due) => {
    expect(digestDue(now, last?.getTime(), MONDAY)).toBe(due);
  });
});

const counts = (c: Partial<Record<FlagKind, number>>): Record<FlagKind, number> => ({
  stalled: 0,
  paymentOverdue: 0,
  followUpDue: 0,
  vouchWithoutWork: 0,
  ...c,
});

const entry = (
  reasons: QueueEntry['reasons'],
  step: QueueEntry['step'] = 'proposeSmallTask',
): QueueEntry => ({
  id: 'x',
  personId: 'x',
  state: 'queued',
  queuedAt: 0,
  reasons,
  step,
});

describe('digestText', () => {
  test('the queue first: each person with the reasons in words and the first step', async () => {
    const text = await textFor('en');
    const content = digestText(
      [
        {
          name: 'Rana Haddad',
          entry: entry([
            { code: 'messagesInYear', count: 14, year: 2024 },
            { code: 'theyEndorsedMe', count: 2 },
          ]),
        },
        { name: 'Sam Lee', entry: entry([{ code: 'untestedYears', years: 6 }], 'volunteerTogether') },
      ],
      counts({}),
      DEFAULT_SETTINGS,
      text,
    );
    expect(content?.title).toBe('Trust Notes: your week');
    expect(content?.message.split('\n')).toEqual([
      'This week, start a small test with one of 2 people:',
      '• Rana Haddad — 14 messages in 2024, they endorsed you 2 times. First step: Propose a small joint task.',
      '• Sam Lee — known for 6 years, nothing tested. First step: Volunteer together on something.',
    ]);
  });

  test('then one line per kind of open flag, singular where English needs it, thresholds from settings', async () => {
    const text = await textFor('en');
    const settings = { ...DEFAULT_SETTINGS, stalledYears: 4 };
    const message = digestText(
      [],
      counts({ stalled: 2, paymentOverdue: 1, followUpDue: 3, vouchWithoutWork: 1 }),
      settings,
      text,
    )?.message;
    expect(message?.split('\n')).toEqual([
      '2 relationships with good work but nothing together for more than 4 years: propose a small paid trial',
      '1 payment overdue: send a polite reminder',
      '3 planned works are past their date: confirm or reschedule',
      'A recommendation you gave with no work on record: 1 — record what you did together',
    ]);
  });

  test('in Arabic', async () => {
    const arabic = (n: number) => new Intl.NumberFormat('ar').format(n);
    const content = digestText(
      [{ name: 'رنا', entry: entry([{ code: 'theyWroteFirst' }]) }],
      counts({}),
      DEFAULT_SETTINGS,
      await textFor('ar'),
    );
    expect(content?.title).toBe('ملاحظات الثقة: ملخّص أسبوعك');
    expect(content?.message.split('\n')).toEqual([
      `هذا الأسبوع، ابدأ اختبارًا صغيرًا مع شخص واحد (${arabic(1)}):`,
      expect.stringMatching(/^• رنا — هو من بدأ المراسلة\. الخطوة الأولى: /),
    ]);
  });

  test('nothing to say with an empty queue and no flag open', async () => {
    expect(digestText([], counts({}), DEFAULT_SETTINGS, await textFor('en'))).toBeNull();
  });
});

describe('sendDigestIfDue', () => {
  const NOW = at('2024-06-10', 10).getTime();
  const overdue = (n: number, state: Flag['state'] = 'open'): Flag => ({
    id: `p${n}:paymentOverdue:w${n}`,
    personId: `p${n}`,
    kind: 'paymentOverdue',
    workId: `w${n}`,
    state,
    raisedAt: 0,
    updatedAt: 0,
  });

  async function setUp(
    digestEnabled: boolean,
    permission: boolean,
    flags: Flag[] = [overdue(1), overdue(2)],
  ) {
    const tdb = freshDb();
    await saveSettings(tdb, { digestEnabled, digestWeekday: MONDAY });
    await tdb.flags.bulkPut(flags);
    if (permission) fake.browser.granted.add('notifications');
    return tdb;
  }

  test('sends the digest once a week when turned on and permitted, with the queue by name', async () => {
    const tdb = await setUp(true, true, [overdue(1), overdue(2), overdue(3, 'snoozed')]);
    const person = await createPerson(tdb, { name: 'Nadia Karam', connectedOn: '2015-01-01' });
    await tdb.queue.put({
      ...entry([{ code: 'untestedYears', years: 9 }], 'offerFreeSample'),
      id: person.id,
      personId: person.id,
    });
    expect(await sendDigestIfDue(tdb, NOW)).toBe(true);
    expect(fake.browser.notifications?.create).toHaveBeenCalledWith(DIGEST_NOTIFICATION, {
      type: 'basic',
      iconUrl: `${EXTENSION_URL}icons/icon-128.png`,
      title: 'Trust Notes: your week',
      message: [
        'This week, start a small test with 1 person:',
        '• Nadia Karam — known for 9 years, nothing tested. First step: Offer a free sample of your work.',
        '2 payments overdue: send a polite reminder',
      ].join('\n'),
    });
    expect(await getMeta(tdb, 'lastDigestAt')).toBe(NOW);
    expect(await sendDigestIfDue(tdb, NOW + 3_600_000)).toBe(false);
    expect(fake.browser.notifications?.create).toHaveBeenCalledTimes(1);
  });

  test.each([
    ['turned off', false, true],
    ['turned on, but the permission was not granted (or was revoked)', true, false],
  ])('sends nothing when %s', async (_, enabled, permission) => {
    const tdb = await setUp(enabled, permission);
    expect(await sendDigestIfDue(tdb, NOW)).toBe(false);
    expect(fake.browser.notifications?.create).not.toHaveBeenCalled();
    expect(await getMeta(tdb, 'lastDigestAt')).toBeUndefined();
  });

  test('a week with nothing queued and no open flag counts as done, with no notification', async () => {
    const tdb = await setUp(true, true, [overdue(1, 'dismissed')]);
    expect(await sendDigestIfDue(tdb, NOW)).toBe(false);
    expect(fake.browser.notifications?.create).not.toHaveBeenCalled();
    expect(await getMeta(tdb, 'lastDigestAt')).toBe(NOW);
  });

  test('not due yet this week', async () => {
    const tdb = await setUp(true, true);
    await setMeta(tdb, 'lastDigestAt', at('2024-06-10', 8).getTime());
    expect(await sendDigestIfDue(tdb, NOW)).toBe(false);
  });
});
