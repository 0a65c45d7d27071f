// fake-indexeddb is for unit tests only; the e2e suite uses Chromium's real IndexedDB.
import 'fake-indexeddb/auto';
