import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { formatBytesIn, StorageStatusView } from '../../../../src/options/data/storageStatus.tsx';

vi.mock('webextension-polyfill', () => ({
  default: {
    // Echo the key and its substitutions, so the test sees which message was chosen and with what.
    i18n: {
      getMessage: (key: string, subs: string[] = []) => [key, ...subs].join(' '),
      getUILanguage: () => 'en',
    },
    permissions: { contains: vi.fn(async () => true) },
  },
}));

afterEach(cleanup);

describe('formatBytesIn', () => {
  test.each([
    ['en', 0, '0 byte'],
    ['en', 999, '999 byte'],
    ['en', 1000, '1 kB'],
    ['en', 1_434_000, '1.4 MB'],
    ['en', 2_500_000_000, '2.5 GB'],
    ['en', -5, '0 byte'],
  ])('%s %d → %s', (locale, bytes, text) => {
    expect(formatBytesIn(locale, bytes)).toBe(text);
  });

  test('uses the language of the page', () => {
    expect(formatBytesIn('ar', 1_434_000)).not.toBe(formatBytesIn('en', 1_434_000));
  });
});

function storage(persisted: boolean, grants: boolean, usage?: number) {
  let state = persisted;
  return {
    persisted: vi.fn(async () => state),
    persist: vi.fn(async () => {
      state = grants;
      return grants;
    }),
    estimate: vi.fn(async () => (usage === undefined ? {} : { usage, quota: 10 ** 9 })),
  };
}

describe('StorageStatusView', () => {
  test('asks for persistence once shown, then says the data is kept and how much it uses', async () => {
    const s = storage(false, true, 1_434_000);
    render(<StorageStatusView deps={{ storage: s, hasUnlimitedStorage: async () => false }} />);
    expect(await screen.findByText('storage_durable')).toHaveProperty('dataset.storageDurable', 'true');
    expect(screen.getByText('storage_usage 1.4 MB')).toBeTruthy();
    expect(s.persist).toHaveBeenCalledTimes(1);
  });

  test('reads the space used again when `changes` changes, asking for persistence only once', async () => {
    const s = storage(false, true, 1_434_000);
    const deps = { storage: s, hasUnlimitedStorage: async () => false };
    const { rerender } = render(<StorageStatusView deps={deps} changes={1} />);
    await screen.findByText('storage_usage 1.4 MB');
    s.estimate.mockResolvedValue({ usage: 2_500_000, quota: 10 ** 9 });
    rerender(<StorageStatusView deps={deps} changes={2} />);
    await screen.findByText('storage_usage 2.5 MB');
    expect(s.persist).toHaveBeenCalledTimes(1);
  });

  test('while the data keeps changing, each finished read shows, unless a newer one already did', async () => {
    const s = storage(true, true);
    const pending: Array<(estimate: { usage: number; quota: number }) => void> = [];
    s.estimate.mockImplementation(() => new Promise((resolve) => pending.push(resolve)));
    const deps = { storage: s, hasUnlimitedStorage: async () => true };
    const { rerender } = render(<StorageStatusView deps={deps} changes={1} />);
    await waitFor(() => expect(pending).toHaveLength(1));
    rerender(<StorageStatusView deps={deps} changes={2} />);
    await waitFor(() => expect(pending).toHaveLength(2));
    // The first read ends while the second is still under way: it is shown, not dropped.
    pending[0]!({ usage: 1_000_000, quota: 10 ** 9 });
    await screen.findByText('storage_usage 1 MB');
    pending[1]!({ usage: 3_000_000, quota: 10 ** 9 });
    await screen.findByText('storage_usage 3 MB');
    rerender(<StorageStatusView deps={deps} changes={3} />);
    await waitFor(() => expect(pending).toHaveLength(3));
    rerender(<StorageStatusView deps={deps} changes={4} />);
    await waitFor(() => expect(pending).toHaveLength(4));
    // Out of order: the newer read is shown, and the older one arriving later does not replace it.
    pending[3]!({ usage: 5_000_000, quota: 10 ** 9 });
    await screen.findByText('storage_usage 5 MB');
    pending[2]!({ usage: 4_000_000, quota: 10 ** 9 });
    // Nothing but promises (the read's continuation, Preact's render) stands between the late read and the
    // screen, and every one of them runs before the next task.
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByText('storage_usage 5 MB')).toBeTruthy();
  });

  test('warns when the browser may clear the data', async () => {
    const s = storage(false, false, 0);
    render(<StorageStatusView deps={{ storage: s, hasUnlimitedStorage: async () => false }} />);
    expect(await screen.findByText('storage_not_durable')).toHaveProperty('dataset.storageDurable', 'false');
  });

  test('shows no usage line when the browser reports none', async () => {
    const s = storage(true, true);
    const { container } = render(
      <StorageStatusView deps={{ storage: s, hasUnlimitedStorage: async () => true }} />,
    );
    await screen.findByText('storage_durable');
    expect(container.querySelector('[data-storage-usage]')).toBeNull();
  });
});
