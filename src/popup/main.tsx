import browser from 'webextension-polyfill';
import { boot } from '../ui/boot.tsx';
import { t } from '../ui/i18n.ts';

function Popup() {
  return (
    <main class="popup">
      <h1>{t('popup_title')}</h1>
      <p>{t('app_tagline')}</p>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popup_open_app')}
      </button>
    </main>
  );
}

void boot('popup_title', () => <Popup />);
