import type { ProfileSnapshot } from '../core/types';
import { db } from '../db/database';
import { getSettings } from '../db/meta';
import { boot } from '../ui/boot.tsx';
import { firstPopupData, PopupApp, type PopupData, tabSnapshot } from './PopupApp';
import '../ui/controls.css';
import './popup.css';

// `#/flags` is where the digest notification sends the user: the open flags, nothing else.
const flagsOnly = location.hash === '#/flags';

// Everything the first render needs starts at once: which profile the tab shows, the language setting,
// and the first flags and recent work. The page renders when the language and the data are in.
let snapshot: ProfileSnapshot | null = null;
let first: PopupData | undefined;
const language = Promise.all([
  getSettings(db())
    .then((settings) => settings.language)
    .catch(() => 'auto' as const),
  // A second render once the tab's profile is known would delay the popup by a frame; asking is quick.
  (flagsOnly ? Promise.resolve(null) : tabSnapshot()).then((found) => {
    snapshot = found;
  }),
  firstPopupData(flagsOnly).then((data) => {
    first = data;
  }),
]).then(([lang]) => lang);

void boot(
  'popup_title',
  () => <PopupApp snapshot={snapshot} first={first} flagsOnly={flagsOnly} />,
  language,
);
