// A copy of a build that holds the host permission for 127.0.0.1 from install: what a user has once they allowed their
// sync server when Chrome asked (a headless browser cannot answer the prompt). The Sync view still asks, and Chrome
// answers at once for a permission already held. Shared by the sync e2e tests and the sync bench.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './browser.mjs';

export function loopbackGranted(dist = DIST) {
  const granted = mkdtempSync(join(tmpdir(), 'trust-notes-sync-'));
  cpSync(dist, granted, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(granted, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, 'http://127.0.0.1/*'];
  writeFileSync(join(granted, 'manifest.json'), JSON.stringify(manifest));
  return granted;
}

/**
 * Sets sync up through the options page's Sync view, as a user does; resolves once the view shows the status.
 * @param {import('playwright-core').Page} page the options page at #/sync
 * @param {{ databaseUrl: string, user: string, password: string }} server
 * @param {{ passphrase: string, first: boolean }} how
 */
export async function fillSyncSetup(page, server, { passphrase, first }) {
  await page.fill('input[name=address]', server.databaseUrl);
  await page.fill('input[name=user]', server.user);
  await page.fill('input[name=password]', server.password);
  await page.click('button[type=submit]');
  await page.locator('input[name=passphrase]').waitFor();
  const repeat = await page.locator('input[name=repeat]').count();
  if (repeat !== (first ? 1 : 0))
    throw new Error(`expected ${first ? 'a first' : 'a joining'} device's form`);
  await page.fill('input[name=passphrase]', passphrase);
  if (first) await page.fill('input[name=repeat]', passphrase);
  await page.click('button[type=submit]');
}
