import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { evaluatePerson } from '../../../src/core/trust.ts';
import type { Flag, NewSharedWork, Note, Person, SharedWork } from '../../../src/core/types.ts';
import { FlagCard } from '../../../src/ui/components/FlagCard.tsx';
import { NotesList } from '../../../src/ui/components/NotesList.tsx';
import { PersonSummary } from '../../../src/ui/components/PersonSummary.tsx';
import { QuickAddWork } from '../../../src/ui/components/QuickAddWork.tsx';
import { StageBadge } from '../../../src/ui/components/StageBadge.tsx';
import { TrustDirections } from '../../../src/ui/components/TrustDirections.tsx';
import { VouchBox } from '../../../src/ui/components/VouchBox.tsx';
import { newestFirst, WorkTimeline } from '../../../src/ui/components/WorkTimeline.tsx';
import { ProfileTrustView } from '../../../src/ui/data/ProfileTrustView.tsx';
import { evaluateView } from '../../../src/ui/data/profileView.ts';
import { work as buildWork } from '../core/build.ts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fakeBrowser.ts')).fakeBrowser }));

afterEach(cleanup);

const NOW = new Date('2026-05-20T12:00:00Z');
const person: Person = { id: 'p1', name: 'Jane Doe', tags: [], userEdited: [], createdAt: 0, updatedAt: 0 };

/** Work they delivered to me, undated unless a test dates it (build.ts's work() with this file's defaults). */
const work = (id: string, changes: Partial<SharedWork>): SharedWork =>
  buildWork({ id, direction: 'theyDelivered', endDate: undefined, createdAt: 1, updatedAt: 1, ...changes });

const trial = work('w-trial', {
  kind: 'trial',
  title: 'Survey clean-up',
  endDate: '2016-03',
  outcome: { quality: 4, reliability: 'onTime', wouldWorkAgain: 'yes' },
});
const paid = work('w-paid', {
  kind: 'paidProject',
  endDate: '2019-06',
  outcome: { quality: 5, payment: { status: 'late', lateDays: 9 } },
});
const mine = work('w-mine', { kind: 'freeSampleGiven', direction: 'iDelivered', endDate: '2017-09' });

describe('StageBadge', () => {
  test.each([
    ['tested', 'Tested'],
    ['ambassador', 'Ambassador'],
    ['caution', 'Caution'],
  ] as const)('%s reads "%s"', (stage, text) => {
    render(<StageBadge stage={stage} />);
    expect(screen.getByText(text).className).toBe(`tn-stage tn-stage-${stage}`);
  });
});

describe('PersonSummary', () => {
  test('page strings are text, and only http(s) profile links are shown', () => {
    const evaluation = evaluatePerson({ person, works: [], now: NOW });
    const { container } = render(
      <PersonSummary
        name="<img src=x onerror=alert(1)>"
        headline="Lead <script>window.__pwned=1</script>"
        profiles={[
          { key: 'linkedin:m', url: 'https://www.linkedin.com/in/m/' },
          { key: 'x:m', url: 'javascript:alert(2)' },
        ]}
        stage={evaluation.stage}
        works={[]}
        headingId="h"
      />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByText('Lead <script>window.__pwned=1</script>')).toBeTruthy();
    const links = screen.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')])).toEqual([
      ['www.linkedin.com/in/m', 'https://www.linkedin.com/in/m/', 'noopener noreferrer'],
    ]);
    expect(screen.getByText('Only connected: nothing shared yet.')).toBeTruthy();
  });

  test('a caution shows its reason and the work behind it, above the ladder reason', () => {
    const unpaid = work('w-unpaid', {
      kind: 'paidProject',
      direction: 'iDelivered',
      endDate: '2023-04',
      outcome: { payment: { status: 'unpaid' } },
    });
    const evaluation = evaluatePerson({ person, works: [unpaid], now: NOW });
    render(
      <PersonSummary name="Sam" profiles={[]} stage={evaluation.stage} works={[unpaid]} headingId="h" />,
    );
    expect(screen.getByText('Caution')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toBe('Work went unpaid.Evidence:Paid project (April 2023)');
  });
});

