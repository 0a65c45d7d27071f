// Tags: the user's own groupings ("design", "client", "العائلة"), used as a filter in the people list.
import { useState } from 'preact/hooks';
import { db } from '../../db/database.ts';
import { setTags } from '../../db/mutations.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { navigate } from '../navigation.ts';
import { DEFAULT_FILTERS } from '../people/peopleFilters.ts';

export function TagsSection({ personId, tags }: { personId: string; tags: string[] }) {
  const [draft, setDraft] = useState('');
  const add = async (event: Event) => {
    event.preventDefault();
    const fresh = draft
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    if (fresh.length === 0) return;
    await setTags(db(), personId, [...tags, ...fresh]);
    setDraft('');
  };
  return (
    <section class="card" aria-labelledby="tags-heading">
      <h3 id="tags-heading">{t('options_tags_heading')}</h3>
      {tags.length > 0 && (
        <ul class="tags">
          {tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                class="link"
                onClick={() => navigate({ view: 'people', filters: { ...DEFAULT_FILTERS, tag } })}
              >
                {tag}
              </button>
              <button
                type="button"
                class="tag-remove"
                aria-label={t('options_tags_remove', tag)}
                onClick={() =>
                  setTags(
                    db(),
                    personId,
                    tags.filter((other) => other !== tag),
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="inline-form">
        <label>
          <span>{t('options_tags_add_label')}</span>
          <input type="text" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!draft.trim()}>
          {t('options_tags_add')}
        </button>
      </form>
    </section>
  );
}
