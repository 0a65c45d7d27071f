// The part of PouchDB's API sync uses, typed here: DefinitelyTyped's @types/pouchdb-core declares a global `Buffer`
// interface that breaks Node's own typings across the project.

export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface PouchWriteResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
  reason?: string;
}

export interface PouchAllDocsRow {
  id?: string;
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: PouchDoc | null;
  error?: string;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: PouchDoc;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  last_seq?: number | string;
  /** In a 'change' event: the documents that batch wrote to the target. */
  docs?: PouchDoc[];
}

export interface Replication extends Promise<ReplicationResult> {
  on(event: 'change', listener: (info: ReplicationResult) => void): Replication;
  cancel(): void;
}

export interface ReplicateOptions {
  batch_size?: number;
  batches_limit?: number;
  timeout?: number;
  retry?: boolean;
  checkpoint?: false | 'source' | 'target';
  /** Start after this sequence of the source (PouchDB writes it as the checkpoint first). */
  since?: number | string;
}

export interface Replica {
  name: string;
  adapter: string;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  get(
    id: string,
    options?: { rev?: string; conflicts?: boolean; open_revs?: 'all'; revs?: boolean },
  ): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<PouchWriteResult>;
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<PouchWriteResult[]>;
  allDocs(options: {
    keys?: string[];
    include_docs?: boolean;
    conflicts?: boolean;
    startkey?: string;
    endkey?: string;
    limit?: number;
  }): Promise<{ rows: PouchAllDocsRow[]; total_rows: number }>;
  changes(options: {
    since?: number | string;
    limit?: number;
    /** The HTTP adapter's changes per request (25 unless told). */
    batch_size?: number;
    include_docs?: boolean;
    conflicts?: boolean;
    style?: 'all_docs';
  }): Promise<{ results: PouchChange[]; last_seq: number | string }>;
  replicate: {
    to(target: Replica, options?: ReplicateOptions): Replication;
    from(source: Replica, options?: ReplicateOptions): Replication;
  };
  /** The HTTP adapter's own request, with the database's address and credentials. */
  fetch?(path: string, options?: RequestInit): Promise<Response>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface ReplicaOptions {
  adapter?: string;
  auth?: { username: string; password: string };
  skip_setup?: boolean;
  auto_compaction?: boolean;
  fetch?: (url: string | URL | Request, init?: RequestInit) => Promise<Response>;
}

/** A PouchDB constructor: the extension's (pouchdb-browser) or the tests' (in-memory). */
export type PouchConstructor = new (name: string, options?: ReplicaOptions) => Replica;
