// The popup's early script: a classic `async` script, built on its own with no imports left (see
// `classicScript` in vite.config.ts), so it runs as soon as it has loaded, while the popup's modules are
// still loading, and starts reading the first screen. main.tsx picks the read up, or starts its own when
// this script has not run (yet).
import type { StartupData } from '../db/startupRead.ts';
import { isFlagsOnly, popupLimits, readFirstScreen } from './firstScreen.ts';

declare global {
  /** The popup's first screen, being read by startup.ts; undefined when that script has not run. */
  var trustNotesPopupStartup: Promise<StartupData | undefined> | undefined;
}

globalThis.trustNotesPopupStartup = readFirstScreen(popupLimits(isFlagsOnly(location.hash)));
