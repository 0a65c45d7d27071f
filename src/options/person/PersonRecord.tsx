// A person's full record (`#/person/<id>`): who they are, every profile, how we met, the shared-work
// timeline with full editing, notes, tags, flags, and how long trust took.
import type { ComponentChildren } from 'preact';
import { evaluatePerson } from '../../core/trust.ts';
import { db } from '../../db/database.ts';
import { deletePerson, restoreDeleted } from '../../db/mutations.ts';
import { toPerson } from '../../db/personRow.ts';
import { getPersonRecord } from '../../db/queries.ts';
import { ErrorBoundary } from '../../ui/components/ErrorBoundary.tsx';
import { TrustDirections } from '../../ui/components/TrustDirections.tsx';
import { VouchBox } from '../../ui/components/VouchBox.tsx';
import { PageSaysNotice } from '../../ui/data/PageSaysNotice.tsx';
import { useLiveQuery } from '../../ui/data/useLiveQuery.ts';
import { flagsChanged, personChanged } from '../../ui/data/workerNotify.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { navigate } from '../navigation.ts';
import { DEFAULT_FILTERS } from '../people/peopleFilters.ts';
import { routeHash } from '../route.ts';
import { useOfferUndo } from '../undo.tsx';
import { ConflictsSection } from './ConflictsSection.tsx';
import { DetailsSection } from './DetailsSection.tsx';
import { FactsSection } from './FactsSection.tsx';
import { FlagsSection } from './FlagsSection.tsx';
import { MilestonesSection } from './MilestonesSection.tsx';
import { NotesSection } from './NotesSection.tsx';
import { ProfilesSection } from './ProfilesSection.tsx';
import { TagsSection } from './TagsSection.tsx';
import { WarmthSection } from './WarmthSection.tsx';
import { WorkSection } from './WorkSection.tsx';

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
        <ConflictsSection personId={person.id} />
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
