import { useId } from 'preact/hooks';
import type { ProfileSnapshot } from '../../core/types.ts';
import { FlagCard } from '../components/FlagCard.tsx';
import { fullRecordUrl } from '../components/links.ts';
import { NotesList } from '../components/NotesList.tsx';
import { PersonSummary } from '../components/PersonSummary.tsx';
import { QueueCard } from '../components/QueueCard.tsx';
import { QuickAddWork } from '../components/QuickAddWork.tsx';
import { ReadingNotice } from '../components/ReadingNotice.tsx';
import { TrustDirections } from '../components/TrustDirections.tsx';
import { VouchBox } from '../components/VouchBox.tsx';
import { WorkTimeline } from '../components/WorkTimeline.tsx';
import { t } from '../i18n/i18n.ts';
import { PageSaysNotice } from './PageSaysNotice.tsx';
import {
  addNoteOnProfile,
  addWorkOnProfile,
  dismissFlagForGood,
  dismissQueuedForGood,
  nameOnProfile,
  planQueuedTask,
  snoozeFlagUntil,
  snoozeQueuedUntil,
} from './personActions.ts';
import type { ProfileView } from './profileView.ts';
import '../components/trust.css';

function Section(props: { title: string; children: preact.ComponentChildren; class?: string }) {
  const id = useId();
  return (
    <section class={`tn-section ${props.class ?? ''}`} aria-labelledby={id}>
      <h3 id={id}>{props.title}</h3>
      {props.children}
    </section>
  );
}

/**
 * Everything about the person on a profile page, for the panel and the popup: who, the stage and why, their card
 * of the weekly queue while they are in it, both trust directions, vouch readiness, open flags with their next
 * steps, the timeline with quick add, and notes.
 */
export function ProfileTrustView(props: {
  snapshot: ProfileSnapshot;
  view: ProfileView;
  headingId?: string;
}) {
  const { snapshot, view, headingId } = props;
  const { record, evaluation, openFlags } = view;
  // Until the record is read, the page's snapshot alone would evaluate to "connected, nothing shared": a stage
  // that flashes and then jumps. Show nothing but a busy region instead, as the panel's badge does.
  if (record === undefined) return <div class="tn-profile-view" aria-busy="true" />;
  const person = record?.person;
  const works = record?.works ?? [];
  const profiles = record?.profiles ?? [{ key: snapshot.key, url: snapshot.url }];
  return (
    <div class="tn-profile-view">
      <PersonSummary
        name={person?.name ?? snapshot.name ?? snapshot.handle}
        headline={person?.headline ?? snapshot.headline}
        profiles={profiles}
        stage={evaluation.stage}
        works={works}
        headingId={headingId}
      />
      <ReadingNotice
        snapshot={snapshot}
        person={person}
        onName={async (name) => {
          await nameOnProfile(snapshot, person?.id, name);
        }}
      />
      {record ? <PageSaysNotice personId={record.person.id} profiles={record.profiles} /> : null}
      {record === null ? <p class="tn-muted tn-unrecorded">{t('ui_not_recorded')}</p> : null}
      {person && record?.queue?.state === 'queued' ? (
        <QueueCard
          entry={record.queue}
          name={person.name}
          href={fullRecordUrl(person.id)}
          newTab
          onPlanned={() => planQueuedTask(record.queue!)}
          onSnooze={(until) => snoozeQueuedUntil(person.id, until)}
          onDismiss={() => dismissQueuedForGood(person.id)}
        />
      ) : null}
      {openFlags.map((flag) => (
        <FlagCard
          key={flag.id}
          flag={flag}
          onSnooze={(until) => snoozeFlagUntil(flag.id, until)}
          onDismiss={() => dismissFlagForGood(flag.id)}
        />
      ))}
      <VouchBox vouch={evaluation.vouch} works={works} />
      <TrustDirections evaluation={evaluation} works={works} />
      <Section title={t('ui_work_heading')}>
        <WorkTimeline works={works} />
      </Section>
      <Section title={t('ui_work_add_heading')}>
        <QuickAddWork
          onAdd={async (work) => {
            await addWorkOnProfile(snapshot, person?.id, work);
          }}
        />
      </Section>
      <Section title={t('ui_notes_heading')}>
        <NotesList
          notes={record?.notes ?? []}
          onAdd={async (text) => {
            await addNoteOnProfile(snapshot, person?.id, text);
          }}
        />
      </Section>
      {person ? (
        <p class="tn-open-record">
          <a href={fullRecordUrl(person.id)} target="_blank" rel="noopener">
            {t('ui_open_record')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