describe('TrustDirections and VouchBox', () => {
  test('each level comes with its reason and the exact shared work behind it', () => {
    const works = [trial, paid, mine];
    const evaluation = evaluatePerson({ person, works, now: NOW });
    const { container } = render(<TrustDirections evaluation={evaluation} works={works} />);
    const [myTrust, theirTrust] = container.querySelectorAll('.tn-direction');
    expect(myTrust?.textContent).toBe(
      'My trust in themProven — Paid or substantial work with a good outcome.Evidence:Trial project: Survey clean-up (March 2016)Paid project (June 2019)',
    );
    expect(theirTrust?.textContent).toBe(
      'Their trust in meTested — One small shared work with a good outcome.Evidence:Free sample (given) (September 2017)',
    );
  });

  test.each<[string, SharedWork[], string]>([
    [
      'no work seen',
      [],
      'Can I vouch for them?Not yet — You have never seen their work.Next step: Propose a small joint task.',
    ],
    [
      'only they saw my work',
      [mine],
      'Can I vouch for them?Not yet — They have seen your work, but you have not seen theirs.Evidence:Free sample (given) (September 2017)Next step: Propose a small joint task.',
    ],
    [
      'one good test of theirs',
      [trial],
      'Can I vouch for them?Yes — One small shared work with a good outcome.Evidence:Trial project: Survey clean-up (March 2016)Next step: Propose a small paid trial.',
    ],
  ])('vouch readiness: %s', (_, works, text) => {
    const evaluation = evaluatePerson({ person, works, now: NOW });
    const { container } = render(<VouchBox vouch={evaluation.vouch} works={works} />);
    expect(container.textContent).toBe(text);
  });
});

describe('WorkTimeline', () => {
  test('newest first, undated (just written down) at the top', () => {
    const undated = work('w-undated', { kind: 'volunteer', status: 'planned', createdAt: 5 });
    expect(newestFirst([trial, undated, paid, mine]).map((w) => w.id)).toEqual([
      'w-undated',
      'w-paid',
      'w-mine',
      'w-trial',
    ]);
  });

  test('each entry says what, who delivered, the status and the outcome; notes stay text', () => {
    const noted = work('w-note', { endDate: '2020-01', note: '<b>bold?</b>' });
    const { container } = render(<WorkTimeline works={[paid, noted]} />);
    const items = [...container.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Small joint task (January 2020)They delivered for me · Done<b>bold?</b>',
      'Paid project (June 2019)They delivered for me · DoneQuality 5/5 · Paid 9 days late',
    ]);
    expect(container.querySelector('b')).toBeNull();
  });

  test('an empty timeline invites the first small piece of work', () => {
    render(<WorkTimeline works={[]} />);
    expect(screen.getByText(/Trust starts with one small piece of work/)).toBeTruthy();
  });
});

describe('QuickAddWork', () => {
  const select = (label: string, value: string) =>
    fireEvent.change(screen.getByLabelText(label), { target: { value } });

  test('outcome fields appear once the work is over; payment only for paid kinds', () => {
    render(<QuickAddWork onAdd={async () => {}} />);
    expect(screen.queryByLabelText('Quality (1–5)')).toBeNull();
    select('Status', 'done');
    expect(screen.getByLabelText('Quality (1–5)')).toBeTruthy();
    expect(screen.getByLabelText('Delivery')).toBeTruthy();
    expect(screen.getByLabelText('Would work again')).toBeTruthy();
    expect(screen.queryByLabelText('Payment')).toBeNull();
    select('Kind', 'paidProject');
    expect(screen.getByLabelText('Payment')).toBeTruthy();
    expect(screen.queryByLabelText('Days late')).toBeNull();
    select('Payment', 'late');
    expect(screen.getByLabelText('Days late')).toBeTruthy();
    // A referral is no delivery: no outcome to ask (core/work.ts).
    select('Kind', 'referralReceived');
    expect(screen.queryByLabelText('Quality (1–5)')).toBeNull();
  });

  test("its one date is a plan's start and finished work's end, and follows a change of status", async () => {
    const onAdd = vi.fn(async (_work: NewSharedWork) => {});
    render(<QuickAddWork onAdd={onAdd} />);
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2026-06' } });
    select('Status', 'done');
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe('2026-06');
    select('Status', 'inProgress');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(onAdd).toHaveBeenCalledTimes(1));
    expect(onAdd.mock.calls[0]).toEqual([
      { kind: 'smallTask', direction: 'together', status: 'inProgress', startDate: '2026-06' },
    ]);
  });

  test('a late payment may leave its days blank', async () => {
    const onAdd = vi.fn(async (_work: NewSharedWork) => {});
    render(<QuickAddWork onAdd={onAdd} />);
    select('Kind', 'paidProject');
    select('Status', 'done');
    select('Payment', 'late');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(onAdd).toHaveBeenCalledTimes(1));
    expect(onAdd.mock.calls[0]?.[0]).toMatchObject({ outcome: { payment: { status: 'late' } } });
  });

  test('submitting adds the work the fields describe, then resets and says so', async () => {
    const onAdd = vi.fn(async (_work: NewSharedWork) => {});
    render(<QuickAddWork onAdd={onAdd} />);
    select('Kind', 'consultation');
    select('Who delivered', 'iDelivered');
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2025-11' } });
    select('Status', 'done');
    select('Quality (1–5)', '5');
    select('Payment', 'onTime');
    fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'Two workshops' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Shared work added.'));
    expect(onAdd).toHaveBeenCalledWith({
      kind: 'consultation',
      direction: 'iDelivered',
      status: 'done',
      endDate: '2025-11',
      note: 'Two workshops',
      outcome: { quality: 5, payment: { status: 'onTime' } },
    });
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('planned');
  });

  test('a malformed date is refused with the format to use, and nothing is added', async () => {
    const onAdd = vi.fn(async (_work: NewSharedWork) => {});
    render(<QuickAddWork onAdd={onAdd} />);
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: 'last spring' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Write a date as 2019, 2019-06 or 2019-06-30.'),
    );
    expect(onAdd).not.toHaveBeenCalled();
  });

  test('a failed save keeps the fields and says nothing was changed', async () => {
    render(<QuickAddWork onAdd={() => Promise.reject(new Error('quota'))} />);
    fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'keep me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Could not save. Nothing was changed.'),
    );
    expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('keep me');
  });
});

