// A CouchDB-protocol replication server on 127.0.0.1 for trying sync out (`npm run sync-server`) and for the tests,
// which start and stop one per file: express-pouchdb (the server half of pouchdb-server) over PouchDB's in-memory
// adapter, with one account. It speaks the replication protocol Apache CouchDB does, which is all Trust Notes uses.
//
// Two things differ from a bare express-pouchdb:
// - Creating a database (PUT /db) is answered here: express-pouchdb 4.2.0 crashes on it when accounts exist
//   (pouchdb-server issue #374: PouchDB.new hands back a promise where the route expects a database).
// - Tests can make it unreachable and reachable again on the same port with its data, or cut it off after some
//   requests (a server that goes down in the middle of a sync).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb-core');
// Plugins change the one pouchdb-core of the process, which a test may share (its replicas use the same core).
if (!PouchDB.adapters.memory) PouchDB.plugin(require('pouchdb-adapter-memory'));
if (!('replicate' in PouchDB.prototype)) PouchDB.plugin(require('pouchdb-replication'));
if (!('query' in PouchDB.prototype)) PouchDB.plugin(require('pouchdb-mapreduce'));
const expressPouchDB = require('express-pouchdb');

export const DEFAULT_DATABASE = 'trust-notes';

const DB_NAME = /^\/([a-z][a-z0-9_$()+-]*)\/?$/;

function credentials(req) {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return undefined;
  const text = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

/**
 * @param {{ port?: number, user?: string, password?: string, database?: string | null, quiet?: boolean }} [opts]
 *   database: created at start (null: none, so the client's setup creates it); user/password: the one account.
 */
export async function startSyncServer(opts = {}) {
  const user = opts.user ?? 'trust';
  const password = opts.password ?? randomBytes(12).toString('base64url');
  const Memory = PouchDB.defaults({ adapter: 'memory' });
  const app = expressPouchDB({ mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  app.setPouchDB(Memory);
  /** @type {{ method: string, url: string, status: number }[]} */
  const requests = [];
  /** @type {{ match: RegExp, after: number } | null} */
  let cut = null;
  /** @type {{ match: RegExp, ms: number } | null} */
  let slow = null;
  const databases = new Map();
  const open = (name) => {
    if (!databases.has(name)) databases.set(name, new Memory(name));
    return databases.get(name);
  };

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (cut?.match.test(url)) {
      if (cut.after <= 0) {
        req.socket.destroy();
        return;
      }
      cut.after--;
    }
    res.on('finish', () => requests.push({ method: req.method ?? '', url, status: res.statusCode }));
    if (slow?.match.test(url)) {
      setTimeout(() => handle(req, res, url), slow.ms);
      return;
    }
    handle(req, res, url);
  });

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string} url */
  function handle(req, res, url) {
    const name = DB_NAME.exec(url.split('?')[0] ?? '')?.[1];
    if (req.method === 'PUT' && name) {
      const who = credentials(req);
      res.setHeader('Content-Type', 'application/json');
      if (who?.user !== user || who.password !== password) {
        res.statusCode = 401;
        res.end(JSON.stringify({ error: 'unauthorized', reason: 'You are not a server admin.' }));
        return;
      }
      const existed = databases.has(name);
      open(name)
        .info()
        .then(() => {
          res.statusCode = existed ? 412 : 201;
          res.end(JSON.stringify(existed ? { error: 'file_exists' } : { ok: true }));
        });
      return;
    }
    app(req, res);
  }
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = (port) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(server.address().port);
      });
    });
  const port = await listen(opts.port ?? 0);
  await new Promise((resolve, reject) =>
    app.couchConfig.set('admins', user, password, (error) => (error ? reject(error) : resolve())),
  );
  const database = opts.database === undefined ? DEFAULT_DATABASE : opts.database;
  if (database) await open(database).info();
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    user,
    password,
    /** The database's address, as a user types it into the Sync settings. */
    databaseUrl: `${origin}/${database ?? DEFAULT_DATABASE}`,
    requests,
    /** Every revision of every document the server holds (deleted ones and conflicts too), as stored. */
    async rawDocuments(name = database ?? DEFAULT_DATABASE) {
      const db = open(name);
      const changes = await db.changes({ style: 'all_docs' });
      const docs = [];
      for (const change of changes.results) {
        const revs = await db.get(change.id, { open_revs: 'all', revs: true });
        for (const rev of revs) if (rev.ok) docs.push(rev.ok);
      }
      return docs;
    },
    /** The checkpoints replication wrote (`_local` documents), read by id. */
    async localDocument(id, name = database ?? DEFAULT_DATABASE) {
      return open(name)
        .get(`_local/${id}`)
        .catch(() => undefined);
    },
    /** From now on, requests whose URL matches are cut off once `after` of them have been answered. */
    cutAfter(match, after) {
      cut = { match, after };
    },
    /** From now on, requests whose URL matches are answered `ms` later (null: at once again). */
    slowDown(match, ms) {
      slow = match ? { match, ms } : null;
    },
    /** Unreachable: open connections cut, nothing listening; the data stays. */
    async pause() {
      cut = null;
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
    /** Reachable again, on the same port, with the same data. */
    async resume() {
      cut = null;
      if (!server.listening) await listen(port);
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise((resolve) => server.close(() => resolve()));
      for (const db of databases.values()) await db.destroy().catch(() => {});
      // express-pouchdb keeps a registry of databases (pouchdb-all-dbs), updated in a queue after each create and
      // destroy, and it logs its own write conflicts: a read of it waits for that queue, so nothing of this server
      // runs, or logs, after stop() (a log after a test file's end fails the run).
      await Memory.allDbs?.().catch(() => {});
      // That registry listens for every database the process's PouchDB creates or destroys (a test's replicas too),
      // and every server started in the process keeps one in the same in-memory database: a stopped server's would go
      // on writing there beside the next one's, each logging the other's conflicts.
      Memory.removeAllListeners?.('created');
      Memory.removeAllListeners?.('destroyed');
    },
  };
}

// `npm run sync-server [-- --port 5984 --user trust --password …]`: a server to try sync with, on this machine only.
async function main() {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.SYNC_SERVER_PORT ?? '5984' },
      user: { type: 'string', default: process.env.SYNC_SERVER_USER ?? 'trust' },
      password: { type: 'string', default: process.env.SYNC_SERVER_PASSWORD },
    },
  });
  const server = await startSyncServer({
    port: Number(values.port),
    user: values.user,
    password: values.password,
  });
  const lines = [
    `Trust Notes sync server (for trying sync out) on ${server.origin}`,
    '',
    'In Trust Notes, open Sync and type:',
    `  Server address: ${server.databaseUrl}`,
    `  User name:      ${server.user}`,
    `  Password:       ${server.password}`,
    '',
    values.password
      ? 'The ledger is kept in memory: stopping this server forgets it. Your devices keep theirs, and the first one'
      : `The ledger is kept in memory: stopping this server forgets it. Start it again with --password ${server.password}`,
    values.password
      ? 'to sync afterwards sends it again.'
      : 'to keep the same password; your devices keep their ledgers, and the first to sync sends it again.',
    'Only this computer can reach it (127.0.0.1). For every day, use Apache CouchDB or a hosted CouchDB (see the README).',
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const { pathToFileURL } = await import('node:url');
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
