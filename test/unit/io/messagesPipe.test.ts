// The pipe between the inflating worker and the reading one (messagesPipe.ts), over a real MessageChannel: the
// text arrives whole and in order, and the inflating side never runs more than a few pieces ahead of the reader, so a
// messages.csv of hundreds of megabytes is never held whole between them.
import { strToU8, zipSync } from 'fflate';
import { expect, test, vi } from 'vitest';
import { inflateInto, type PipeMessage, pipeFeed } from '../../../src/io/messagesPipe.ts';
import { listEntries } from '../../../src/io/zipArchive.ts';

/** A zip of one CSV of about `rows` lines that deflate poorly enough to come out in many pieces. */
async function bigEntry(rows: number) {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed.toString(36);
  };
  const lines = Array.from({ length: rows }, (_, i) => `${i},${random()},${random()},${random()}`);
  const text = `${lines.join('\n')}\n`;
  const source = new Blob([zipSync({ 'messages.csv': strToU8(text) }) as Uint8Array<ArrayBuffer>]);
  const archive = await listEntries(source);
  if (!archive.ok) throw new Error(archive.error.code);
  return { text, source, entry: archive.value.entries[0]! };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

test('the reading side gets the whole text, in order, with progress up to the compressed size', async () => {
  const { text, source, entry } = await bigEntry(60_000);
  const pipe = new MessageChannel();
  void inflateInto(source, entry, 2 ** 30, pipe.port1);
  let read = '';
  const progress: number[] = [];
  const end = await pipeFeed(pipe.port2)(
    (piece) => {
      read += piece;
    },
    (bytes) => progress.push(bytes),
  );
  expect(end).toEqual({ ok: true, value: undefined });
  expect(read).toBe(text);
  expect(progress.length).toBeGreaterThan(8);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress.at(-1)).toBe(entry.compressedSize);
});

test('the inflating side waits for the reader: at most 8 pieces ahead, one more per piece read', async () => {
  const { source, entry } = await bigEntry(100_000);
  const pipe = new MessageChannel();
  const arrived: PipeMessage[] = [];
  pipe.port2.onmessage = (event: MessageEvent<PipeMessage>) => arrived.push(event.data);
  const inflating = inflateInto(source, entry, 2 ** 30, pipe.port1);
  // The inflater may take a while to get there (Node's native one works on its own thread), and then stops.
  await vi.waitFor(() => expect(arrived).toHaveLength(8));
  await tick();
  expect(arrived).toHaveLength(8);
  pipe.port2.postMessage({ credit: 1 });
  await vi.waitFor(() => expect(arrived).toHaveLength(9));
  await tick();
  expect(arrived).toHaveLength(9);
  // Read on without holding back: the rest arrives, then the end.
  pipe.port2.postMessage({ credit: 1_000_000 });
  await inflating;
  await tick();
  expect(arrived.at(-1)).toEqual({ end: { ok: true, value: undefined } });
  expect(arrived.length).toBeGreaterThan(10);
  pipe.port2.close();
});
