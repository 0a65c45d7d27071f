import { afterEach } from 'vitest';
import type { Clock } from '../../../src/core/clock.ts';
import type { Millis, NewSharedWork, ProfileSnapshot, SharedWork } from '../../../src/core/types.ts';
import { openTrustDb, type TrustDb } from '../../../src/db/database.ts';

const opened: TrustDb[] = [];
let counter = 0;

/** A fresh, uniquely named database on fake-indexeddb, deleted after the test; its writes read `clock`. */
export function freshDb(name = `test-${process.pid}-${++counter}`, clock?: Clock): TrustDb {
  const tdb = openTrustDb(name, clock);
  opened.push(tdb);
  return tdb;
}

afterEach(async () => {
  for (const tdb of opened.splice(0)) await tdb.delete();
});

/** A clock that stands still at `start` until the test moves it on: no sleeps, no global fake timers. */
export function testClock(start: Millis): Clock & { advance(ms: number): void } {
  let now = start;
  return Object.assign(() => now, {
    advance(ms: number) {
      now += ms;
    },
  });
}

/** A fresh database whose writes read a test clock, and that clock. */
export function freshDbAt(start: Millis) {
  const clock = testClock(start);
  return { tdb: freshDb(undefined, clock), clock };
}

export function snapshot(handle: string, extra: Partial<ProfileSnapshot> = {}): ProfileSnapshot {
  return {
    site: 'linkedin',
    key: `linkedin:${handle}`,
    handle,
    url: `https://www.linkedin.com/in/${handle}/`,
    ...extra,
  };
}

/** A finished small task with a good outcome: enough for `tested`. */
export const goodSmallTask: NewSharedWork = {
  kind: 'smallTask',
  direction: 'theyDelivered',
  status: 'done',
  startDate: '2020-03',
  endDate: '2020-04-15',
  outcome: { quality: 5, reliability: 'onTime', wouldWorkAgain: 'yes' },
};

/** Paid work that was never paid: a serious negative, so `caution`. */
export const unpaidProject: NewSharedWork = {
  kind: 'paidProject',
  direction: 'iDelivered',
  status: 'done',
  startDate: '2021-01-10',
  endDate: '2021-02-01',
  outcome: { quality: 4, reliability: 'onTime', payment: { status: 'unpaid' } },
};

export function withoutTimestamps(work: SharedWork): Omit<SharedWork, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = work;
  return rest;
}
