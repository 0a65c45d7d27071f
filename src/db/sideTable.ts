// The shape both bookkeeping middlewares share (the stored counts and sync's outbox): a read-write transaction that
// writes a watched table also takes the side table, so the bookkeeping is written in the same transaction as the
// rows it describes; each table is wrapped once per database.
import type { DBCore, DBCoreTable } from 'dexie';

/**
 * `down` with its read-write transactions widened to `side` wherever they write a table `watches` names, and its
 * tables wrapped by `wrap` (once each).
 */
export function withSideTable(
  down: DBCore,
  side: string,
  watches: (table: string) => boolean,
  wrap: (name: string) => DBCoreTable,
): DBCore {
  const wrapped = new Map<string, DBCoreTable>();
  return {
    ...down,
    transaction(stores, mode, options) {
      const widen = mode === 'readwrite' && stores.some(watches) && !stores.includes(side);
      return down.transaction(widen ? [...stores, side] : stores, mode, options);
    },
    table(name) {
      let table = wrapped.get(name);
      if (!table) {
        table = wrap(name);
        wrapped.set(name, table);
      }
      return table;
    },
  };
}
