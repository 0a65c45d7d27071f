// Never silent: what the page would not give is said plainly, and the name can be typed instead. A typed name is
// stored as typed (Person.userEdited), so no later visit replaces it.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Person, ProfileSnapshot } from '../../core/types.ts';
import { t } from '../i18n/i18n.ts';
import { formatFieldList } from '../i18n/locale.ts';
import './trust.css';

export function ReadingNotice(props: {
  snapshot: ProfileSnapshot;
  person: Pick<Person, 'userEdited'> | undefined;
  onName: (name: string) => Promise<void>;
}) {
  const { snapshot, person, onName } = props;
  const missing = snapshot.reading?.missing ?? [];
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const fieldId = useId();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);
  // A name the user typed is theirs: nothing to say about what the page gave.
  const nameUnread = missing.includes('name') && !person?.userEdited.includes('name');
  const others = missing.filter((f) => f !== 'name');
  if (!nameUnread && others.length === 0 && !status) return null;

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setStatus(t('panel_name_empty'));
      return;
    }
    setBusy(true);
    try {
      await onName(name.trim());
      setOpen(false);
      setName('');
      setStatus(t('panel_name_saved'));
    } catch {
      setStatus(t('panel_name_failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="tn-reading">
      {nameUnread ? (
        <p class="tn-reading-name" role="note">
          {t('panel_name_unread')}{' '}
          {open ? null : (
            <button type="button" class="tn-secondary" onClick={() => setOpen(true)}>
              {t('panel_name_type')}
            </button>
          )}
        </p>
      ) : null}
      {nameUnread && open ? (
        <form class="tn-name-form" onSubmit={save}>
          <label for={fieldId}>{t('panel_name_field')}</label>
          <input
            id={fieldId}
            ref={field}
            type="text"
            dir="auto"
            maxLength={500}
            autoComplete="off"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy}>
            {t('panel_name_save')}
          </button>
          <button type="button" class="tn-secondary" onClick={() => setOpen(false)}>
            {t('panel_name_cancel')}
          </button>
        </form>
      ) : null}
      {others.length ? (
        <p class="tn-muted tn-reading-fields">{t('panel_fields_unread', formatFieldList(others))}</p>
      ) : null}
      <span class="tn-status" role="status">
        {status}
      </span>
    </div>
  );
}
