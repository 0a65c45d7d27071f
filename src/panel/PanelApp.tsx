import { useEffect, useState } from 'preact/hooks';
import type { ProfileSnapshot } from '../core/types.ts';
import { useProfileRecord } from '../ui/data/profileRecord.ts';
import { ExpandedPanel } from './ExpandedPanel.tsx';
import { followTabProfile, sendLayout } from './tabLink.ts';
import './panel.css';

function ProfilePanel({ snapshot }: { snapshot: ProfileSnapshot }) {
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
  useEffect(() => followTabProfile(setSnapshot), []);
  if (!snapshot) return null;
  return <ProfilePanel snapshot={snapshot} />;
}
