// What the worker's e2e tests and bench run inside an extension page: the real db modules and the data
// generator, bundled as one script (see workerHarness.ts) and evaluated in the page, so test data goes in
// through the same code and the same IndexedDB as the extension's own pages.
import { db } from '../../src/db/database.ts';
import * as meta from '../../src/db/meta.ts';
import * as mutations from '../../src/db/mutations.ts';
import * as queries from '../../src/db/queries.ts';
import { DATA_NOW, generateNetwork, seedNetwork } from '../data/network.ts';

const api = { db, meta, mutations, queries, DATA_NOW, generateNetwork, seedNetwork };
export type WorkerPageApi = typeof api;
(globalThis as unknown as { __tn: WorkerPageApi }).__tn = api;
