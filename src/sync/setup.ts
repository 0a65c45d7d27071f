// Setting sync up on a device: where the server is, whether the ledger there is new, and the passphrase.
//
// A device joining a ledger reads the key check document and derives the key from the passphrase and the salt in it;
// only when the key opens the check does anything get written, here or there. A wrong passphrase changes nothing on
// either side. The first device makes the salt and writes the check; two first devices at once meet in a 409 and
// the second joins the first's ledger instead.
import {
  deriveKeys,
  KEY_CHECK_ID,
  type KeyCheckDoc,
  type KeyParams,
  keyCheckOpens,
  keyCheckParams,
  makeKeyCheck,
  newKeyParams,
  type SyncKeys,
  toBase64,
} from './crypto.ts';
import { SyncError, syncErrorOf } from './errors.ts';

export const DEFAULT_DATABASE = 'trust-notes';
/** Long enough that the server's operator cannot guess it offline, even at PBKDF2's cost: four or five words. */
export const MIN_PASSPHRASE_LENGTH = 12;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface ServerAccount {
  /** What the user typed: a server (`https://couch.example.com`) or a database on it (`…/my-ledger`). */
  address: string;
  user: string;
  password: string;
}

export interface ServerPlace {
  databaseUrl: string;
  /** The host permission to ask for: the server's origin, any port. */
  permission: string;
}

/**
 * The database's address from what the user typed. https, or plain http to this machine only (a server tried out
 * with `npm run sync-server`): the pages' content security policy allows nothing else, and credentials and a ledger
 * never travel in the clear. A server without a path gets the default database.
 */
export function serverPlace(address: string): ServerPlace {
  const text = address.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new SyncError('badAddress', text);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure || url.username || url.password || url.search || url.hash)
    throw new SyncError('badAddress', text);
  const path = url.pathname.replace(/\/+$/, '');
  return {
    databaseUrl: `${url.origin}${path || `/${DEFAULT_DATABASE}`}`,
    permission: `${url.protocol}//${url.hostname}/*`,
  };
}

function authorization(account: Pick<ServerAccount, 'user' | 'password'>): string {
  return `Basic ${toBase64(new TextEncoder().encode(`${account.user}:${account.password}`))}`;
}

type Fetch = typeof fetch;

async function request(
  fetcher: Fetch,
  url: string,
  account: ServerAccount,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> | undefined }> {
  let response: Response;
  try {
    response = await fetcher(url, {
      ...init,
      headers: { Accept: 'application/json', Authorization: authorization(account), ...init.headers },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    throw new SyncError('unreachable', String(error));
  }
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(text);
    body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

function refusal(status: number, body: Record<string, unknown> | undefined): SyncError | undefined {
  if (status === 401) return new SyncError('unauthorized');
  if (status === 403) return new SyncError('forbidden');
  if (status >= 500) return new SyncError('unreachable', `HTTP ${status}`);
  if (body === undefined) return new SyncError('notCouch', `HTTP ${status}`);
  return undefined;
}

export interface Probe {
  databaseUrl: string;
  /** No ledger there yet: this is the first device (the passphrase is chosen now, and typed twice). */
  fresh: boolean;
  /** The database itself exists (a fresh ledger may still need it created). */
  exists: boolean;
  keyCheck?: KeyCheckDoc;
}

/**
 * Looks at the database without writing anything: reachable, the account accepted, a CouchDB database, and whether
 * it holds a ledger. A database that does not exist counts as fresh (connect creates it).
 */
export async function probeServer(account: ServerAccount, fetcher: Fetch = fetch): Promise<Probe> {
  const { databaseUrl } = serverPlace(account.address);
  const info = await request(fetcher, databaseUrl, account);
  const refused = refusal(info.status, info.body);
  if (refused) throw refused;
  if (info.status === 404) return { databaseUrl, fresh: true, exists: false };
  if (info.status !== 200 || typeof info.body?.db_name !== 'string')
    throw new SyncError('notCouch', `${info.status}`);
  const check = await request(fetcher, `${databaseUrl}/${KEY_CHECK_ID}`, account);
  const checkRefused = refusal(check.status, check.body);
  if (checkRefused) throw checkRefused;
  if (check.status === 404) {
    // Documents but no key check: not a Trust Notes ledger (or one whose check was deleted). Writing into it
    // would mix two things; the user picks another database.
    if (Number(info.body.doc_count) > 0) throw new SyncError('keyCheck', 'documents without a key check');
    return { databaseUrl, fresh: true, exists: true };
  }
  if (check.status !== 200 || !keyCheckParams(check.body)) throw new SyncError('keyCheck', `${check.status}`);
  return { databaseUrl, fresh: false, exists: true, keyCheck: check.body as unknown as KeyCheckDoc };
}

export interface Joined {
  databaseUrl: string;
  keys: SyncKeys;
  params: KeyParams;
  /** This device made the ledger (its passphrase, its salt). */
  created: boolean;
}

/**
 * Connects this device to the ledger at `account`: derives the key from the passphrase, and proves it against the key
 * check (joining), or writes the key check (the first device; `repeat` must match). Throws `wrongPassphrase` having
 * written nothing.
 */
export async function joinLedger(
  account: ServerAccount,
  passphrase: string,
  repeat: string | undefined,
  fetcher: Fetch = fetch,
  paramsForNew: () => KeyParams = newKeyParams,
): Promise<Joined> {
  const probe = await probeServer(account, fetcher);
  if (!probe.fresh && probe.keyCheck) {
    const params = keyCheckParams(probe.keyCheck)!;
    const keys = await deriveKeys(passphrase, params);
    if (!(await keyCheckOpens(keys, probe.keyCheck))) throw new SyncError('wrongPassphrase');
    return { databaseUrl: probe.databaseUrl, keys, params, created: false };
  }
  if (repeat === undefined)
    throw new SyncError('passphraseMismatch', 'the first device types the passphrase twice');
  if (passphrase !== repeat) throw new SyncError('passphraseMismatch');
  if ([...passphrase.trim()].length < MIN_PASSPHRASE_LENGTH) throw new SyncError('passphraseWeak');
  const params = paramsForNew();
  const keys = await deriveKeys(passphrase, params);
  if (!probe.exists) {
    // Only an administrator may create a database on CouchDB: anyone else is told to ask for one.
    const created = await request(fetcher, probe.databaseUrl, account, { method: 'PUT' });
    if (created.status !== 201 && created.status !== 202 && created.status !== 412) {
      const refused = created.status === 401 || created.status === 403 || created.status === 404;
      throw refused ? new SyncError('noDatabase', `${created.status}`) : syncErrorOf(created.body ?? created);
    }
  }
  const doc = await makeKeyCheck(keys, params);
  const written = await request(fetcher, `${probe.databaseUrl}/${KEY_CHECK_ID}`, account, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(doc),
  });
  // Another device set the same database up a moment ago: join its ledger instead (the passphrase must match it).
  if (written.status === 409) return joinLedger(account, passphrase, undefined, fetcher);
  const refused = refusal(written.status, written.body);
  if (refused) throw refused;
  if (written.status !== 201 && written.status !== 202)
    throw new SyncError('failed', `key check ${written.status}`);
  return { databaseUrl: probe.databaseUrl, keys, params, created: true };
}
