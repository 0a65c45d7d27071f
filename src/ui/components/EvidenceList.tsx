import type { SharedWork } from '../../core/types.ts';
import { t } from '../i18n/i18n.ts';
import { WorkLabel } from './WorkLabel.tsx';

/** The shared work behind a verdict, by id: every level the panel shows can be traced back to these. */
export function EvidenceList({ ids, works }: { ids: readonly string[]; works: readonly SharedWork[] }) {
  const byId = new Map(works.map((work) => [work.id, work]));
  const items = ids.flatMap((id) => {
    const work = byId.get(id);
    return work ? [work] : [];
  });
  if (items.length === 0) return null;
  return (
    <div class="tn-evidence">
      <span class="tn-muted">{t('ui_evidence')}</span>
      <ul>
        {items.map((work) => (
          <li key={work.id}>
            <WorkLabel work={work} />
          </li>
        ))}
      </ul>
    </div>
  );
}
