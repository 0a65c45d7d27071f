// The end of every edit form on a person's record: Save submits the form, Cancel leaves it unchanged.
import { t } from '../../ui/i18n/i18n.ts';

export function SaveCancel({ onCancel, saving = false }: { onCancel: () => void; saving?: boolean }) {
  return (
    <div class="actions">
      <button type="submit" disabled={saving}>
        {t('options_save')}
      </button>
      <button type="button" class="secondary" onClick={onCancel}>
        {t('options_cancel')}
      </button>
    </div>
  );
}
