import type { PanelLayout } from './protocol.ts';

/** Checks an untrusted layout notice (from the panel, relayed or not): the mode, finite sizes, booleans. */
export function parsePanelLayout(value: unknown): PanelLayout | null {
  const p = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<string, unknown>>;
  const rtl = p.rtl === true;
  if (p.mode === 'hidden') return { mode: 'hidden' };
  if (p.mode === 'expanded') return { mode: 'expanded', focus: p.focus === true, rtl };
  if (p.mode === 'badge' && Number.isFinite(p.width) && Number.isFinite(p.height)) {
    return { mode: 'badge', width: p.width as number, height: p.height as number, rtl };
  }
  return null;
}
