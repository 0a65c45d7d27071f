import { db } from '../db/database';
import { getSettings } from '../db/meta';
import { boot } from '../ui/boot.tsx';
import { PopupApp } from './PopupApp';
import '../ui/controls.css';
import './popup.css';

const language = getSettings(db())
  .then((settings) => settings.language)
  .catch(() => 'auto' as const);

// `#/flags` is where the digest notification sends the user: the open flags, nothing else.
void boot('popup_title', () => <PopupApp flagsOnly={location.hash === '#/flags'} />, language);
