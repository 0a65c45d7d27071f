import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { liveQuery } from 'dexie';
import { Component, type ComponentChildren } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TrustDb } from '../../../../src/db/database.ts';
import { addNote, addSharedWork, createPerson, updatePerson } from '../../../../src/db/mutations.ts';
import { getPersonRecord, listPeople, searchPeopleByPrefix } from '../../../../src/db/queries.ts';
import { useLiveQuery } from '../../../../src/ui/data/useLiveQuery.ts';
import { freshDb, goodSmallTask } from '../../db/testDb.ts';

afterEach(cleanup);

function PeopleCount({ tdb }: { tdb: TrustDb }) {
  const count = useLiveQuery(() => tdb.people.count(), [tdb], -1);
  return <p data-testid="count">{count}</p>;
}

function Search({ tdb, text }: { tdb: TrustDb; text: string }) {
  const found = useLiveQuery(() => searchPeopleByPrefix(tdb, text), [tdb, text]);
  return (
    <p data-testid="found">{found === undefined ? 'loading' : found.map((row) => row.name).join(',')}</p>
  );
}

class Boundary extends Component<{ children: ComponentChildren }, { error?: string }> {
  override state: { error?: string } = {};
  override componentDidCatch(error: unknown) {
    this.setState({ error: String(error) });
  }
  render() {
    return this.state.error ? <p data-testid="error">{this.state.error}</p> : this.props.children;
  }
}

function Failing() {
  const value = useLiveQuery(() => Promise.reject(new Error('query broke')), []);
  return <p>{String(value)}</p>;
}

describe('useLiveQuery', () => {
  test('shows the default, then the result, then follows writes', async () => {
    const tdb = freshDb();
    render(<PeopleCount tdb={tdb} />);
    expect(screen.getByTestId('count').textContent).toBe('-1');
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('0'));
    await act(async () => {
      await createPerson(tdb, { name: 'Lina' });
    });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1'));
  });

  test('re-runs when deps change, and when the data it read changes', async () => {
    const tdb = freshDb();
    const fadi = await createPerson(tdb, { name: 'Fadi' });
    await createPerson(tdb, { name: 'Omar' });
    const { rerender } = render(<Search tdb={tdb} text="fa" />);
    await waitFor(() => expect(screen.getByTestId('found').textContent).toBe('Fadi'));
    rerender(<Search tdb={tdb} text="om" />);
    await waitFor(() => expect(screen.getByTestId('found').textContent).toBe('Omar'));
    await act(async () => {
      await updatePerson(tdb, fadi.id, { name: 'Omar Fadi' });
    });
    await waitFor(() => expect(screen.getByTestId('found').textContent).toBe('Omar,Omar Fadi'));
  });

  test('follows queries that read inside a transaction across tables (listPeople, getPersonRecord)', async () => {
    const tdb = freshDb();
    const person = await createPerson(tdb, { name: 'Rami' });
    function Record() {
      const page = useLiveQuery(() => listPeople(tdb, { sort: 'stage' }), []);
      const record = useLiveQuery(() => getPersonRecord(tdb, person.id), []);
      return (
        <p data-testid="record">
          {page?.rows.map((row) => row.stage).join(',')}/{record?.notes.length}
        </p>
      );
    }
    render(<Record />);
    await waitFor(() => expect(screen.getByTestId('record').textContent).toBe('connected/0'));
    await act(async () => {
      await addSharedWork(tdb, person.id, goodSmallTask);
      await addNote(tdb, person.id, 'seen live');
    });
    await waitFor(() => expect(screen.getByTestId('record').textContent).toBe('tested/1'));
  });

  test('unsubscribes on unmount: later writes run no query', async () => {
    const tdb = freshDb();
    const querier = vi.fn(() => tdb.people.count());
    function Probe() {
      const count = useLiveQuery(querier, []);
      return <p data-testid="probe">{count ?? 'none'}</p>;
    }
    const { unmount } = render(<Probe />);
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('0'));
    const person = await createPerson(tdb, { name: 'A' });
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('1'));
    unmount();
    expect(querier.mock.calls.length).toBeGreaterThanOrEqual(2);

    // A query still subscribed to the people table (and the notes, to tell the second write from the first): once
    // it has seen both writes, the unmounted one would have been run for them too.
    let latest: number[] = [];
    const control = liveQuery(async () => [await tdb.people.count(), await tdb.notes.count()]).subscribe(
      (counts) => {
        latest = counts;
      },
    );
    // Counted once the control has read the database: a re-run the first write woke before the unmount (a write can
    // wake a query more than once) has landed by then, and is not a later write's.
    await vi.waitFor(() => expect(latest).toEqual([1, 0]));
    const callsWhileMounted = querier.mock.calls.length;
    await createPerson(tdb, { name: 'B' });
    await addNote(tdb, person.id, 'after unmount');
    await vi.waitFor(() => expect(latest).toEqual([2, 1]));
    control.unsubscribe();
    expect(querier.mock.calls.length).toBe(callsWhileMounted);
  });

  test('a failing query reaches the error boundary', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <Boundary>
        <Failing />
      </Boundary>,
    );
    await waitFor(() => expect(screen.getByTestId('error').textContent).toContain('query broke'));
    spy.mockRestore();
  });
});
