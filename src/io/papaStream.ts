import Papa from 'papaparse';
import type { TextChunk } from './textChunks';

type Listener = (arg?: unknown) => void;

/**
 * The minimal readable-stream shape Papa Parse accepts as input (`readable`, `read`, `on`,
 * `removeListener`, `pause`, `resume`: see ReadableStreamStreamer in papaparse.js). We push
 * already-decoded strings through it, so Papa's streaming parser never decodes bytes itself.
 */
class DecodedTextSource {
  readonly readable = true;
  private readonly listeners = new Map<string, Listener[]>();

  read(): null {
    return null;
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  // Papa only pauses when a callback asks it to; we never do, so these have nothing to stop.
  pause(): void {}
  resume(): void {}

  emit(event: 'data' | 'end' | 'error', arg?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(arg);
  }
}

export interface RowBatchSink {
  /** Called with each batch of parsed records; return false to stop parsing early. */
  rows(records: string[][]): boolean;
  /** Called after each source chunk is parsed. */
  progress(bytesRead: number): void;
}

/**
 * Streams text chunks through Papa Parse (`chunk` callback, no worker, no header handling: the
 * LinkedIn header is found by the caller after a preamble of varying length).
 */
export async function parseCsvChunks(chunks: AsyncIterable<TextChunk>, sink: RowBatchSink): Promise<void> {
  const source = new DecodedTextSource();
  let stopped = false;
  let failure: unknown;
  const done = new Promise<void>((resolve) => {
    Papa.parse<string[]>(source as unknown as NodeJS.ReadableStream, {
      header: false,
      worker: false,
      // LinkedIn always writes commas; Papa's delimiter guessing would pick ';' for a file full of them.
      delimiter: ',',
      skipEmptyLines: false,
      chunk(results, parser) {
        if (stopped) return;
        if (!sink.rows(results.data)) {
          stopped = true;
          parser.abort();
        }
      },
      complete: () => resolve(),
      error(error: unknown) {
        failure = error;
        resolve();
      },
    });
  });
  for await (const chunk of chunks) {
    if (stopped || failure !== undefined) break;
    if (chunk.text !== '') source.emit('data', chunk.text);
    sink.progress(chunk.bytesRead);
  }
  if (!stopped && failure === undefined) source.emit('end');
  await done;
  if (failure !== undefined) throw failure;
}
