import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterEach, describe, expect, test } from 'vitest';
import { openTrustDb } from '../../../src/db/database';
import { DB_NAME } from '../../../src/db/schema';

const ROOT = join(__dirname, '../../..');
const script = readFileSync(join(ROOT, 'public/warm/idb-warm.js'), 'utf8');

/** Runs the warm-up script as the page would (a classic script) and waits for its open to settle. */
async function runWarmUp(): Promise<void> {
  runInThisContext(script);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

afterEach(async () => {
  await openTrustDb(DB_NAME).delete();
});

describe('database warm-up script', () => {
  // The popup has its own early script, which reads its first screen (src/popup/startup.ts).
  test('the options page loads it before its modules', () => {
    const html = readFileSync(join(ROOT, 'src/options/index.html'), 'utf8');
    const warm = html.indexOf('<script src="/warm/idb-warm.js"></script>');
    expect(warm).toBeGreaterThan(0);
    expect(warm).toBeLessThan(html.indexOf('type="module"'));
  });

  test('opens the database the extension uses', () => {
    expect(script).toContain(`indexedDB.open('${DB_NAME}')`);
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
