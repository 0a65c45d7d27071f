// The end-to-end encryption of sync, on WebCrypto alone (the worker, extension pages and Node's tests all have it).
//
// - A passphrase becomes a key with PBKDF2-SHA-256 at a high iteration count (OWASP's 2023 figure), over a random
//   salt kept in the clear on the server (the key check document), so every device derives the same key.
// - That key is expanded with HKDF into two non-extractable keys: AES-GCM for the documents' contents and HMAC-SHA-256
//   for their ids. The passphrase and the bits between the two steps are never stored; the CryptoKey objects are
//   (IndexedDB stores them as they are, unreadable to script).
// - A document's id is the HMAC of its table and primary key: stable, so the same row has the same document on every
//   device with no mapping table (two devices that create the same profile key meet in one document, and a conflict
//   is a real one), and random-looking, so the server never sees a name, a profile handle or any other key.
// - A document's contents are AES-GCM with a fresh 96-bit IV, and the document id as additional data: the server
//   cannot move a ciphertext to another document (it would no longer decrypt).

export const KDF = 'PBKDF2-SHA-256';
/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA-256. About half a second in Chromium on these machines. */
export const KDF_ITERATIONS = 600_000;
/** Below this the key check is refused: a server must not be able to weaken the derivation. */
export const MIN_KDF_ITERATIONS = 100_000;
const MAX_KDF_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** The ciphertext format: `1.` + base64(IV ‖ AES-GCM output). */
const CT_PREFIX = '1.';
/** 24 bytes of HMAC, base64url: 192 bits, far beyond any chance of two rows meeting in one id. */
const ID_BYTES = 24;

export interface KeyParams {
  kdf: typeof KDF;
  iterations: number;
  /** base64 */
  salt: string;
}

/** The two keys sync uses, both non-extractable. */
export interface SyncKeys {
  content: CryptoKey;
  ids: CryptoKey;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function base64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Fresh parameters for a new synced ledger: a random salt and today's iteration count. */
export function newKeyParams(): KeyParams {
  return {
    kdf: KDF,
    iterations: KDF_ITERATIONS,
    salt: toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES))),
  };
}

/** Whether parameters read from a server are ones this version derives keys with, and safely. */
export function validKeyParams(value: unknown): value is KeyParams {
  const p = value as KeyParams | undefined;
  if (p?.kdf !== KDF || !Number.isInteger(p.iterations)) return false;
  if (p.iterations < MIN_KDF_ITERATIONS || p.iterations > MAX_KDF_ITERATIONS) return false;
  try {
    return typeof p.salt === 'string' && fromBase64(p.salt).length >= SALT_BYTES;
  } catch {
    return false;
  }
}

/**
 * The passphrase as the same bytes on every device: Unicode NFC, so an Arabic or accented passphrase typed on two
 * keyboards (composed or decomposed) gives one key.
 */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(passphrase.normalize('NFC'));
}

export async function deriveKeys(passphrase: string, params: KeyParams): Promise<SyncKeys> {
  if (!validKeyParams(params)) throw new Error('Unsupported key parameters');
  const material = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(params.salt), iterations: params.iterations },
    material,
    256,
  );
  const master = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
  const expand = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: encoder.encode(info),
  });
  const [content, ids] = await Promise.all([
    crypto.subtle.deriveKey(
      expand('trust-notes sync content v1'),
      master,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    ),
    crypto.subtle.deriveKey(
      expand('trust-notes sync ids v1'),
      master,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    ),
  ]);
  return { content, ids };
}

/** `<table>:<HMAC of table and key>`: the document id of one row. */
export async function documentId(keys: SyncKeys, table: string, key: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.ids, encoder.encode(`${table}\n${key}`));
  return `${table}:${base64Url(new Uint8Array(mac).subarray(0, ID_BYTES))}`;
}

export async function encrypt(keys: SyncKeys, docId: string, value: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(docId) },
    keys.content,
    encoder.encode(JSON.stringify(value)),
  );
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return CT_PREFIX + toBase64(out);
}

/** Thrown when a ciphertext does not open with these keys for this document: wrong key, or tampered with. */
export class DecryptError extends Error {
  constructor(readonly docId: string) {
    super(`Document ${docId} does not decrypt with this passphrase`);
    this.name = 'DecryptError';
  }
}

export async function decrypt(keys: SyncKeys, docId: string, ct: unknown): Promise<unknown> {
  if (typeof ct !== 'string' || !ct.startsWith(CT_PREFIX)) throw new DecryptError(docId);
  try {
    const bytes = fromBase64(ct.slice(CT_PREFIX.length));
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: encoder.encode(docId) },
      keys.content,
      bytes.subarray(IV_BYTES),
    );
    return JSON.parse(decoder.decode(opened));
  } catch {
    throw new DecryptError(docId);
  }
}

// ---------------------------------------------------------------------------------------------------
// The key check: the one document a new device reads before it writes anything.

export const KEY_CHECK_ID = 'keycheck';
const KEY_CHECK_TEXT = 'trust-notes key check v1';

export interface KeyCheckDoc extends KeyParams {
  _id: typeof KEY_CHECK_ID;
  _rev?: string;
  ct: string;
}

export async function makeKeyCheck(keys: SyncKeys, params: KeyParams): Promise<KeyCheckDoc> {
  return { _id: KEY_CHECK_ID, ...params, ct: await encrypt(keys, KEY_CHECK_ID, { check: KEY_CHECK_TEXT }) };
}

/** Whether `keys` open the key check: the passphrase is the one the ledger was set up with. */
export async function keyCheckOpens(keys: SyncKeys, doc: KeyCheckDoc): Promise<boolean> {
  try {
    const value = (await decrypt(keys, KEY_CHECK_ID, doc.ct)) as { check?: unknown } | null;
    return value?.check === KEY_CHECK_TEXT;
  } catch {
    return false;
  }
}

/** The key parameters of a key check document read from a server, or undefined when it is not one. */
export function keyCheckParams(doc: unknown): KeyParams | undefined {
  const d = doc as Partial<KeyCheckDoc> | undefined;
  if (d?._id !== KEY_CHECK_ID || typeof d.ct !== 'string') return undefined;
  const params = { kdf: d.kdf, iterations: d.iterations, salt: d.salt };
  return validKeyParams(params) ? params : undefined;
}
