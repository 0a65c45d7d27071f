// The record's header: name, stage, what they do, and the edit and delete actions. Fields the user
// saves here are marked as typed by hand, so page visits and imports leave them alone from then on.
import { useState } from 'preact/hooks';
import type { Stage } from '../../core/trust.ts';
import { db } from '../../db/database.ts';
import { type PersonChanges, updatePerson } from '../../db/mutations.ts';
import type { PersonRow } from '../../db/personRow.ts';
import { StageBadge } from '../../ui/components/StageBadge.tsx';
import { type MessageKey, t } from '../../ui/i18n/i18n.ts';
import { SaveCancel } from '../widgets/SaveCancel.tsx';

const FIELD_KEYS = {
  name: 'options_field_name',
  headline: 'options_field_headline',
  position: 'options_field_position',
  company: 'options_field_company',
  location: 'options_field_location',
  email: 'options_field_email',
} as const satisfies Record<Field, MessageKey>;

const FIELDS = ['name', 'headline', 'position', 'company', 'location', 'email'] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  person: PersonRow;
  stage: Stage;
  onDelete: () => void;
}

export function DetailsSection({ person, stage, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const role = [person.position, person.company].filter(Boolean).join(' · ');
  return (
    <header class="record-header">
      <div class="record-title">
        <h2 id="record-name">{person.name}</h2>
        <StageBadge stage={stage} />
        {person.fromImport && <span class="muted">{t('options_record_from_import')}</span>}
      </div>
      {person.headline && <p class="record-headline">{person.headline}</p>}
      {(role || person.location) && (
        <p class="muted">{[role, person.location].filter(Boolean).join(' — ')}</p>
      )}
      {person.email && <p class="muted">{person.email}</p>}
      {editing ? (
        <DetailsForm person={person} onDone={() => setEditing(false)} />
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setEditing(true)}>
            {t('options_record_edit')}
          </button>
          <button type="button" class="danger" onClick={onDelete}>
            {t('options_record_delete', person.name)}
          </button>
        </div>
      )}
    </header>
  );
}

function DetailsForm({ person, onDone }: { person: PersonRow; onDone: () => void }) {
  const [values, setValues] = useState<Record<Field, string>>(
    Object.fromEntries(FIELDS.map((field) => [field, person[field] ?? ''])) as Record<Field, string>,
  );
  const [error, setError] = useState('');
  const save = async (event: Event) => {
    event.preventDefault();
    if (!values.name.trim()) {
      setError(t('options_people_add_name_required'));
      return;
    }
    // Only what changed is sent: an unchanged field must not become "typed by the user".
    const changes: PersonChanges = {};
    for (const field of FIELDS) {
      const value = values[field].trim();
      if (value !== (person[field] ?? '')) changes[field] = value || undefined;
    }
    if (Object.keys(changes).length > 0) await updatePerson(db(), person.id, changes);
    onDone();
  };
  return (
    <form class="details-form" onSubmit={save}>
      {FIELDS.map((field) => (
        <label key={field}>
          <span>{t(FIELD_KEYS[field])}</span>
          <input
            type="text"
            inputMode={field === 'email' ? 'email' : undefined}
            value={values[field]}
            required={field === 'name'}
            aria-invalid={field === 'name' && error ? 'true' : undefined}
            onInput={(e) => setValues({ ...values, [field]: e.currentTarget.value })}
          />
        </label>
      ))}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <SaveCancel onCancel={onDone} />
    </form>
  );
}
