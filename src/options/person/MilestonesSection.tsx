// Time to trust: met → first test → first paid work → first recommendation, with the years between.
import { MILESTONE_KINDS, type MilestoneKind, type Milestones } from '../../core/trust.ts';
import { type MessageKey, t } from '../../ui/i18n/i18n.ts';
import { formatPartialDate } from '../../ui/i18n/locale.ts';

const MILESTONE_KEYS = {
  firstPaid: 'milestone_firstPaid',
  firstRecommendation: 'milestone_firstRecommendation',
  firstTest: 'milestone_firstTest',
  met: 'milestone_met',
} as const satisfies Record<MilestoneKind, MessageKey>;

export function MilestonesSection({ milestones }: { milestones: Milestones }) {
  const reached = MILESTONE_KINDS.filter((kind) => milestones[kind] !== undefined);
  return (
    <section class="card" aria-labelledby="milestones-heading">
      <h3 id="milestones-heading">{t('options_milestones_heading')}</h3>
      <ol class="milestones">
        {MILESTONE_KINDS.map((kind) => {
          const milestone = milestones[kind];
          const gap = milestones.gaps.find((g) => g.to === kind);
          return (
            <li key={kind} class={milestone ? 'reached' : 'pending'}>
              <span class="milestone-name">{t(MILESTONE_KEYS[kind])}</span>
              <span class="milestone-date">
                {milestone
                  ? milestone.date
                    ? formatPartialDate(milestone.date)
                    : t('options_milestones_undated')
                  : t('options_milestones_not_yet')}
              </span>
              {gap?.years !== undefined && (
                <span class="milestone-gap">{t('options_milestones_years_after', gap.years)}</span>
              )}
            </li>
          );
        })}
      </ol>
      {reached.length === 0 && <p class="muted">{t('options_milestones_none')}</p>}
    </section>
  );
}
