// pouchdb-browser ships no types (and DefinitelyTyped's clash with Node's): sync/pouch.ts gives it sync's own.
declare module 'pouchdb-browser';
