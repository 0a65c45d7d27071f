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
const snapshot = tabSnapshot();
let first: PopupData | undefined;
const language = Promise.all([
  getSettings(db())
    .then((settings) => settings.language)
    .catch(() => 'auto' as const),
  firstPopupData(flagsOnly).then((data) => {
    first = data;
  }),
]).then(([lang]) => lang);

void boot(
  'popup_title',
  () => <PopupApp snapshot={snapshot} first={first} flagsOnly={flagsOnly} />,
  language,
);
