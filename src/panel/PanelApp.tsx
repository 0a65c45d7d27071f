import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ProfileSnapshot } from '../core/types.ts';
import { t } from '../ui/i18n.ts';
import { ProfileTrustView } from '../ui/ProfileTrustView.tsx';
import { type ProfileView, useProfileView } from '../ui/profileRecord.ts';
import { StageBadge } from '../ui/StageBadge.tsx';
import { followTabProfile, onToggleShortcut, sendLayout } from './tabLink.ts';
import './panel.css';

type Openness = { expanded: false } | { expanded: true; byKey: boolean };

function Badge(props: { tabId: number; view: ProfileView; onOpen: () => void; focusOnMount: boolean }) {
  const { tabId, view, onOpen, focusOnMount } = props;
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // The frame is sized to the badge: the content script gets its measured size whenever it changes.
  useLayoutEffect(() => {
    const el = button.current;
    if (!el) return;
    const report = () => {
      const box = el.getBoundingClientRect();
      sendLayout(tabId, { mode: 'badge', width: box.width, height: box.height });
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(el);
    return () => observer.disconnect();
  }, [tabId]);
  useEffect(() => {
    if (focusOnMount) button.current?.focus();
  }, [focusOnMount]);
  const flags = view.openFlags.length;
  // The visible words are the button's name (what voice control users say); the hidden ones only add context.
  return (
    <main class="tn-badge-frame" aria-labelledby={titleId}>
      <h1 id={titleId} class="tn-offscreen">
        {t('panel_title')}
      </h1>
      <button
        ref={button}
        type="button"
        class="tn-badge"
        data-testid="tn-badge"
        aria-expanded="false"
        onClick={onOpen}
      >
        <span class="tn-badge-mark">{t('ext_short_name')}</span>{' '}
        {view.record ? (
          <StageBadge stage={view.evaluation.stage.stage} />
        ) : (
          <span>{t('panel_badge_unrecorded')}</span>
        )}
        {flags > 0 ? (
          <>
            {' '}
            <span class="tn-offscreen">{t('panel_badge_flags')}</span>{' '}
            <span class="tn-badge-flags">{flags}</span>
          </>
        ) : null}
      </button>
    </main>
  );
}

function Expanded(props: { snapshot: ProfileSnapshot; view: ProfileView; onClose: () => void }) {
  const { snapshot, view, onClose } = props;
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
        <ProfileTrustView snapshot={snapshot} view={view} headingId={headingId} />
      </div>
    </main>
  );
}

function ProfilePanel(props: { tabId: number; snapshot: ProfileSnapshot }) {
  const { tabId, snapshot } = props;
  const view = useProfileView(snapshot);
  const [open, setOpen] = useState<Openness>({ expanded: false });
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(
    () =>
      onToggleShortcut(tabId, () =>
        setOpen((o) => (o.expanded ? { expanded: false } : { expanded: true, byKey: true })),
      ),
    [tabId],
  );
  const ready = view.record !== undefined;
  useEffect(() => {
    if (ready && open.expanded) sendLayout(tabId, { mode: 'expanded', focus: open.byKey });
  }, [tabId, ready, open]);
  // Nothing shows until this profile's record is read: never a half-known badge, never the previous person
  // under the new one's page. The frame keeps its size meanwhile (a few milliseconds), so it does not flicker.
  if (!ready) return null;
  if (!open.expanded) {
    return (
      <Badge
        tabId={tabId}
        view={view}
        focusOnMount={returnFocus}
        onOpen={() => setOpen({ expanded: true, byKey: false })}
      />
    );
  }
  return (
    <Expanded
      snapshot={snapshot}
      view={view}
      onClose={() => {
        setReturnFocus(true);
        setOpen({ expanded: false });
      }}
    />
  );
}

/** The panel frame: follows the profile its tab shows, as a badge or expanded. */
export function PanelApp({ tabId }: { tabId: number }) {
  const [snapshot, setSnapshot] = useState<ProfileSnapshot | null | undefined>(undefined);
  useEffect(() => followTabProfile(tabId, setSnapshot), [tabId]);
  useEffect(() => {
    if (!snapshot) sendLayout(tabId, { mode: 'hidden' });
  }, [tabId, snapshot]);
  if (!snapshot) return null;
  return <ProfilePanel tabId={tabId} snapshot={snapshot} />;
}
