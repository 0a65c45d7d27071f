import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { createPerson } from '../../../../src/db/mutations';
import { useWriteCount } from '../../../../src/ui/data/useWriteCount';
import { freshDb } from '../../db/testDb';

afterEach(cleanup);

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
    render(<Writes intervalMs={500} />);
    for (let i = 0; i < 5; i++) await createPerson(tdb, { name: `P${i}` });
    await waitFor(() => expect(shown()).toBe(1));
    await new Promise((r) => setTimeout(r, 600));
    expect(shown()).toBe(1);
    await createPerson(tdb, { name: 'Later' });
    await waitFor(() => expect(shown()).toBe(2));
  });

  test('no write, no change', async () => {
    render(<Writes intervalMs={10} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(shown()).toBe(0);
  });
});
