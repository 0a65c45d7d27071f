// The popup's weekly queue: the few dormant connections most worth a first small test, each with the reason and
// the first step, and the answers that move the next person in. The rest stay out of sight, one link away.
import browser from 'webextension-polyfill';
import type { QueueItem } from '../db/queries.ts';
import { fullRecordUrl } from '../ui/components/links.ts';
import { QueueCard } from '../ui/components/QueueCard.tsx';
import { t } from '../ui/i18n/i18n.ts';
import type { loadLive } from './PopupApp.tsx';

export function QueueSection(props: { queue: QueueItem[] | undefined; live: typeof loadLive }) {
  const { queue, live } = props;
  return (
    <section class="popup-section" aria-labelledby="popup-queue-heading">
      <h2 id="popup-queue-heading">{t('popup_queue_heading')}</h2>
      {queue === undefined ? (
        <p class="muted">{t('options_people_loading')}</p>
      ) : queue.length === 0 ? (
        <p class="muted">{t('popup_queue_empty')}</p>
      ) : (
        <ol class="popup-queue">
          {queue.map(({ entry, person }) => (
            <li key={entry.id}>
              <QueueCard
                entry={entry}
                name={person.name}
                href={fullRecordUrl(person.id)}
                newTab
                onPlanned={async () => (await live()).planQueuedTask(entry)}
                onSnooze={async (until) => (await live()).snoozeQueuedUntil(entry.personId, until)}
                onDismiss={async () => (await live()).dismissQueuedForGood(entry.personId)}
              />
            </li>
          ))}
        </ol>
      )}
      <p>
        <a
          href={browser.runtime.getURL('src/options/index.html#/people?dormant=1')}
          target="_blank"
          rel="noopener"
        >
          {t('popup_queue_more')}
        </a>
      </p>
    </section>
  );
}
