import Papa from 'papaparse';
import type { TextChunk } from './textChunks.ts';

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

/** A CSV parse fed text as it comes: each push is parsed at once, so only the unfinished last line is held. */
export interface CsvPushParser {
  /** Parses this much more text; ignored once the sink stopped the parse or it failed. */
  push(text: string): void;
  /** No more text: finishes the last record; rejects with the parse's failure, if any. */
  end(): Promise<void>;
  /** True once the sink asked to stop or the parse failed: further text is not wanted. */
  readonly stopped: boolean;
}

/**
 * Papa Parse over pushed text (`chunk` callback, no worker, no header handling: the LinkedIn header is found by
 * the caller after a preamble of varying length). Papa parses each piece of a readable stream synchronously as
 * it arrives, so a zip entry inflated piece by piece (zipArchive.ts's streamEntry) is parsed as it inflates.
 */
export function createCsvPushParser(rows: RowBatchSink['rows']): CsvPushParser {
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
        if (!rows(results.data)) {
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
  return {
    push(text) {
      if (!stopped && failure === undefined && text !== '') source.emit('data', text);
    },
    async end() {
      if (!stopped && failure === undefined) source.emit('end');
      await done;
      if (failure !== undefined) throw failure;
    },
    get stopped() {
      return stopped || failure !== undefined;
    },
  };
}

/** Streams text chunks through a push parser, reporting progress after each. */
export async function parseCsvChunks(chunks: AsyncIterable<TextChunk>, sink: RowBatchSink): Promise<void> {
  const parser = createCsvPushParser((records) => sink.rows(records));
  for await (const chunk of chunks) {
    if (parser.stopped) break;
    parser.push(chunk.text);
    sink.progress(chunk.bytesRead);
  }
  await parser.end();
}
