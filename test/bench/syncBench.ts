// What the sync bench runs inside extension pages, bundled as one script: PouchDB as the extension has it (for the raw
// replication baseline), sync's crypto (for the encryption cost on its own), and the data generator.
import PouchDB from 'pouchdb-browser';
import {
  decrypt,
  deriveKeys,
  documentId,
  encrypt,
  KDF_ITERATIONS,
  newKeyParams,
} from '../../src/sync/crypto.ts';
import { generateNetwork } from '../data/network.ts';

const api = {
  PouchDB,
  decrypt,
  deriveKeys,
  documentId,
  encrypt,
  KDF_ITERATIONS,
  newKeyParams,
  generateNetwork,
};
export type SyncBenchApi = typeof api;
(globalThis as unknown as { __syncBench: SyncBenchApi }).__syncBench = api;
