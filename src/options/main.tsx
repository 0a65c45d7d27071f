import { boot } from '../ui/boot.tsx';
import { t } from '../ui/i18n.ts';

function Options() {
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <p>{t('app_tagline')}</p>
    </main>
  );
}

void boot('options_title', () => <Options />);
