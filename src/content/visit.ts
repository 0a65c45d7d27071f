// One profile visit: from the moment the tab's URL names a profile until it names another one or none. Everything
// the visit starts (badge requests and their retries, stale-page waits) is bound to its AbortSignal, so a visit
// that ends leaves nothing running, and an answer meant for it never lands on the next one.
import type { ProfileSnapshot } from '../core/types.ts';
import type { BadgeView } from '../messages/protocol.ts';
import { dom } from '../sites/dom.ts';
import type { SiteAdapter } from '../sites/index.ts';
import type { PanelHost } from './host.ts';
import { page } from './page.ts';
import type { ExtensionLink } from './runtime.ts';

/** After an in-app navigation, how long a profile that reads exactly like the previous one is taken as stale. */
const STALE_MS = 1000;
/**
 * How long to wait for the page to render a profile card the reader recognises before reading what there is
 * anyway (the title, meta tags, the address): a markup generation nobody has seen yet must not leave the panel
 * blank. A card that comes later is read then.
 */
export const CARD_WAIT_MS = 4000;
/**
 * When a visit's badge shows: this long after the visit began (the tab's URL naming the profile), whatever the
 * worker's answer took. The answer for someone in the ledger takes more reads than for a stranger; a page calling
 * pushState through many slugs, and watching the host's size, must not be able to time which people are recorded.
 * An answer that comes later fills the badge in place (its words are CSS generated content in a box of fixed size
 * in a closed shadow root: the page sees no change). Short enough that the badge is there by the time the page
 * shows the profile (`npm run bench -- panel`: the bench's page renders a profile some 30 ms after its URL changes;
 * at 40 ms the badge came ~10 ms after the name, 2× the bare baseline).
 */
export const REVEAL_MS = 20;
/** Asking again after a refusal (the worker may not have seen the tab's new URL yet), at most this often. */
const BADGE_ASKS = 3;
const BADGE_RETRY_MS = [100, 300, 900] as const;

export interface VisitSetup {
  link: ExtensionLink;
  adapter: SiteAdapter;
  key: string;
  /** The previous visit's snapshot: after an in-app navigation the page may still show it for a moment. */
  previous: ProfileSnapshot | null;
  /** Whether the tab was on another page before: only then can what is on screen belong to a page it left. */
  cameFromAnotherPage: boolean;
  /** The host, mounted as the visit starts; null when it could not be. */
  panel(): PanelHost | null;
  /** A snapshot of this visit reached the worker. */
  onSent(snapshot: ProfileSnapshot): void;
  /** The profile as the URL alone names it: site, key, handle and canonical address, nothing read yet. */
  urlSnapshot: ProfileSnapshot;
  /** Whether the extension is still there; when it is not, this ends the script (and so the visit). */
  alive(): boolean;
}

export interface Visit {
  readonly key: string;
  readonly signal: AbortSignal;
  /** The page changed (a DOM batch, a URL change): read it if what decides the reading changed. */
  pageChanged(): void;
  /** The ledger may have changed: ask for the badge's words again. */
  refreshBadge(): void;
  /** Whether the badge has words to show. */
  readonly hasBadge: boolean;
  /** Whether the worker was told about this visit. */
  readonly reported: boolean;
  end(): void;
}