describe('NotesList', () => {
  test('adds a trimmed note, clears the box, and lists notes newest first as text', async () => {
    const onAdd = vi.fn(async () => {});
    const notes: Note[] = [
      { id: 'n1', personId: 'p1', text: 'older', createdAt: 1_000, updatedAt: 1_000 },
      { id: 'n2', personId: 'p1', text: '<i>newer</i>', createdAt: 2_000, updatedAt: 2_000 },
    ];
    const { container } = render(<NotesList notes={notes} onAdd={onAdd} />);
    expect([...container.querySelectorAll('.tn-note-text')].map((p) => p.textContent)).toEqual([
      '<i>newer</i>',
      'older',
    ]);
    expect(container.querySelector('i')).toBeNull();
    const box = screen.getByLabelText('New note') as HTMLTextAreaElement;
    expect((screen.getByRole('button', { name: 'Add note' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(box, { target: { value: '  met at the library  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Note added.'));
    expect(onAdd).toHaveBeenCalledWith('met at the library');
    expect(box.value).toBe('');
  });
});

describe('FlagCard', () => {
  const flag: Flag = {
    id: 'p1:stalled',
    personId: 'p1',
    kind: 'stalled',
    state: 'open',
    raisedAt: 0,
    updatedAt: 0,
  };

  test('shows the flag with the essay’s steps; snooze asks for 30 days from now, dismiss for good', () => {
    const onSnooze = vi.fn(async () => {});
    const onDismiss = vi.fn(async () => {});
    render(<FlagCard flag={flag} onSnooze={onSnooze} onDismiss={onDismiss} />);
    expect(screen.getByRole('heading').textContent).toBe(
      'Stalled: good work together, then nothing for years',
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Propose a small paid trial.',
      'Offer a short consultation.',
      'Propose a small joint task.',
      'Volunteer together on something.',
    ]);
    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: /^Snooze for 30 days/ }));
    const until = (onSnooze.mock.calls[0] as unknown as [number])[0];
    expect(until - before).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(until - before).toBeLessThan(30 * 86_400_000 + 5_000);
    fireEvent.click(screen.getByRole('button', { name: /^Dismiss/ }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});

describe('ProfileTrustView', () => {
  const snapshot = {
    site: 'linkedin',
    key: 'linkedin:jane-doe',
    url: 'https://www.linkedin.com/in/jane-doe/',
    handle: 'jane-doe',
    name: 'Jane Doe',
  } as const;

  test('while the record is being read it shows no stage at all, not a provisional "Connected"', () => {
    const { container } = render(
      <ProfileTrustView snapshot={snapshot} view={evaluateView(undefined, snapshot, NOW)} />,
    );
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(container.querySelector('.tn-stage')).toBeNull();
    expect(screen.queryByRole('heading')).toBeNull();
  });

  test('an unrecorded profile (record null) shows the page’s person as connected, with the not-recorded note', () => {
    render(<ProfileTrustView snapshot={snapshot} view={evaluateView(null, snapshot, NOW)} />);
    expect(document.querySelector('.tn-stage')?.textContent).toBe('Connected');
    expect(screen.getByText(/You have no record of them yet/)).toBeTruthy();
  });
});
