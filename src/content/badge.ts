// The collapsed badge, drawn by the content script itself so that it shows the moment the profile does (an
// extension frame takes a hundred milliseconds and more to load). What it says is private, so:
// - its words are CSS generated content (attr()) inside the closed shadow root: no text node the page could
//   find with window.find() or a selection, and no attribute the page can reach;
// - its box has one fixed size whatever it says, so the host's size tells the page nothing;
// - it takes a click or Enter/Space and nothing else; everything typed about a person is typed in the panel's
//   extension-origin frame, which the page's key listeners never see.
import type { BadgeView } from '../messages/protocol.ts';
import { page } from './page.ts';

/** Fixed, so that the page learns nothing from the host's size. Fits "Trust Notes · Ambassador · 99". */
export const BADGE_SIZE = { width: 216, height: 34 } as const;

const CSS = `
.tn-badge {
  all: initial;
  box-sizing: border-box;
  display: flex;
  align-items: center;
  gap: 6px;
  inline-size: ${BADGE_SIZE.width}px;
  block-size: ${BADGE_SIZE.height}px;
  padding-inline: 10px;
  border-radius: 12px;
  overflow: hidden;
  cursor: pointer;
  /* Generic families only: the page's @font-face rules reach into this shadow root, and a family named here
     that the page defines (with a unicode-range per letter) would tell it, through document.fonts, which
     letters the badge drew. A page cannot define a generic family. */
  font: 600 13px/1 system-ui, sans-serif;
  white-space: nowrap;
  background: #0b5e4a;
  color: #ffffff;
  box-shadow: 0 2px 12px rgba(0, 0, 0, 0.28);
}
.tn-badge:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.tn-badge[hidden] { display: none; }
.tn-mark { font-weight: 700; }
.tn-label { flex: 1; min-inline-size: 0; overflow: hidden; text-overflow: ellipsis; font-weight: 600; }
.tn-flags {
  min-inline-size: 1.4em;
  padding: 3px 5px;
  border-radius: 999px;
  text-align: center;
  background: #ffffff;
  color: #9a3412;
}
.tn-flags[data-text=""] { display: none; }
[data-text]::before { content: attr(data-text); }
@media (prefers-color-scheme: dark) {
  .tn-badge { background: #5fc7a8; color: #0b1411; }
  .tn-badge:focus-visible { outline-color: #93c5fd; }
  .tn-flags { background: #0b1411; color: #fdba74; }
}
@media (forced-colors: active) {
  .tn-badge { border: 1px solid ButtonText; }
}
`;

export interface Badge {
  button: HTMLButtonElement;
  /** Shows `view`'s words when `visible`; with no view (the words are not in yet) the badge stays hidden. */
  update(view: BadgeView | null, visible: boolean): void;
}

/** Builds the badge (hidden until it has something to say) into `root`, the host's closed shadow root. */
export function createBadge(root: ShadowRoot, onOpen: () => void): Badge {
  const style = page.createElement('style');
  style.textContent = CSS;
  const button = page.createElement('button');
  button.type = 'button';
  button.className = 'tn-badge';
  button.hidden = true;
  button.setAttribute('aria-expanded', 'false');
  const mark = page.createElement('span');
  mark.className = 'tn-mark';
  const label = page.createElement('span');
  label.className = 'tn-label';
  const flags = page.createElement('span');
  flags.className = 'tn-flags';
  // The visible words are decoration for sighted users; the button's name says them all, flags spelled out.
  for (const part of [mark, label, flags]) part.setAttribute('aria-hidden', 'true');
  button.append(mark, label, flags);
  button.addEventListener('click', onOpen);
  root.append(style, button);
  return {
    button,
    update(view, visible) {
      button.hidden = !(view && visible);
      if (!view) return;
      mark.dataset.text = view.mark;
      label.dataset.text = view.label;
      flags.dataset.text = view.flags;
      button.setAttribute('aria-label', view.name);
      button.lang = view.lang;
      button.dir = view.rtl ? 'rtl' : 'ltr';
    },
  };
}
