// Waits until the browser is quiet before a sample: a large IndexedDB write goes on costing the browser CPU after
// its transaction completes (its files are flushed and compacted, a deleted database's files removed), and on a
// machine of two cores that work otherwise lands in the next sample. Linux only (/proc); elsewhere it returns
// at once.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = 100; // USER_HZ on Linux
const WINDOW_MS = 500;
/** Quiet: the browser's processes used less than this share of one core over a window. */
const QUIET_SHARE = 0.05;

/** CPU ticks (user + system) of every Chromium process so far, or undefined where /proc cannot tell. */
function browserTicks() {
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state …": the command may hold spaces, so fields are counted after its closing parenthesis.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (!/chrom/i.test(stat.slice(open + 1, close))) continue;
    const fields = stat.slice(close + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the whole line)
  }
  return ticks;
}

/**
 * Resolves once the browser used under 5% of a core over half a second, or after `maxMs`; returns how long it
 * waited, for the log.
 */
export async function settle(maxMs = 30_000) {
  const start = Date.now();
  let before = browserTicks();
  if (before === undefined) return 0;
  while (Date.now() - start < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const now = browserTicks();
    const share = (now - before) / TICKS_PER_S / (WINDOW_MS / 1000);
    before = now;
    if (share < QUIET_SHARE) break;
  }
  return Date.now() - start;
}
