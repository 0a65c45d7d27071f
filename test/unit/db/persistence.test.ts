import { Dexie } from 'dexie';
import { describe, expect, test, vi } from 'vitest';
import { isQuotaExceeded, readStorageStatus, requestDurableStorage } from '../../../src/db/persistence.ts';

vi.mock('webextension-polyfill', () => ({
  default: { permissions: { contains: vi.fn(async () => true) } },
}));

function fakeStorage(opts: { persisted: boolean; grants: boolean; estimate?: StorageEstimate }) {
  let persisted = opts.persisted;
  return {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = opts.grants;
      return opts.grants;
    }),
    estimate: vi.fn(async () => opts.estimate ?? { usage: 1234, quota: 5678 }),
  };
}

describe('requestDurableStorage', () => {
  test.each([
    { persisted: true, grants: false, asks: false, result: true },
    { persisted: false, grants: true, asks: true, result: true },
    { persisted: false, grants: false, asks: true, result: false },
  ])('already persisted: $persisted, browser grants: $grants → asks: $asks, $result', async (c) => {
    const storage = fakeStorage(c);
    expect(await requestDurableStorage({ storage })).toBe(c.result);
    expect(storage.persist).toHaveBeenCalledTimes(c.asks ? 1 : 0);
  });

  test('without the Storage API (a worker) it reports false instead of throwing', async () => {
    expect(await requestDurableStorage({ storage: undefined })).toBe(false);
  });
});

describe('readStorageStatus', () => {
  test.each([
    // Chromium with unlimitedStorage: not persisted, yet exempt from eviction.
    { persisted: false, unlimited: true, durable: true },
    // Firefox with unlimitedStorage after persist().
    { persisted: true, unlimited: true, durable: true },
    { persisted: true, unlimited: false, durable: true },
    { persisted: false, unlimited: false, durable: false },
  ])('persisted $persisted, unlimited $unlimited → durable $durable', async (c) => {
    const status = await readStorageStatus({
      storage: fakeStorage({ persisted: c.persisted, grants: false }),
      hasUnlimitedStorage: async () => c.unlimited,
    });
    expect(status).toEqual({
      persisted: c.persisted,
      unlimited: c.unlimited,
      durable: c.durable,
      usage: 1234,
      quota: 5678,
    });
  });

  test('reads the unlimitedStorage permission from the extension by default', async () => {
    const status = await readStorageStatus({ storage: fakeStorage({ persisted: false, grants: false }) });
    expect(status.unlimited).toBe(true);
  });

  test('an estimate without figures and a failing permission check give nulls and false', async () => {
    const status = await readStorageStatus({
      storage: fakeStorage({ persisted: false, grants: false, estimate: {} }),
      hasUnlimitedStorage: () => Promise.reject(new Error('no permissions API')),
    });
    expect(status).toEqual({ persisted: false, unlimited: false, durable: false, usage: null, quota: null });
  });
});

describe('isQuotaExceeded', () => {
  const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  test.each([
    ['the DOMException itself', quota, true],
    ['Dexie’s AbortError wrapping it', new Dexie.AbortError('QuotaExceededError', quota), true],
    ['Dexie’s QuotaExceededError', new Dexie.QuotaExceededError('full'), true],
    ['an AbortError for another reason', new Dexie.AbortError('aborted', new Error('boom')), false],
    ['a constraint error', new DOMException('Key already exists', 'ConstraintError'), false],
    ['a string', 'QuotaExceededError', false],
    ['nothing', undefined, false],
  ])('%s → %s', (_, error, expected) => {
    expect(isQuotaExceeded(error)).toBe(expected);
  });
});
