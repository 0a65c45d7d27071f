import { useId, useState } from 'preact/hooks';
import type { Note } from '../../core/types.ts';
import { t } from '../i18n/i18n.ts';
import { formatDayOfMillis } from '../i18n/locale.ts';
import './trust.css';

/** Notes, newest first, with a box to add one. Typed inside the extension's frame: the page never sees it. */
export function NotesList(props: { notes: readonly Note[]; onAdd: (text: string) => Promise<void> }) {
  const { notes, onAdd } = props;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const fieldId = useId();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    try {
      await onAdd(text.trim());
      setText('');
      setStatus(t('ui_note_added'));
    } catch {
      setStatus(t('ui_save_failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="tn-notes">
      <form class="tn-note-form" onSubmit={submit}>
        <label for={fieldId}>{t('ui_note_new')}</label>
        <textarea
          id={fieldId}
          rows={3}
          maxLength={5000}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy || !text.trim()}>
          {t('ui_note_add')}
        </button>
        <span class="tn-status" role="status">
          {status}
        </span>
      </form>
      {notes.length === 0 ? (
        <p class="tn-muted tn-empty">{t('ui_notes_none')}</p>
      ) : (
        <ul class="tn-note-list">
          {[...notes]
            .sort((a, b) => b.createdAt - a.createdAt)
            .map((note) => (
              <li key={note.id}>
                <time class="tn-muted" dateTime={new Date(note.createdAt).toISOString()}>
                  {formatDayOfMillis(note.createdAt)}
                </time>
                <p class="tn-note-text" dir="auto">
                  {note.text}
                </p>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
