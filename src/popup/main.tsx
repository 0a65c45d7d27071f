import type { ProfileSnapshot } from '../core/types.ts';
import type { StartupData } from '../db/startupRead.ts';
import { boot } from '../ui/components/boot.tsx';
import { isFlagsOnly, popupLimits, readFirstScreen } from './firstScreen.ts';
import { loadLive, PopupApp, tabSnapshot } from './PopupApp.tsx';
import '../ui/components/controls.css';
import './popup.css';

const flagsOnly = isFlagsOnly(location.hash);
const limits = popupLimits(flagsOnly);

// Everything the first render needs starts at once: which profile the tab shows, and the first flags,
// recent work and language, read without Dexie (usually already under way: startup.ts). The page renders
// when both are in.
let snapshot: ProfileSnapshot | null = null;
let first: StartupData | undefined;
const startup = globalThis.trustNotesPopupStartup ?? readFirstScreen(limits);
const language = Promise.all([
  startup
    // No database yet, or one at another schema version: Dexie creates or upgrades it.
    .then(async (data) => data ?? (await loadLive()).readStartup(limits))
    // A database that cannot be read at all still gets a popup, which says what it can.
    .catch(() => undefined),
  // A second render once the tab's profile is known would delay the popup by a frame; asking is quick.
  flagsOnly ? null : tabSnapshot(),
]).then(([data, found]) => {
  first = data;
  snapshot = found;
  return data?.settings.language ?? 'auto';
});

void boot(
  'popup_title',
  () => <PopupApp snapshot={snapshot} first={first} flagsOnly={flagsOnly} />,
  language,
);
