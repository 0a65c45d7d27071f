import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { Component, type ComponentChildren } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TrustDb } from '../../../../src/db/database';
import { addNote, addSharedWork, createPerson, updatePerson } from '../../../../src/db/mutations';
import { getPersonRecord, listPeople, searchPeopleByPrefix } from '../../../../src/db/queries';
import { useLiveQuery } from '../../../../src/ui/data/useLiveQuery';
import { freshDb, goodSmallTask } from '../../db/testDb';

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

/** Resolves once `fn` has not been called for 100 ms. */
async function settledCalls(fn: { mock: { calls: unknown[] } }): Promise<void> {
  let seen = -1;
  while (seen !== fn.mock.calls.length) {
    seen = fn.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
    // A write can wake the query more than once (the person and the stored counts are written together, and
    // Dexie may deliver the change in two notifications): let every re-run that write caused finish first,
    // so that what is counted below is only what happens after unmount.
    await settledCalls(querier);
    const callsWhileMounted = querier.mock.calls.length;
    expect(callsWhileMounted).toBeGreaterThanOrEqual(2);

    unmount();
    await createPerson(tdb, { name: 'B' });
    await addNote(tdb, person.id, 'after unmount');
    await new Promise((resolve) => setTimeout(resolve, 50));
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
