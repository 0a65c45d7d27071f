// Bundled into one classic script and run inside a served fixture page (real Chromium): what each strategy of the
// page's reader costs, and what a whole reading costs, in microseconds per call.
import { detectProfile } from '../../src/sites/index.ts';
import type { ReadContext } from '../../src/sites/strategies.ts';

export interface StrategyCost {
  field: string;
  id: string;
  micros: number;
}

function timePerCall(runs: number, run: () => unknown): number {
  const start = performance.now();
  for (let i = 0; i < runs; i++) run();
  return ((performance.now() - start) * 1000) / runs;
}

export function strategyCosts(runs: number): { read: number; strategies: StrategyCost[] } | null {
  const url = new URL(location.href);
  const found = detectProfile(url, document);
  if (!found) return null;
  const { reader } = found.adapter;
  const strategies: StrategyCost[] = [];
  for (const [field, list] of Object.entries(reader.fields)) {
    for (const strategy of list) {
      // A fresh context per call, as each reading has: nothing memoised from the previous call.
      const micros = timePerCall(runs, () => {
        const ctx: ReadContext = {
          doc: document,
          url,
          handle: found.handle,
          card: reader.card(document),
          stale: new Set(),
          memo: new Map(),
        };
        return strategy.read(ctx);
      });
      strategies.push({ field, id: strategy.id, micros });
    }
  }
  const read = timePerCall(runs, () => found.adapter.read(url, document));
  return { read, strategies };
}
