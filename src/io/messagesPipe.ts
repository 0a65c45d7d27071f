// messages.csv through two workers, each on its own core: one inflates the zip entry, the other reads the text
// (Papa Parse and the message reader). In one worker the inflating ran before each piece's reading: with fflate it
// was about 40% of the whole in Chromium, with the browser's native inflater (zipArchive.ts) about 15%. The
// inflated bytes go through a MessagePort, transferred rather than copied, and at most PIPE_CHUNKS pieces ahead of
// the reader, so a messages.csv of hundreds of megabytes is never held whole.
import type { TextFeed } from './archiveParse.ts';
import type { ImportError } from './importErrors.ts';
import { fail, type Result } from './result.ts';
import { streamEntry, type ZipEntry } from './zipArchive.ts';

/** Inflating side → reading side: a piece of the entry (with the compressed bytes read so far), then the end. */
export type PipeMessage = { bytes: Uint8Array; bytesIn: number } | { end: Result<void, ImportError> };
/** Reading side → inflating side: pieces read, which may be replaced. */
export type PipeCredit = { credit: number };

/** Inflated pieces (64 KB each from the native inflater, about 128 KB from fflate) the inflating side may run ahead. */
const PIPE_CHUNKS = 8;

/** A piece's bytes as a buffer of its own, which can be transferred without taking anything else along. */
function ownBuffer(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
  return (whole && chunk.buffer instanceof ArrayBuffer ? chunk : chunk.slice()) as Uint8Array<ArrayBuffer>;
}

/** The inflating side: the entry's bytes into `port`, then its end (a damaged zip's error included). */
export async function inflateInto(
  source: Blob,
  entry: ZipEntry,
  maxBytes: number,
  port: MessagePort,
): Promise<void> {
  let credit = PIPE_CHUNKS;
  let wake: (() => void) | undefined;
  port.onmessage = (event: MessageEvent<PipeCredit>) => {
    credit += event.data.credit;
    wake?.();
    wake = undefined;
  };
  let end: Result<void, ImportError>;
  try {
    end = await streamEntry({ source, entries: [entry] }, entry, { maxBytes }, async (chunk, progress) => {
      while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
      credit--;
      const bytes = ownBuffer(chunk);
      port.postMessage({ bytes, bytesIn: progress.bytesIn } satisfies PipeMessage, [bytes.buffer]);
    });
  } catch (e) {
    end = fail({ code: 'readFailed', detail: String(e) });
  }
  port.postMessage({ end } satisfies PipeMessage);
  port.close();
}

/** The reading side: the text of what arrives through `port`, as the reading of a zip's entry gets it. */
export function pipeFeed(port: MessagePort): TextFeed {
  return (push, progress) =>
    new Promise((resolve) => {
      const decoder = new TextDecoder('utf-8');
      port.onmessage = (event: MessageEvent<PipeMessage>) => {
        const message = event.data;
        if ('bytes' in message) {
          push(decoder.decode(message.bytes, { stream: true }));
          progress(message.bytesIn);
          port.postMessage({ credit: 1 } satisfies PipeCredit);
          return;
        }
        if (message.end.ok) push(decoder.decode());
        port.close();
        resolve(message.end);
      };
    });
}
