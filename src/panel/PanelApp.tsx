import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ProfileSnapshot } from '../core/types.ts';
import { db } from '../db/database.ts';
import { ErrorBoundary } from '../ui/components/ErrorBoundary.tsx';
import { useProfileRecord } from '../ui/data/profileRecord.ts';
import { useDatabaseOpen } from '../ui/data/useLiveQuery.ts';
import { t } from '../ui/i18n/i18n.ts';
import { ExpandedPanel } from './ExpandedPanel.tsx';
import { followTabProfile, sendLayout } from './tabLink.ts';
import './panel.css';

function ProfilePanel({ snapshot }: { snapshot: ProfileSnapshot }) {
  useDatabaseOpen(db());
  const record = useProfileRecord(snapshot.key);
  // Nothing shows until this profile's record is read: never the previous person under the new one's page.
  if (record === undefined) return null;
  // Collapsing is the content script's: it hides this frame and shows its badge again.
  return (
    <ExpandedPanel snapshot={snapshot} record={record} onClose={() => sendLayout({ mode: 'collapsed' })} />
  );
}

/**
 * The panel frame: the expanded panel for the profile its tab shows. The frame exists only once the user has
 * opened the panel (or pointed at the badge); the collapsed badge is the content script's own.
 */
export function PanelApp() {
  const [snapshot, setSnapshot] = useState<ProfileSnapshot | null | undefined>(undefined);
  useEffect(
    () =>
      followTabProfile((answer) => {
        // The worker's answer, said on this frame's own document (another origin: the page cannot read it), so
        // a test of a frame that must show no one can wait for the answer instead of for time.
        document.documentElement.dataset.tabProfile = answer ? 'shown' : 'none';
        setSnapshot(answer);
      }),
    [],
  );
  if (!snapshot) return null;
  // A panel that cannot read the database (the browser denied this frame its storage, a newer schema) or
  // cannot show a record says so, and where the notes can still be reached: never a blank rectangle.
  return (
    <ErrorBoundary key={snapshot.key} part="ui_part_panel" help={() => <PanelFailureHelp />}>
      <ProfilePanel snapshot={snapshot} />
    </ErrorBoundary>
  );
}

function PanelFailureHelp() {
  return (
    <p class="tn-error-actions">
      <a href={browser.runtime.getURL('src/options/index.html')} target="_blank" rel="noopener">
        {t('ui_error_open_app')}
      </a>
      <button type="button" class="tn-secondary" onClick={() => sendLayout({ mode: 'collapsed' })}>
        {t('panel_collapse')}
      </button>
    </p>
  );
}
