// The expanded panel: the person, the trust ledger's verdicts and every form. The collapsed badge is the content
// script's; this frame is loaded only when the user opens the panel (or points at the badge).
import { useEffect, useId, useRef } from 'preact/hooks';
import type { ProfileSnapshot } from '../core/types.ts';
import type { PersonRecord } from '../db/queries.ts';
import { ProfileTrustView } from '../ui/data/ProfileTrustView.tsx';
import { evaluateView } from '../ui/data/profileView.ts';
import { t } from '../ui/i18n/i18n.ts';

export function ExpandedPanel(props: {
  snapshot: ProfileSnapshot;
  record: PersonRecord | null;
  onClose: () => void;
}) {
  const { snapshot, record, onClose } = props;
  const headingId = useId();
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    // Focus lands on the person's name, so a screen reader announces whom the panel is about. When the
    // shortcut opened the panel, the content script focuses the frame afterwards, which resets focus to the
    // body: the name takes it again then.
    const focusName = () => document.getElementById(headingId)?.focus();
    focusName();
    const onFrameFocus = () => {
      if (document.activeElement === document.body) focusName();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close.current();
    };
    window.addEventListener('focus', onFrameFocus);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('focus', onFrameFocus);
      document.removeEventListener('keydown', onKey);
    };
  }, [headingId]);
  return (
    <main class="tn-panel" aria-labelledby={headingId}>
      <div class="tn-panel-bar">
        <h1>{t('ext_name')}</h1>
        <button type="button" class="tn-secondary" aria-expanded="true" onClick={onClose}>
          {t('panel_collapse')}
        </button>
      </div>
      <div class="tn-panel-body">
        <ProfileTrustView
          snapshot={snapshot}
          view={evaluateView(record, snapshot, new Date())}
          headingId={headingId}
        />
      </div>
    </main>
  );
}
