// Free notes about the person: add, edit, delete with undo. Newest first.
import { useState } from 'preact/hooks';
import type { Note } from '../../core/types.ts';
import { db } from '../../db/database.ts';
import { addNote, deleteNote, restoreNote, updateNote } from '../../db/mutations.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { formatDayOfMillis } from '../../ui/i18n/locale.ts';
import { useOfferUndo } from '../undo.tsx';
import { SaveCancel } from '../widgets/SaveCancel.tsx';

export function NotesSection({ personId, notes }: { personId: string; notes: Note[] }) {
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | undefined>();
  const offerUndo = useOfferUndo();

  const add = async (event: Event) => {
    event.preventDefault();
    if (!draft.trim()) return;
    await addNote(db(), personId, draft.trim());
    setDraft('');
  };
  const remove = async (note: Note) => {
    const removed = await deleteNote(db(), note.id);
    if (removed) offerUndo({ message: t('options_notes_deleted'), undo: () => restoreNote(db(), removed) });
  };

  return (
    <section class="card" aria-labelledby="notes-heading">
      <h3 id="notes-heading">{t('options_notes_heading')}</h3>
      <form onSubmit={add} class="stack">
        <label>
          <span>{t('options_notes_new')}</span>
          <textarea value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="submit" disabled={!draft.trim()}>
            {t('options_notes_add')}
          </button>
        </div>
      </form>
      <ul class="notes">
        {notes.map((note) => (
          <li key={note.id}>
            {editing?.id === note.id ? (
              <form
                class="stack"
                onSubmit={async (event) => {
                  event.preventDefault();
                  if (!editing.text.trim()) return;
                  await updateNote(db(), note.id, editing.text.trim());
                  setEditing(undefined);
                }}
              >
                <label>
                  <span>{t('options_notes_edit_label')}</span>
                  <textarea
                    value={editing.text}
                    onInput={(e) => setEditing({ id: note.id, text: e.currentTarget.value })}
                  />
                </label>
                <SaveCancel onCancel={() => setEditing(undefined)} />
              </form>
            ) : (
              <>
                <p class="note-text">{note.text}</p>
                <p class="muted note-meta">
                  {formatDayOfMillis(note.updatedAt)}{' '}
                  <button
                    type="button"
                    class="link"
                    onClick={() => setEditing({ id: note.id, text: note.text })}
                  >
                    {t('options_edit')}
                  </button>
                  <button type="button" class="link" onClick={() => remove(note)}>
                    {t('options_delete')}
                  </button>
                </p>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
