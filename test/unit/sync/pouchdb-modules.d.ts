// The in-memory PouchDB of the unit tests (the same 9.0 core as pouchdb-browser), typed through sync/pouchTypes.ts.
declare module 'pouchdb-core';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
