import type { ComponentType } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ProfileSnapshot } from '../core/types.ts';
import type { PersonRecord } from '../db/queries.ts';
import { isRtl, t } from '../ui/i18n.ts';
import { openFlagsOf, useProfileRecord } from '../ui/profileRecord.ts';
import { StageBadge } from '../ui/StageBadge.tsx';
import type { ExpandedPanel as ExpandedPanelType } from './ExpandedPanel.tsx';
import { followTabProfile, onTabNotice, sendLayout } from './tabLink.ts';
import './panel.css';

type Openness = { expanded: false } | { expanded: true; byKey: boolean };
type Expanded = typeof ExpandedPanelType;

let expandedModule: Promise<Expanded> | null = null;
/** Loads the expanded panel once; the badge asks for it as soon as it is on screen. */
function loadExpanded(): Promise<Expanded> {
  expandedModule ??= import('./ExpandedPanel.tsx').then((m) => m.ExpandedPanel);
  return expandedModule;
}

function Badge(props: {
  profileKey: string;
  record: PersonRecord | null;
  onOpen: () => void;
  focusOnMount: boolean;
}) {
  const { profileKey, record, onOpen, focusOnMount } = props;
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // The frame is sized to the badge: the content script gets its measured size whenever it changes.
  useLayoutEffect(() => {
    const el = button.current;
    if (!el) return;
    const report = () => {
      const box = el.getBoundingClientRect();
      sendLayout({ mode: 'badge', width: box.width, height: box.height, rtl: isRtl() });
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (focusOnMount) button.current?.focus();
  }, [focusOnMount]);
  const flags = openFlagsOf(record).length;
  // The visible words are the button's name (what voice control users say); the hidden ones only add context.
  return (
    <main class="tn-badge-frame" aria-labelledby={titleId}>
      <h1 id={titleId} class="tn-visually-hidden">
        {t('panel_title')}
      </h1>
      <button
        ref={button}
        type="button"
        class="tn-badge"
        data-testid="tn-badge"
        data-profile-key={profileKey}
        aria-expanded="false"
        onClick={onOpen}
      >
        <span class="tn-badge-mark">{t('ext_short_name')}</span>{' '}
        {record ? <StageBadge stage={record.person.stage} /> : <span>{t('panel_badge_unrecorded')}</span>}
        {flags > 0 ? (
          <>
            {' '}
            <span class="tn-visually-hidden">{t('panel_badge_flags')}</span>{' '}
            <span class="tn-badge-flags">{flags}</span>
          </>
        ) : null}
      </button>
    </main>
  );
}

function ProfilePanel({ snapshot }: { snapshot: ProfileSnapshot }) {
  const record = useProfileRecord(snapshot.key);
  const [open, setOpen] = useState<Openness>({ expanded: false });
  const [returnFocus, setReturnFocus] = useState(false);
  const [ExpandedPanel, setExpandedPanel] = useState<ComponentType<Parameters<Expanded>[0]> | null>(null);
  useEffect(
    () =>
      onTabNotice('toggle', () =>
        setOpen((o) => (o.expanded ? { expanded: false } : { expanded: true, byKey: true })),
      ),
    [],
  );
  const ready = record !== undefined;
  useEffect(() => {
    if (!ready) return;
    void loadExpanded().then((component) => setExpandedPanel(() => component));
  }, [ready]);
  const showExpanded = ready && open.expanded && ExpandedPanel !== null;
  useEffect(() => {
    if (showExpanded && open.expanded) sendLayout({ mode: 'expanded', focus: open.byKey, rtl: isRtl() });
  }, [showExpanded, open]);
  // Nothing shows until this profile's record is read: never a half-known badge, never the previous person
  // under the new one's page. The frame keeps its size meanwhile (a few milliseconds), so it does not flicker.
  if (!ready) return null;
  if (!showExpanded) {
    return (
      <Badge
        profileKey={snapshot.key}
        record={record}
        focusOnMount={returnFocus}
        onOpen={() => setOpen({ expanded: true, byKey: false })}
      />
    );
  }
  return (
    <ExpandedPanel
      snapshot={snapshot}
      record={record}
      onClose={() => {
        setReturnFocus(true);
        setOpen({ expanded: false });
      }}
    />
  );
}

/** The panel frame: follows the profile its tab shows, as a badge or expanded. */
export function PanelApp() {
  const [snapshot, setSnapshot] = useState<ProfileSnapshot | null | undefined>(undefined);
  useEffect(() => followTabProfile(setSnapshot), []);
  useEffect(() => {
    if (!snapshot) sendLayout({ mode: 'hidden' });
  }, [snapshot]);
  if (!snapshot) return null;
  return <ProfilePanel snapshot={snapshot} />;
}
