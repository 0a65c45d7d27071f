// A person's full record (`#/person/<id>`): who they are, every profile, how we met, the shared-work
// timeline with full editing, notes, tags, flags, and how long trust took.
import type { ComponentChildren } from 'preact';
import { evaluatePerson } from '../../core/trust';
import { db } from '../../db/database';
import { deletePerson, restoreDeleted } from '../../db/mutations';
import { toPerson } from '../../db/personRow';
import { getPersonRecord } from '../../db/queries';
import { ErrorBoundary } from '../../ui/components/ErrorBoundary';
import { TrustDirections } from '../../ui/components/TrustDirections';
import { VouchBox } from '../../ui/components/VouchBox';
import { PageSaysNotice } from '../../ui/data/PageSaysNotice';
import { useLiveQuery } from '../../ui/data/useLiveQuery';
import { flagsChanged, personChanged } from '../../ui/data/workerNotify';
import { t } from '../../ui/i18n/i18n';
import { navigate } from '../navigation';
import { DEFAULT_FILTERS } from '../people/peopleFilters';
import { routeHash } from '../route';
import { useOfferUndo } from '../undo';
import { DetailsSection } from './DetailsSection';
import { FactsSection } from './FactsSection';
import { FlagsSection } from './FlagsSection';
import { MilestonesSection } from './MilestonesSection';
import { NotesSection } from './NotesSection';
import { ProfilesSection } from './ProfilesSection';
import { TagsSection } from './TagsSection';
import { WarmthSection } from './WarmthSection';
import { WorkSection } from './WorkSection';

/** One section of the record: a value it cannot show blanks that section, not the record. */
function Guard({ children }: { children: ComponentChildren }) {
  return <ErrorBoundary part="ui_part_section">{children}</ErrorBoundary>;
}

export function PersonRecord({ id }: { id: string }) {
  const record = useLiveQuery(async () => (await getPersonRecord(db(), id)) ?? null, [id]);
  const offerUndo = useOfferUndo();

  if (record === undefined) return <p role="status">{t('options_people_loading')}</p>;
  if (record === null) {
    return (
      <section aria-labelledby="record-missing">
        <h2 id="record-missing">{t('options_record_missing')}</h2>
        <a href={routeHash({ view: 'people', filters: DEFAULT_FILTERS })}>{t('options_record_back')}</a>
      </section>
    );
  }

  const { person } = record;
  const evaluation = evaluatePerson({ person: toPerson(person), works: record.works, now: new Date() });

  const remove = async () => {
    const deleted = await deletePerson(db(), person.id);
    void flagsChanged();
    navigate({ view: 'people', filters: DEFAULT_FILTERS });
    offerUndo({
      message: t('options_record_deleted', person.name),
      undo: async () => {
        await restoreDeleted(db(), deleted);
        void personChanged(deleted.person.id);
        navigate({ view: 'person', id: deleted.person.id });
      },
    });
  };

  return (
    <article class="record" aria-labelledby="record-name">
      <p class="record-back">
        <a href={routeHash({ view: 'people', filters: DEFAULT_FILTERS })}>{t('options_record_back')}</a>
      </p>
      <Guard>
        <DetailsSection person={person} stage={evaluation.stage.stage} onDelete={remove} />
      </Guard>
      <Guard>
        <PageSaysNotice personId={person.id} profiles={record.profiles} />
      </Guard>
      <div class="record-grid">
        <div class="record-main">
          <Guard>
            <div class="card trust-card">
              <VouchBox vouch={evaluation.vouch} works={record.works} />
              <TrustDirections evaluation={evaluation} works={record.works} />
            </div>
          </Guard>
          <Guard>
            <WorkSection personId={person.id} works={record.works} />
          </Guard>
          <Guard>
            <MilestonesSection milestones={evaluation.milestones} />
          </Guard>
          <Guard>
            <NotesSection personId={person.id} notes={record.notes} />
          </Guard>
        </div>
        <div class="record-side">
          <Guard>
            <FlagsSection flags={record.flags} />
          </Guard>
          <Guard>
            <WarmthSection
              person={person}
              works={record.works}
              queue={record.queue}
              messages={record.messages}
            />
          </Guard>
          <Guard>
            <ProfilesSection person={person} profiles={record.profiles} />
          </Guard>
          <Guard>
            <FactsSection person={person} introducer={record.introducer} />
          </Guard>
          <Guard>
            <TagsSection personId={person.id} tags={person.tags} />
          </Guard>
        </div>
      </div>
    </article>
  );
}
