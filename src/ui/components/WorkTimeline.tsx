import { byDate } from '../../core/trust.ts';
import type { SharedWork } from '../../core/types.ts';
import { t } from '../i18n/i18n.ts';
import { DIRECTION_KEYS, STATUS_KEYS } from '../i18n/keys.ts';
import { outcomeParts } from '../i18n/workText.ts';
import { WorkLabel } from './WorkLabel.tsx';
import './trust.css';

/** Newest first; undated work (usually just written down) before dated work, as the database lists it. */
export function newestFirst(works: readonly SharedWork[]): SharedWork[] {
  const undated = works.filter((work) => !work.endDate && !work.startDate);
  const dated = works.filter((work) => work.endDate || work.startDate).sort(byDate);
  return [...undated.sort((a, b) => b.createdAt - a.createdAt), ...dated.reverse()];
}

/** The shared-work timeline: what was done together, who delivered, how it went. */
export function WorkTimeline({ works }: { works: readonly SharedWork[] }) {
  if (works.length === 0) return <p class="tn-muted tn-empty">{t('ui_work_none')}</p>;
  return (
    <ol class="tn-timeline">
      {newestFirst(works).map((work) => {
        const outcome = outcomeParts(work.outcome);
        return (
          <li key={work.id} class={`tn-work tn-work-${work.status}`}>
            <div class="tn-work-head">
              <WorkLabel work={work} />
            </div>
            <div class="tn-muted">
              {t(DIRECTION_KEYS[work.direction])} · {t(STATUS_KEYS[work.status])}
            </div>
            {outcome.length > 0 ? <div class="tn-work-outcome">{outcome.join(' · ')}</div> : null}
            {work.note ? (
              <p class="tn-work-note" dir="auto">
                {work.note}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
