import { boot } from '../ui/boot.tsx';
import { t } from '../ui/i18n.ts';

function Panel() {
  return (
    <main class="panel">
      <h1>{t('ext_name')}</h1>
    </main>
  );
}

void boot('ext_name', () => <Panel />);