/** setTimeout bound to a signal: cleared when it aborts. */
export function after(ms: number, signal: AbortSignal, run: () => void): void {
  if (signal.aborted) return;
  const timer = setTimeout(run, ms);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

const sameText = (a: ProfileSnapshot, b: ProfileSnapshot): boolean =>
  a.name === b.name && a.headline === b.headline;

export function startVisit(setup: VisitSetup, parent: AbortSignal): Visit {
  const { link, adapter, key, previous } = setup;
  const controller = new AbortController();
  const { signal } = controller;
  parent.addEventListener('abort', () => controller.abort(), { once: true });
  const startedAt = Date.now();
  const staleUntil = startedAt + STALE_MS;
  // The card the page showed when the URL changed, and its text: the previous profile's until the page renders
  // the new one.
  const staleNode = setup.cameFromAnotherPage ? adapter.reader.card(page) : null;
  const staleText = staleNode ? dom.textContent(staleNode) : null;
  // What the previous profile's page said: the title and meta tags may say it for a while yet.
  const staleWords = new Set(
    [previous?.name, previous?.headline, previous?.location].filter((word): word is string => !!word),
  );
  let waitedForCard = false;
  let waiting = false;

  let href: string | null = null;
  let sent: string | null = null;
  let badge: BadgeView | null = null;
  let asks = 0;
  let asking = false;
  // What the last accepted reading depended on: it is read again only when one of them changes.
  let readFrom: { card: Element | null; text: string } | null = null;

  // The badge comes from the URL: it shows the person the URL names whatever the page has rendered, exactly
  // REVEAL_MS after the visit began, so when it shows says nothing about the worker's answer: with the words if
  // they are in, else without them until they come (in place, unseen by the page). Only what the page says (name,
  // headline...) waits for the page. A visit the worker refuses to answer (it has not seen the tab's URL yet,
  // or the tab asked about too many profiles) hides the badge once the asks are spent: a refusal does not
  // depend on who is recorded.
  let revealed = false;
  const showBadge = () => {
    if (!revealed || signal.aborted) return;
    if (badge) setup.panel()?.showBadge(badge);
    else if (asks < BADGE_ASKS || asking) setup.panel()?.showPending();
    else setup.panel()?.hideBadge();
  };
  after(REVEAL_MS, signal, () => {
    revealed = true;
    showBadge();
  });

  /** Tells the worker (and through it an open panel) what the tab shows now. */
  const report = (snapshot: ProfileSnapshot) => {
    const serialised = JSON.stringify(snapshot);
    if (serialised === sent) return;
    sent = serialised;
    void link.send('content:profileSeen', { snapshot }).then(() => {
      // Once the worker has it, the panel asks for it (a frame still loading asks when it starts anyway).
      if (!signal.aborted) setup.panel()?.notify('profileChanged');
    });
  };

  const askBadge = () => {
    if (asking || asks >= BADGE_ASKS || signal.aborted) return;
    asking = true;
    const retry = BADGE_RETRY_MS[asks] ?? 900;
    asks++;
    void link.send('content:badge', { key }).then((view) => {
      asking = false;
      if (signal.aborted) return;
      if (view) {
        badge = view;
        asks = 0;
        showBadge();
      } else if (setup.alive()) {
        if (asks < BADGE_ASKS) after(retry, signal, askBadge);
        else if (!badge) showBadge();
      }
    });
  };

  const recheckLater = () => after(staleUntil - Date.now() + 1, signal, visit.pageChanged);

  const visit: Visit = {
    key,
    signal,
    get hasBadge() {
      return badge !== null;
    },
    get reported() {
      return sent !== null;
    },
    refreshBadge() {
      asks = 0;
      askBadge();
    },
    end() {
      controller.abort();
    },
    pageChanged() {
      if (signal.aborted) return;
      const here = location.href;
      // Sub-pages of the same profile (details, activity) are not read again.
      if (href !== null && href !== here) return;
      const card = adapter.reader.card(page);
      if (!card && !waitedForCard) {
        // Not rendered yet: read when the card comes, or with what there is once the wait is over.
        if (!waiting) {
          waiting = true;
          after(startedAt + CARD_WAIT_MS - Date.now(), signal, () => {
            waitedForCard = true;
            visit.pageChanged();
          });
        }
        return;
      }
      const text = `${page.title}\n${card ? dom.textContent(card) : ''}`;
      if (readFrom && readFrom.card === card && readFrom.text === text) return;
      if (card && card === staleNode && dom.textContent(card) === staleText && Date.now() < staleUntil) {
        // Still the page the tab came from; look again when the page changes, or once the wait is over.
        recheckLater();
        return;
      }
      const url = new URL(here);
      const snapshot = adapter.read(url, page, staleWords);
      if (!snapshot) return;
      if (previous && sameText(snapshot, previous) && Date.now() < staleUntil) {
        // The old profile's name is still on screen; look again when the page changes, or once the wait is over.
        recheckLater();
        return;
      }
      readFrom = { card, text };
      href = here;
      setup.onSent(snapshot);
      report(snapshot);
    },
  };
  // Ask as soon as the URL is a profile: the answer comes while the page renders the profile. And say at once
  // which profile the tab shows, from the URL alone, so that a panel opened before the page has rendered shows
  // this person (with what the page says once it is read), never the previous one.
  askBadge();
  report(setup.urlSnapshot);
  return visit;
}
