// What the popup's first screen shows, and its read. Shared by the popup's early script (startup.ts) and
// its page (main.tsx, PopupApp.tsx).
import { readStartup, type StartupData } from '../db/startupRead.ts';

/** The popup is small: a few flags, with the whole list one click away (`#/flags`). */
export const FLAGS_SHOWN = 5;
const FLAGS_IN_LIST = 100;
const RECENT_SHOWN = 5;

/** `#/flags` is where the digest notification sends the user: the open flags, nothing else. */
export function isFlagsOnly(hash: string): boolean {
  return hash === '#/flags';
}

/** How many flags and recent works the popup shows. */
export function popupLimits(flagsOnly: boolean): { flags: number; recent: number } {
  return { flags: flagsOnly ? FLAGS_IN_LIST : FLAGS_SHOWN, recent: RECENT_SHOWN };
}

/** The first screen, read without Dexie; undefined when that cannot serve it (the page then asks Dexie). */
export function readFirstScreen(limits: { flags: number; recent: number }): Promise<StartupData | undefined> {
  return readStartup(limits).catch((error: unknown) => {
    console.warn('Trust Notes: reading the popup without Dexie failed; reading with it', error);
    return undefined;
  });
}
