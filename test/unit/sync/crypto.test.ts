// @vitest-environment node
import { describe, expect, test } from 'vitest';
import {
  DecryptError,
  decrypt,
  deriveKeys,
  documentId,
  encrypt,
  KDF,
  KDF_ITERATIONS,
  keyCheckOpens,
  keyCheckParams,
  makeKeyCheck,
  newKeyParams,
  validKeyParams,
} from '../../../src/sync/crypto.ts';
import { PASSPHRASE, quickParams } from './devices.ts';

describe('keys from a passphrase', () => {
  test('new ledgers use PBKDF2-SHA-256 at 600,000 iterations and a random 16-byte salt', () => {
    const a = newKeyParams();
    const b = newKeyParams();
    expect(a).toMatchObject({ kdf: KDF, iterations: KDF_ITERATIONS });
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(atob(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
  });

  test('the same passphrase and salt give the same keys on every device; another passphrase does not', async () => {
    const params = quickParams();
    const first = await deriveKeys(PASSPHRASE, params);
    const second = await deriveKeys(PASSPHRASE, params);
    const other = await deriveKeys(`${PASSPHRASE}!`, params);
    expect(await documentId(first, 'people', 'p1')).toBe(await documentId(second, 'people', 'p1'));
    expect(await documentId(other, 'people', 'p1')).not.toBe(await documentId(first, 'people', 'p1'));
    const sealed = await encrypt(first, 'people:x', { name: 'Hana' });
    expect(await decrypt(second, 'people:x', sealed)).toEqual({ name: 'Hana' });
    await expect(decrypt(other, 'people:x', sealed)).rejects.toBeInstanceOf(DecryptError);
  });

  test('a passphrase typed composed or decomposed (NFC) gives one key', async () => {
    const params = quickParams();
    const composed = await deriveKeys('café société 2026', params);
    const decomposed = await deriveKeys('cafe\u0301 socie\u0301te\u0301 2026', params);
    expect(await documentId(composed, 'notes', 'n')).toBe(await documentId(decomposed, 'notes', 'n'));
  });

  test('the keys cannot be read out: they are stored as non-extractable CryptoKeys', async () => {
    const keys = await deriveKeys(PASSPHRASE, quickParams());
    expect(keys.content.extractable).toBe(false);
    expect(keys.ids.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', keys.content)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('raw', keys.ids)).rejects.toThrow();
  });

  test('parameters a server could weaken or damage are refused', () => {
    expect(validKeyParams(quickParams())).toBe(true);
    expect(validKeyParams({ ...quickParams(), iterations: 1000 })).toBe(false);
    expect(validKeyParams({ ...quickParams(), kdf: 'MD5' })).toBe(false);
    expect(validKeyParams({ ...quickParams(), salt: 'c2hvcnQ=' })).toBe(false);
    expect(validKeyParams({ ...quickParams(), salt: '%%%' })).toBe(false);
  });
});

describe('documents', () => {
  test('an id is the table and an HMAC of the key: stable, and nothing of the key shows', async () => {
    const keys = await deriveKeys(PASSPHRASE, quickParams());
    const id = await documentId(keys, 'profiles', 'linkedin:hana-saleh-42');
    expect(id).toMatch(/^profiles:[A-Za-z0-9_-]{32}$/);
    expect(id).not.toMatch(/hana|saleh|linkedin:h/i);
    expect(await documentId(keys, 'profiles', 'linkedin:hana-saleh-42')).toBe(id);
    expect(await documentId(keys, 'people', 'linkedin:hana-saleh-42')).not.toBe(
      id.replace('profiles', 'people'),
    );
  });

  test('a ciphertext opens only under its own document id, and any change to it is caught', async () => {
    const keys = await deriveKeys(PASSPHRASE, quickParams());
    const sealed = await encrypt(keys, 'notes:a', { text: 'private' });
    expect(sealed.startsWith('1.')).toBe(true);
    expect(sealed).not.toContain('private');
    // The server moving a ciphertext to another document.
    await expect(decrypt(keys, 'notes:b', sealed)).rejects.toBeInstanceOf(DecryptError);
    // A flipped bit.
    const bytes = Uint8Array.from(atob(sealed.slice(2)), (c) => c.charCodeAt(0));
    bytes[bytes.length - 1]! ^= 1;
    const tampered = `1.${btoa(String.fromCharCode(...bytes))}`;
    await expect(decrypt(keys, 'notes:a', tampered)).rejects.toBeInstanceOf(DecryptError);
    await expect(decrypt(keys, 'notes:a', 'not a ciphertext')).rejects.toBeInstanceOf(DecryptError);
    // Two encryptions of the same row differ (a fresh IV each time).
    expect(await encrypt(keys, 'notes:a', { text: 'private' })).not.toBe(sealed);
  });

  test('the key check opens with the right passphrase only, and carries the parameters in the clear', async () => {
    const params = quickParams();
    const keys = await deriveKeys(PASSPHRASE, params);
    const check = await makeKeyCheck(keys, params);
    expect(keyCheckParams(check)).toEqual(params);
    expect(await keyCheckOpens(keys, check)).toBe(true);
    expect(await keyCheckOpens(await deriveKeys('wrong passphrase here', params), check)).toBe(false);
    expect(keyCheckParams({ ...check, iterations: 10 })).toBeUndefined();
  });
});
