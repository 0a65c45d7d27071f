import type { PanelLayout } from './protocol.ts';

/** Checks an untrusted layout notice (from the panel, relayed or not): the only one is "collapse me". */
export function parsePanelLayout(value: unknown): PanelLayout | null {
  const p = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<string, unknown>>;
  return p.mode === 'collapsed' ? { mode: 'collapsed' } : null;
}
