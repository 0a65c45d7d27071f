// @vitest-environment node
// The options page's early script, as shipped: built by the same classic-script bundler as the build uses
// (vite.config.ts), then run as the page runs it.
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildClassicScript } from '../../../scripts/classicScript.mjs';
import { openTrustDb } from '../../../src/db/database.ts';
import { DB_NAME } from '../../../src/db/schema.ts';

const ROOT = join(__dirname, '../../..');
let script = '';

beforeAll(async () => {
  script = await buildClassicScript(join(ROOT, 'src/options/startup.ts'), {
    name: 'optionsStartup',
    root: ROOT,
  });
}, 60_000);

/** Runs the early script as the page would (a classic script) and waits for its open to settle. */
async function runWarmUp(): Promise<void> {
  const open = vi.spyOn(indexedDB, 'open');
  const before = open.mock.results.length;
  runInThisContext(script);
  const request = open.mock.results[before]?.value as IDBOpenDBRequest | undefined;
  if (!request) throw new Error('the early script opened no database');
  // Its open succeeds or fails (the script aborts creating a database that is not there): either way it is done.
  await new Promise((resolve) => {
    request.addEventListener('success', resolve);
    request.addEventListener('error', resolve);
  });
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

afterEach(async () => {
  vi.restoreAllMocks();
  await openTrustDb(DB_NAME).delete();
});

describe("the options page's early script", () => {
  test('is one classic script: no import or export left', () => {
    expect(script).not.toMatch(/\bimport\b|\bexport\b/);
  });

  test('opens the database the extension uses (DB_NAME from db/schema.ts)', async () => {
    const open = vi.spyOn(indexedDB, 'open');
    await runWarmUp();
    expect(open.mock.calls).toEqual([[DB_NAME]]);
  });

  test('never creates the database when it does not exist yet', async () => {
    await runWarmUp();
    expect(await databaseNames()).not.toContain(DB_NAME);
  });

  test('does not hold up a schema upgrade while it has the database open', async () => {
    const tdb = openTrustDb(DB_NAME);
    await tdb.open();
    tdb.close();
    await runWarmUp();
    // A newer version asks the open connections to close; the warm-up's must, or this open would block.
    const upgraded = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1000);
      request.onsuccess = () => {
        request.result.close();
        resolve(request.result.version);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked by the warm-up connection'));
    });
    expect(upgraded).toBe(1000);
  });
});
