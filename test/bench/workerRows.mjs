// The worker's rows of `npm run bench`: full scans against a raw getAll of the same records (measured in
// the same worker and run), the rescan after one edit, and the worker's heap at 3k vs 30k people.
import { measureScan } from './workerScan.mjs';

export async function workerRows() {
  const large = await measureScan({ people: 30_000, works: 60_000 });
  const small = await measureScan({ people: 3_000, works: 6_000, fullRuns: 0, edits: 0 });
  console.log(`worker bench: 30k flags after the first scan: ${JSON.stringify(large.flags)}; heap (MB):`, {
    '3k': small.heap,
    '30k': large.heap,
  });
  const raw = 'raw getAll: 30k people + 60k works';
  const heap3k = 'worker heap peak, first scan: 3k people';
  const live3k = 'worker live heap peak, scan: 3k people';
  return [
    { name: raw, unit: 'ms', samples: large.baseline },
    {
      name: 'full scan 30k/60k: first (writes flags)',
      unit: 'ms',
      samples: [large.first],
      baseline: raw,
      target: '≤ 500 ms',
    },
    {
      name: 'full scan 30k/60k: nothing changed',
      unit: 'ms',
      samples: large.steady,
      baseline: raw,
      target: '≤ 500 ms',
    },
    { name: 'rescan after one edit (30k people)', unit: 'ms', samples: large.incremental, target: '≤ 20 ms' },
    { name: heap3k, unit: 'MB', samples: [small.heap.peakMb] },
    {
      name: 'worker heap peak, first scan: 30k people',
      unit: 'MB',
      samples: [large.heap.peakMb],
      baseline: heap3k,
      target: 'not 10× (no load-all)',
    },
    { name: live3k, unit: 'MB', samples: [small.heap.livePeakMb] },
    {
      name: 'worker live heap peak, scan: 30k people',
      unit: 'MB',
      samples: [large.heap.livePeakMb],
      baseline: live3k,
      target: 'flat: ≈ 1×',
    },
  ];
}
