// "Edited on two devices": a record of this person that two devices changed before they synced. Every device shows
// the same version (PouchDB's deterministic winner); the other is kept, shown here field by field beside it, until the
// user keeps one. Nothing shows when sync is off or nothing conflicts.
import { useState } from 'preact/hooks';
import { meaningfulFields } from '../../db/syncTables.ts';
import { sendMessage } from '../../messages/client.ts';
import { type ConflictRow, syncStore } from '../../sync/store.ts';
import { useLiveQuery } from '../../ui/data/useLiveQuery.ts';
import { type MessageKey, t } from '../../ui/i18n/i18n.ts';
import { formatCount } from '../../ui/i18n/locale.ts';
import { syncErrorText } from '../sync/syncErrorText.ts';

type Version = ConflictRow['winner'];

/** The words for each field a conflict can show; a field not listed shows as its name. */
const FIELD_KEYS: Partial<Record<string, MessageKey>> = {
  name: 'sync_field_name',
  headline: 'sync_field_headline',
  company: 'sync_field_company',
  position: 'sync_field_position',
  location: 'sync_field_location',
  email: 'sync_field_email',
  connectedOn: 'sync_field_connectedOn',
  firstMet: 'sync_field_firstMet',
  introducedBy: 'sync_field_introducedBy',
  tags: 'sync_field_tags',
  kind: 'sync_field_kind',
  direction: 'sync_field_direction',
  status: 'sync_field_status',
  title: 'sync_field_title',
  startDate: 'sync_field_startDate',
  endDate: 'sync_field_endDate',
  outcome: 'sync_field_outcome',
  note: 'sync_field_note',
  text: 'sync_field_text',
  state: 'sync_field_state',
  snoozedUntil: 'sync_field_snoozedUntil',
  personId: 'sync_field_personId',
};

/** What the conflicting record is, by table. */
const WHAT_KEYS: Partial<Record<string, MessageKey>> = {
  people: 'conflict_what_people',
  profiles: 'conflict_what_profiles',
  sharedWork: 'conflict_what_sharedWork',
  notes: 'conflict_what_notes',
  flags: 'conflict_what_flags',
  queue: 'conflict_what_queue',
};

function whatLabel(table: string): string {
  const key = WHAT_KEYS[table];
  return key ? t(key) : table;
}

function fieldLabel(field: string): string {
  const key = FIELD_KEYS[field];
  return key ? t(key) : field;
}

/** A value as words: text as it is, lists joined, small objects as "key: value" pairs. */
function describe(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'number') return formatCount(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(describe).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${describe(v)}`)
      .join('; ');
  }
  return String(value);
}

/** The fields whose values differ between the versions (incidental ones left out). */
function differingFields(conflict: ConflictRow): string[] {
  const versions = [conflict.winner, ...conflict.others].map((v) => meaningfulFields(conflict.table, v.row));
  const fields = new Set(versions.flatMap((row) => (row ? Object.keys(row) : [])));
  return [...fields].filter((field) => {
    const values = versions.map((row) => JSON.stringify(row?.[field] ?? null));
    return new Set(values).size > 1;
  });
}

export function ConflictsSection({ personId }: { personId: string }) {
  const conflicts = useLiveQuery(
    () => syncStore().conflicts.where('personId').equals(personId).toArray(),
    [personId],
  );
  if (!conflicts || conflicts.length === 0) return null;
  return (
    <section class="card conflicts" aria-labelledby="conflicts-heading">
      <h3 id="conflicts-heading">{t('conflict_heading')}</h3>
      <p class="muted">{t('conflict_intro')}</p>
      {conflicts.map((conflict) => (
        <Conflict key={conflict.docId} conflict={conflict} />
      ))}
    </section>
  );
}

function Conflict({ conflict }: { conflict: ConflictRow }) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fields = differingFields(conflict);
  const keep = async (version: Version) => {
    setBusy(true);
    setError(undefined);
    const reply = await sendMessage('page:syncResolve', {
      docId: conflict.docId,
      keepRev: version.rev,
    }).catch((e: unknown) => ({ ok: false as const, code: 'failed' as const, detail: String(e) }));
    if (!reply.ok) setError(syncErrorText(reply.code));
    setBusy(false);
  };
  const versions: [string, Version][] = [
    [t('conflict_shown'), conflict.winner],
    ...conflict.others.map((other): [string, Version] => [t('conflict_other'), other]),
  ];
  return (
    <div class="conflict" data-doc={conflict.docId}>
      <h4>{whatLabel(conflict.table)}</h4>
      <div class="conflict-versions">
        {versions.map(([title, version]) => (
          <div key={version.rev} class="conflict-version">
            <h4>{title}</h4>
            {version.row === null ? (
              <p>{t('conflict_deleted')}</p>
            ) : (
              <dl>
                {fields.map((field) => (
                  <div key={field}>
                    <dt>{fieldLabel(field)}</dt>
                    <dd>{describe(version.row?.[field])}</dd>
                  </div>
                ))}
              </dl>
            )}
            <button
              type="button"
              class="secondary"
              disabled={busy}
              aria-label={t(
                'conflict_keep_label',
                fields[0] === undefined
                  ? title
                  : `${fieldLabel(fields[0])}: ${describe(version.row?.[fields[0]])}`,
              )}
              onClick={() => keep(version)}
            >
              {t('conflict_keep')}
            </button>
          </div>
        ))}
      </div>
      {error && (
        <p class="error-box" role="alert">
          {t('conflict_failed', error)}
        </p>
      )}
    </div>
  );
}
