import { Dexie, type EntityTable } from 'dexie';
import { type Clock, systemClock } from '../core/clock.ts';
import type { Flag, Note, Profile, QueueEntry, SharedWork } from '../core/types.ts';
import { aggregatesMiddleware, repairAggregates } from './aggregates.ts';
import type { ArchiveMessage } from './archiveMessages.ts';
import type { MetaRow } from './meta.ts';
import { declareVersions } from './migrations.ts';
import type { PersonRow } from './personRow.ts';
import { DB_NAME } from './schema.ts';
import { type OutboxRow, syncOutboxMiddleware } from './syncOutbox.ts';

/**
 * The extension's one database. Pages and the worker read through queries.ts and write only through
 * mutations.ts, which keeps the derived person fields consistent.
 */
export class TrustDb extends Dexie {
  declare readonly people: EntityTable<PersonRow, 'id'>;
  declare readonly profiles: EntityTable<Profile, 'key'>;
  declare readonly sharedWork: EntityTable<SharedWork, 'id'>;
  declare readonly notes: EntityTable<Note, 'id'>;
  declare readonly flags: EntityTable<Flag, 'id'>;
  declare readonly meta: EntityTable<MetaRow, 'key'>;
  declare readonly queue: EntityTable<QueueEntry, 'id'>;
  declare readonly messages: EntityTable<ArchiveMessage, 'id'>;
  declare readonly syncOutbox: EntityTable<OutboxRow, 'key'>;

  /** The time every write stamps (createdAt, updatedAt, ...) and dates derived fields by. */
  readonly clock: Clock;

  constructor(name: string = DB_NAME, clock: Clock = systemClock) {
    super(name);
    this.clock = clock;
    declareVersions(this);
    this.use(aggregatesMiddleware);
    this.use(syncOutboxMiddleware);
  }
}

let shared: TrustDb | undefined;

/** The extension's database, created on first use. */
export function db(): TrustDb {
  if (!shared) {
    shared = new TrustDb();
    // A database from before the stored counts, or whose counts a restore dropped: count once, in the
    // background; until then the readers count for themselves.
    repairAggregates(shared).catch((error: unknown) =>
      console.error('Trust Notes: recounting the stored counts failed', error),
    );
  }
  return shared;
}

/**
 * A separate instance on a named database: tests (with a clock they set), or a context that must not share the
 * default one.
 */
export function openTrustDb(name: string, clock?: Clock): TrustDb {
  return new TrustDb(name, clock);
}
