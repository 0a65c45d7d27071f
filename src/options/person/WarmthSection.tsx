// What LinkedIn's archive says about us and how warm the connection is, in words, and the person's place in the
// weekly queue: the queue's card while they are in it, else what the user decided. Kept message texts (only when
// an import was asked to keep them) are folded away below.
import type { QueueEntry, SharedWork } from '../../core/types.ts';
import { warmth } from '../../core/warmth.ts';
import type { ArchiveMessage } from '../../db/archiveMessages.ts';
import type { PersonRow } from '../../db/personRow.ts';
import { QueueCard } from '../../ui/components/QueueCard.tsx';
import {
  dismissQueuedForGood,
  planQueuedTask,
  snoozeQueuedUntil,
  undismissQueuedPerson,
} from '../../ui/data/personActions.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { formatCount, formatDayOfMillis, formatPartialDate } from '../../ui/i18n/locale.ts';
import { reasonsText } from '../../ui/i18n/reasonText.ts';
import { routeHash } from '../route.ts';

const MESSAGES_SHOWN = 50;

export function WarmthSection(props: {
  person: PersonRow;
  works: SharedWork[];
  queue: QueueEntry | undefined;
  messages: ArchiveMessage[];
}) {
  const { person, queue, messages } = props;
  const archive = person.archive;
  const { reasons } = warmth(person, props.works);
  return (
    <section class="card warmth-card" aria-labelledby="warmth-heading">
      <h3 id="warmth-heading">{t('options_warmth_heading')}</h3>
      <p class="warmth-reasons">{reasonsText(reasons)}</p>
      {queue && <QueueState entry={queue} name={person.name} />}
      {archive && (
        <dl class="facts">
          {archive.messages && (
            <>
              <dt>{t('options_archive_messages')}</dt>
              <dd>
                {t(
                  'options_archive_messages_detail',
                  formatCount(archive.messages.total),
                  formatCount(archive.messages.conversations),
                  formatPartialDate(archive.messages.first),
                  formatPartialDate(archive.messages.last),
                )}{' '}
                {t(
                  archive.messages.firstFrom === 'them'
                    ? 'warmth_reason_theyWroteFirst'
                    : 'warmth_reason_iWroteFirst',
                )}
              </dd>
            </>
          )}
          {archive.invitation && (
            <>
              <dt>{t('options_archive_invitation')}</dt>
              <dd>
                {t(
                  archive.invitation.direction === 'received'
                    ? 'options_archive_invitation_received'
                    : 'options_archive_invitation_sent',
                  formatPartialDate(archive.invitation.date),
                )}
                {archive.invitation.message && <q class="facts-context">{archive.invitation.message}</q>}
              </dd>
            </>
          )}
          {archive.endorsements && (
            <>
              <dt>{t('options_archive_endorsements')}</dt>
              <dd>
                {t(
                  'options_archive_endorsements_detail',
                  formatCount(archive.endorsements.received),
                  formatCount(archive.endorsements.given),
                )}
                {archive.endorsements.skillsReceived.length + archive.endorsements.skillsGiven.length > 0 && (
                  <span class="facts-context">
                    {[
                      ...new Set([
                        ...archive.endorsements.skillsReceived,
                        ...archive.endorsements.skillsGiven,
                      ]),
                    ].join(t('list_separator'))}
                  </span>
                )}
              </dd>
            </>
          )}
        </dl>
      )}
      {messages.length > 0 && (
        <details class="kept-messages">
          <summary>{t('options_archive_kept_messages', formatCount(messages.length))}</summary>
          <ol>
            {messages.slice(0, MESSAGES_SHOWN).map((message) => (
              <li key={message.id}>
                <span class="muted">
                  {formatPartialDate(message.date)} —{' '}
                  {t(message.fromMe ? 'options_archive_from_me' : 'options_archive_from_them')}
                </span>
                <p>{message.text}</p>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function QueueState({ entry, name }: { entry: QueueEntry; name: string }) {
  switch (entry.state) {
    case 'queued':
      return (
        <QueueCard
          entry={entry}
          name={name}
          href={routeHash({ view: 'person', id: entry.personId })}
          onPlanned={() => planQueuedTask(entry)}
          onSnooze={(until) => snoozeQueuedUntil(entry.personId, until)}
          onDismiss={() => dismissQueuedForGood(entry.personId)}
        />
      );
    case 'snoozed':
      return (
        <p class="muted">
          {entry.snoozedUntil
            ? t('options_queue_snoozed_until', formatDayOfMillis(entry.snoozedUntil))
            : t('options_queue_snoozed')}
        </p>
      );
    case 'dismissed':
      return (
        <p class="muted">
          {t('options_queue_dismissed')}{' '}
          <button type="button" class="secondary" onClick={() => void undismissQueuedPerson(entry.personId)}>
            {t('options_queue_undismiss')}
          </button>
        </p>
      );
    case 'started':
      return (
        <p class="muted">
          {t(
            'options_queue_started',
            formatDayOfMillis(entry.startedAt ?? entry.decidedAt ?? entry.queuedAt),
          )}
        </p>
      );
  }
}
