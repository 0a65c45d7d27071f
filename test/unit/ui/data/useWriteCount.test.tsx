import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createPerson } from '../../../../src/db/mutations.ts';
import { useWriteCount } from '../../../../src/ui/data/useWriteCount.ts';
import { freshDb } from '../../db/testDb.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/**
 * A fake clock for the hook's timer alone: setTimeout and clearTimeout, while fake-indexeddb keeps the real
 * setImmediate it schedules its work with.
 */
const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
const elapse = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

function Writes({ intervalMs }: { intervalMs: number }) {
  return <p data-testid="writes">{useWriteCount(intervalMs)}</p>;
}

const shown = () => Number(screen.getByTestId('writes').textContent);

describe('useWriteCount', () => {
  test('starts at 0 and goes up after a write', async () => {
    const tdb = freshDb();
    render(<Writes intervalMs={10} />);
    expect(shown()).toBe(0);
    await createPerson(tdb, { name: 'Ada' });
    await waitFor(() => expect(shown()).toBe(1));
  });

  test('a burst of writes within the interval counts once, and writes after it count again', async () => {
    const tdb = freshDb();
    fakeTimers();
    render(<Writes intervalMs={500} />);
    for (let i = 0; i < 5; i++) await createPerson(tdb, { name: `P${i}` });
    await elapse(499);
    expect(shown()).toBe(0);
    await elapse(1);
    expect(shown()).toBe(1);
    // A whole interval more, with no write: no more counts.
    await elapse(600);
    expect(shown()).toBe(1);
    await createPerson(tdb, { name: 'Later' });
    await elapse(500);
    expect(shown()).toBe(2);
  });

  test('no write, no change', async () => {
    fakeTimers();
    render(<Writes intervalMs={10} />);
    await elapse(10_000);
    expect(shown()).toBe(0);
  });
});
