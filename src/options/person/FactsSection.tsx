// Connection facts: when we connected, when and where we first met and in what context, and who
// introduced us. Dates are partial (a year is enough), as people remember them.
import { useId, useState } from 'preact/hooks';
import { isPartialDate } from '../../core/dates.ts';
import type { FirstMet } from '../../core/types.ts';
import { db } from '../../db/database.ts';
import { updatePerson } from '../../db/mutations.ts';
import type { PersonRow } from '../../db/personRow.ts';
import { personChanged } from '../../ui/data/workerNotify.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { formatPartialDate } from '../../ui/i18n/locale.ts';
import { routeHash } from '../route.ts';
import { SaveCancel } from '../widgets/SaveCancel.tsx';
import { PersonPicker } from './PersonPicker.tsx';

interface Props {
  person: PersonRow;
  introducer: PersonRow | undefined;
}

export function FactsSection({ person, introducer }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <section class="card" aria-labelledby="facts-heading">
      <h3 id="facts-heading">{t('options_facts_heading')}</h3>
      {editing ? (
        <FactsForm person={person} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl class="facts">
            <dt>{t('options_facts_connected_on')}</dt>
            <dd>{person.connectedOn ? formatPartialDate(person.connectedOn) : t('options_facts_unknown')}</dd>
            <dt>{t('options_facts_first_met')}</dt>
            <dd>
              {[formatPartialDate(person.firstMet?.date), person.firstMet?.where]
                .filter(Boolean)
                .join(' — ') || t('options_facts_unknown')}
              {person.firstMet?.context && <span class="facts-context">{person.firstMet.context}</span>}
            </dd>
          </dl>
          <button type="button" class="secondary" onClick={() => setEditing(true)}>
            {t('options_facts_edit')}
          </button>
        </>
      )}
      <Introducer person={person} introducer={introducer} />
    </section>
  );
}

function FactsForm({ person, onDone }: { person: PersonRow; onDone: () => void }) {
  const [connectedOn, setConnectedOn] = useState(person.connectedOn ?? '');
  const [metDate, setMetDate] = useState(person.firstMet?.date ?? '');
  const [where, setWhere] = useState(person.firstMet?.where ?? '');
  const [context, setContext] = useState(person.firstMet?.context ?? '');
  const [invalid, setInvalid] = useState<string[]>([]);
  const connectedError = useId();
  const metError = useId();

  const save = async (event: Event) => {
    event.preventDefault();
    const bad = [
      ...(connectedOn.trim() && !isPartialDate(connectedOn.trim()) ? ['connectedOn'] : []),
      ...(metDate.trim() && !isPartialDate(metDate.trim()) ? ['metDate'] : []),
    ];
    setInvalid(bad);
    if (bad.length > 0) return;
    const firstMet: FirstMet = {};
    if (metDate.trim()) firstMet.date = metDate.trim();
    if (where.trim()) firstMet.where = where.trim();
    if (context.trim()) firstMet.context = context.trim();
    const changes: Parameters<typeof updatePerson>[2] = {};
    if (connectedOn.trim() !== (person.connectedOn ?? ''))
      changes.connectedOn = connectedOn.trim() || undefined;
    if (JSON.stringify(firstMet) !== JSON.stringify(person.firstMet ?? {})) {
      changes.firstMet = Object.keys(firstMet).length > 0 ? firstMet : undefined;
    }
    if (Object.keys(changes).length > 0) {
      await updatePerson(db(), person.id, changes);
      void personChanged(person.id);
    }
    onDone();
  };

  const dateInput = (
    label: string,
    value: string,
    set: (v: string) => void,
    name: string,
    errorId: string,
  ) => (
    <div>
      <label>
        <span>{label}</span>
        <input
          type="text"
          inputMode="numeric"
          value={value}
          placeholder={t('options_date_placeholder')}
          aria-invalid={invalid.includes(name) ? 'true' : undefined}
          aria-describedby={invalid.includes(name) ? errorId : undefined}
          onInput={(e) => set(e.currentTarget.value)}
        />
      </label>
      {invalid.includes(name) && (
        <span id={errorId} class="field-error">
          {t('options_date_invalid')}
        </span>
      )}
    </div>
  );

  return (
    <form class="stack" onSubmit={save}>
      {dateInput(t('options_facts_connected_on'), connectedOn, setConnectedOn, 'connectedOn', connectedError)}
      {dateInput(t('options_facts_met_date'), metDate, setMetDate, 'metDate', metError)}
      <label>
        <span>{t('options_facts_met_where')}</span>
        <input type="text" value={where} onInput={(e) => setWhere(e.currentTarget.value)} />
      </label>
      <label>
        <span>{t('options_facts_met_context')}</span>
        <textarea value={context} onInput={(e) => setContext(e.currentTarget.value)} />
      </label>
      <SaveCancel onCancel={onDone} />
    </form>
  );
}

function Introducer({ person, introducer }: Props) {
  const [choosing, setChoosing] = useState(false);
  const set = async (id: string | undefined) => {
    await updatePerson(db(), person.id, { introducedBy: id });
    setChoosing(false);
  };
  return (
    <div class="introducer">
      <h4>{t('options_facts_introduced_by')}</h4>
      {introducer ? (
        <p>
          <a href={routeHash({ view: 'person', id: introducer.id })}>{introducer.name}</a>{' '}
          <button type="button" class="link" onClick={() => set(undefined)}>
            {t('options_facts_introducer_remove')}
          </button>
        </p>
      ) : (
        !choosing && <p class="muted">{t('options_facts_unknown')}</p>
      )}
      {choosing ? (
        <PersonPicker
          label={t('options_facts_introducer_pick')}
          excludeId={person.id}
          onPick={(other) => void set(other.id)}
        />
      ) : (
        <button type="button" class="secondary" onClick={() => setChoosing(true)}>
          {introducer ? t('options_facts_introducer_change') : t('options_facts_introducer_set')}
        </button>
      )}
    </div>
  );
}
