// Find another person by name (prefix search, accents and case ignored) and pick one: an ARIA combobox
// with a listbox of results, usable with the arrow keys and Enter.
import { useId, useState } from 'preact/hooks';
import { db } from '../../db/database.ts';
import type { PersonRow } from '../../db/personRow.ts';
import { searchPeopleByPrefix } from '../../db/queries.ts';
import { useLiveQuery } from '../../ui/data/useLiveQuery.ts';
import { t } from '../../ui/i18n/i18n.ts';

interface Props {
  label: string;
  /** The person whose record this is: never offered. */
  excludeId?: string;
  onPick: (person: PersonRow) => void;
}

export function PersonPicker({ label, excludeId, onPick }: Props) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const found = useLiveQuery(
    async () => (text.trim() ? await searchPeopleByPrefix(db(), text, 9) : []),
    [text],
    [] as PersonRow[],
  );
  const results = found.filter((person) => person.id !== excludeId).slice(0, 8);
  const open = text.trim() !== '' && results.length > 0;
  const pick = (person: PersonRow | undefined) => {
    if (!person) return;
    onPick(person);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((active + 1) % results.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((active - 1 + results.length) % results.length);
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      pick(results[active]);
    } else if (event.key === 'Escape') {
      setText('');
    }
  };
  return (
    <div class="person-picker">
      <label>
        <span>{label}</span>
        <input
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          value={text}
          placeholder={t('options_people_search_placeholder')}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <div id={listId} role="listbox" aria-label={label} hidden={!open} class="picker-list">
        {results.map((person, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys for its options
          <div
            key={person.id}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(person)}
          >
            <span>{person.name}</span>
            {person.company && <span class="muted"> · {person.company}</span>}
          </div>
        ))}
      </div>
    </div>
  );
}
