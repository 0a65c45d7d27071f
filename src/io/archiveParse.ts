// The import's entry point for a picked file: LinkedIn's whole export zip (Basic or Complete), or any one file of
// it, told apart by content rather than by name (browsers and users rename downloads). Every CSV is streamed: from
// the zip, each entry is inflated piece by piece (zipArchive.ts) straight into Papa Parse (papaStream.ts), so not
// even a messages.csv of hundreds of megabytes is ever held as one text.
import Papa from 'papaparse';
import {
  ARCHIVE_FILE_KINDS,
  type ArchiveFileKind,
  kindFromHeader,
  kindsForPath,
  SPECS,
  type SpecOf,
} from './archiveFiles.ts';
import {
  type ArchiveRejected,
  EndorsementReader,
  type EndorsementTally,
  InvitationReader,
  type InvitationRow,
  type OwnerProfile,
  ProfileReader,
  RecommendationReader,
  type RecommendationRow,
} from './archiveRows.ts';
import { CsvRecordReader, type HeaderSpec } from './csvRecords.ts';
import type { ImportError } from './importErrors.ts';
import { MAX_CSV_BYTES, type ParsedImport, parseConnectionsCsv, type RejectedRow } from './linkedinCsv.ts';
import { looksLikeZip, MAX_ZIP_BYTES } from './linkedinZip.ts';
import { MessageReader, type MessagesRead, type MessageTally } from './messageStats.ts';
import { pipeFeed } from './messagesPipe.ts';
import { createCsvPushParser } from './papaStream.ts';
import { fail, ok, type Result } from './result.ts';
import { blobTextChunks, sniffEncoding } from './textChunks.ts';
import { listEntries, readEntry, streamEntry, type ZipArchive, type ZipEntry } from './zipArchive.ts';

export interface ArchiveParseOptions {
  /** Keep the text of messages (off unless the user asks, for this import only). */
  keepMessageText: boolean;
  /** My name from an earlier import's Profile.csv, for a messages.csv read alone (see messageStats.ts). */
  ownerName?: string | undefined;
  /**
   * Makes the worker that reads a zip's messages.csv in parallel (messagesWorker.ts; the page makes it, because only
   * the page's own build knows the worker's file). Without it, or for a messages.csv picked alone, it is read here.
   */
  messagesWorker?: (() => Worker) | undefined;
  /**
   * Called once Connections.csv is read, while the other files (and the worker's messages.csv) still are: the page
   * plans it meanwhile (archivePlan.ts planConnections) instead of after the whole archive is read.
   */
  connectionsRead?: ((connections: ParsedImport) => void) | undefined;
  /**
   * Whether a second worker inflates messages.csv for the first (messagesPipe.ts): by default where the machine has
   * two cores or more to run them on.
   */
  twoWorkers?: boolean | undefined;
}

export interface ArchiveFileSummary {
  kind: ArchiveFileKind;
  /** Its path in the zip, or the picked file's name. */
  path: string;
  /** Records after the header. */
  rowsRead: number;
  rejected: (ArchiveRejected | RejectedRow)[];
  /** messages.csv where the owner could not be told from the one other participant: nothing of it is used. */
  ownerUnclear?: boolean;
}

export interface ParsedArchive {
  files: ArchiveFileSummary[];
  connections?: ParsedImport;
  recommendationsReceived: RecommendationRow[];
  recommendationsGiven: RecommendationRow[];
  endorsementsReceived: EndorsementTally[];
  endorsementsGiven: EndorsementTally[];
  invitations: InvitationRow[];
  messages: MessageTally[];
  /** Me, from Profile.csv and the messages. */
  owner?: OwnerProfile & { key?: string };
  keepMessageText: boolean;
}

export interface ArchiveProgress {
  /** Bytes of the picked file read so far (compressed, for a zip). */
  done: number;
  total: number;
  /** The file being read. */
  kind: ArchiveFileKind;
}

// messages.csv runs to hundreds of megabytes in large exports; the other files are small.
const MAX_MESSAGES_BYTES = 1024 * 1024 * 1024;
const SNIFF_BYTES = 64 * 1024;

function emptyArchive(options: ArchiveParseOptions): ParsedArchive {
  return {
    files: [],
    recommendationsReceived: [],
    recommendationsGiven: [],
    endorsementsReceived: [],
    endorsementsGiven: [],
    invitations: [],
    messages: [],
    keepMessageText: options.keepMessageText,
  };
}

/** One CSV's text, pushed chunk by chunk to `push`; `progress` gets the source bytes consumed so far. */
export type TextFeed = (
  push: (text: string) => void,
  progress: (bytes: number) => void,
) => Promise<Result<void, ImportError>>;

function blobFeed(blob: Blob): TextFeed {
  return async (push, progress) => {
    let head: Uint8Array;
    try {
      head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
    } catch (e) {
      return fail({ code: 'readFailed', detail: String(e) });
    }
    const sniffed = sniffEncoding(head);
    if ('error' in sniffed) return fail({ code: sniffed.error });
    try {
      for await (const chunk of blobTextChunks(blob, sniffed.encoding)) {
        push(chunk.text);
        progress(chunk.bytesRead);
      }
    } catch (e) {
      return fail({ code: 'readFailed', detail: String(e) });
    }
    return ok(undefined);
  };
}

function entryFeed(archive: ZipArchive, entry: ZipEntry, maxBytes: number): TextFeed {
  return async (push, progress) => {
    const decoder = new TextDecoder('utf-8');
    const streamed = await streamEntry(archive, entry, { maxBytes }, (chunk, p) => {
      push(decoder.decode(chunk, { stream: true }));
      progress(p.bytesIn);
    });
    if (!streamed.ok) return streamed;
    push(decoder.decode());
    return ok(undefined);
  };
}

/** Reads one CSV through record readers; the first whose header is found takes the rest of the file. */
async function readCsv(
  feed: TextFeed,
  readers: CsvRecordReader<string>[],
  progress: (bytes: number) => void,
): Promise<Result<CsvRecordReader<string> | undefined, ImportError>> {
  let chosen: CsvRecordReader<string> | undefined;
  const parser = createCsvPushParser((batch) => {
    if (chosen) return chosen.read(batch);
    const alive = readers.map((reader) => reader.read(batch));
    chosen = readers.find((reader) => reader.columns !== undefined);
    return chosen !== undefined || alive.some(Boolean);
  });
  const fed = await feed((text) => parser.push(text), progress);
  try {
    await parser.end();
  } catch (e) {
    return fail({ code: 'readFailed', detail: String(e) });
  }
  return fed.ok ? ok(chosen) : fed;
}

const spec = <K extends keyof typeof SPECS>(kind: K) => SPECS[kind] as unknown as HeaderSpec<SpecOf<K>>;

const records = <K extends keyof typeof SPECS>(
  of: K,
  onRecord: ConstructorParameters<typeof CsvRecordReader<SpecOf<K>>>[1],
) => new CsvRecordReader<SpecOf<K>>(spec(of), onRecord) as unknown as CsvRecordReader<string>;

/** What a messages.csv (of either generation) gave: the messages worker posts it back as it is. */
export interface MessagesFileRead {
  kind: 'messages' | 'messagesLegacy';
  rowsRead: number;
  read: MessagesRead;
}

/** Reads a messages.csv, of either generation: whichever header comes first decides. */
async function readMessagesCsv(
  feed: TextFeed,
  path: string,
  options: { keepText: boolean; ownerName: string | undefined },
  progress: (bytes: number) => void,
): Promise<Result<MessagesFileRead, ImportError>> {
  const reader = new MessageReader(options);
  const readers = [records('messages', reader.read), records('messagesLegacy', reader.readLegacy)];
  const chosen = await readCsv(feed, readers, progress);
  if (!chosen.ok) return chosen;
  if (chosen.value === undefined) return fail({ code: 'headerMissing', detail: path });
  return ok({
    kind: chosen.value === readers[0] ? 'messages' : 'messagesLegacy',
    rowsRead: chosen.value.records,
    read: reader.finish(),
  });
}

/** A messages.csv's reading, added to the archive's. */
function addMessages(parsed: ParsedArchive, path: string, { kind, rowsRead, read }: MessagesFileRead): void {
  const summary: ArchiveFileSummary = { kind, path, rowsRead, rejected: read.rejected };
  parsed.messages.push(...read.tallies);
  if (read.ownerUnclear) summary.ownerUnclear = true;
  if (read.ownerKey) parsed.owner = { name: parsed.owner?.name ?? '', ...parsed.owner, key: read.ownerKey };
  parsed.files.push(summary);
}

/** What the page posts to the messages worker (messagesWorker.ts): the picked zip and where messages.csv is. */
export interface MessagesWorkerRequest {
  source: Blob;
  entry: ZipEntry;
  maxBytes: number;
  keepText: boolean;
  ownerName: string | undefined;
  /**
   * One stage of two workers (messagesPipe.ts): 'inflate' inflates the entry into `port`, 'read' reads what comes
   * out of it. Without it, the one worker does both.
   */
  stage?: { role: 'inflate' | 'read'; port: MessagePort };
}

/** What the messages worker posts back: progress (compressed bytes of the entry read), then the reading. */
export type MessagesWorkerReply =
  | { type: 'progress'; bytes: number }
  | { type: 'done'; result: Result<MessagesFileRead, ImportError> };

/** The messages worker's work: the same reading as on the page, of the one entry it was given. */
export function readZipMessages(
  request: MessagesWorkerRequest,
  progress: (bytes: number) => void,
): Promise<Result<MessagesFileRead, ImportError>> {
  const archive: ZipArchive = { source: request.source, entries: [request.entry] };
  return readMessagesCsv(
    entryFeed(archive, request.entry, request.maxBytes),
    request.entry.name,
    { keepText: request.keepText, ownerName: request.ownerName },
    progress,
  );
}

/** The reading stage of two workers: the same reading, of the bytes the inflating stage sends through `port`. */
export function readPipedMessages(
  request: MessagesWorkerRequest,
  port: MessagePort,
  progress: (bytes: number) => void,
): Promise<Result<MessagesFileRead, ImportError>> {
  return readMessagesCsv(
    pipeFeed(port),
    request.entry.name,
    { keepText: request.keepText, ownerName: request.ownerName },
    progress,
  );
}

/**
 * The worker, or none where the browser refuses to make one (a Worker constructor that throws: a policy, a browser
 * without module workers): messages.csv is then read on the page, as before there was a worker.
 */
function startedOrNot<T>(start: () => T): T | undefined {
  try {
    return start();
  } catch {
    return undefined;
  }
}

/**
 * messages.csv read by a worker (`start` makes it), in parallel with the page reading the other files: it is most
 * of a large export's parse. Any failure of the worker itself (it could not load, it threw) is a readFailed.
 */
function messagesInWorker(
  start: () => Worker,
  request: MessagesWorkerRequest,
  progress: (bytes: number) => void,
  twoWorkers: boolean,
): { result: Promise<Result<MessagesFileRead, ImportError>>; stop: () => void } {
  const worker = start();
  // The second worker inflates for the first; where it cannot be made, the first does both.
  const inflater = twoWorkers ? startedOrNot(start) : undefined;
  const workers = inflater ? [worker, inflater] : [worker];
  const stop = () => {
    for (const each of workers) each.terminate();
  };
  const result = new Promise<Result<MessagesFileRead, ImportError>>((resolve) => {
    worker.onmessage = (event: MessageEvent<MessagesWorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') progress(reply.bytes);
      else resolve(reply.result);
    };
    for (const each of workers) {
      each.onerror = (event) => {
        event.preventDefault();
        resolve(fail({ code: 'readFailed', detail: `messages worker: ${event.message || 'failed to run'}` }));
      };
    }
    worker.onmessageerror = () =>
      resolve(fail({ code: 'readFailed', detail: 'messages worker: unreadable reply' }));
  });
  if (inflater) {
    const pipe = new MessageChannel();
    inflater.postMessage({ ...request, stage: { role: 'inflate', port: pipe.port1 } }, [pipe.port1]);
    worker.postMessage({ ...request, stage: { role: 'read', port: pipe.port2 } }, [pipe.port2]);
  } else worker.postMessage(request);
  return { result: result.finally(stop), stop };
}

/** Reads one file of the export into `parsed`. */
async function readFile(
  parsed: ParsedArchive,
  ownerName: string | undefined,
  kind: ArchiveFileKind,
  path: string,
  source: { blob: () => Promise<Result<Blob, ImportError>>; feed: TextFeed },
  progress: (bytes: number, of?: number) => void,
): Promise<Result<void, ImportError>> {
  if (kind === 'connections') {
    const blob = await source.blob();
    if (!blob.ok) return blob;
    const connections = await parseConnectionsCsv(blob.value, (p) => progress(p.bytesRead, p.totalBytes));
    if (!connections.ok) return connections;
    parsed.connections = connections.value;
    parsed.files.push({
      kind,
      path,
      rowsRead: connections.value.recordCount,
      rejected: connections.value.rejected,
    });
    return ok(undefined);
  }
  const summary: ArchiveFileSummary = { kind, path, rowsRead: 0, rejected: [] };
  let readers: CsvRecordReader<string>[];
  let finish: (chosen: CsvRecordReader<string>) => void;
  switch (kind) {
    case 'recommendationsReceived':
    case 'recommendationsGiven': {
      const reader = new RecommendationReader();
      readers = [records(kind, reader.read)];
      finish = () => {
        parsed[kind].push(...reader.rows);
        summary.rejected = reader.rejected;
      };
      break;
    }
    case 'endorsementsReceived':
    case 'endorsementsGiven': {
      const reader = new EndorsementReader();
      readers = [records(kind, reader.read)];
      finish = () => {
        parsed[kind].push(...reader.tallies);
        summary.rejected = reader.rejected;
      };
      break;
    }
    case 'invitations': {
      const reader = new InvitationReader();
      readers = [records('invitations', reader.read)];
      finish = () => {
        parsed.invitations.push(...reader.invitations);
        summary.rejected = reader.rejected;
      };
      break;
    }
    case 'profile': {
      const reader = new ProfileReader();
      readers = [records('profile', reader.read)];
      finish = () => {
        if (reader.owner) parsed.owner = { ...parsed.owner, ...reader.owner };
      };
      break;
    }
    case 'messages':
    case 'messagesLegacy': {
      const read = await readMessagesCsv(
        source.feed,
        path,
        { keepText: parsed.keepMessageText, ownerName: parsed.owner?.name ?? ownerName },
        progress,
      );
      if (!read.ok) return read;
      addMessages(parsed, path, read.value);
      return ok(undefined);
    }
  }
  const chosen = await readCsv(source.feed, readers, progress);
  if (!chosen.ok) return chosen;
  if (chosen.value === undefined) return fail({ code: 'headerMissing', detail: path });
  summary.rowsRead = chosen.value.records;
  finish(chosen.value);
  parsed.files.push(summary);
  return ok(undefined);
}

/** The first records of a CSV, to tell which file of the export it is. */
async function firstRecords(file: Blob): Promise<Result<string[][], ImportError>> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  } catch (e) {
    return fail({ code: 'readFailed', detail: String(e) });
  }
  const sniffed = sniffEncoding(bytes);
  if ('error' in sniffed) return fail({ code: sniffed.error });
  const text = new TextDecoder(sniffed.encoding).decode(bytes);
  if (text.trim() === '') return fail({ code: 'empty' });
  if (text.trimStart().startsWith('<')) return fail({ code: 'notCsv' });
  return ok(Papa.parse<string[]>(text, { delimiter: ',', preview: 60 }).data);
}

/** Reads LinkedIn's export zip, or one file of it, into what the plan matches against the database. */
export async function parseArchiveFile(
  file: Blob,
  fileName: string,
  options: ArchiveParseOptions,
  onProgress?: (progress: ArchiveProgress) => void,
): Promise<Result<ParsedArchive, ImportError>> {
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  } catch (e) {
    return fail({ code: 'readFailed', detail: String(e) });
  }
  const parsed = emptyArchive(options);
  if (!looksLikeZip(head)) {
    if (file.size > MAX_MESSAGES_BYTES) return fail({ code: 'tooLarge', detail: `${file.size} bytes` });
    const records = await firstRecords(file);
    if (!records.ok) return records;
    const kind = kindFromHeader(records.value, fileName);
    if (kind === undefined) return fail({ code: 'archiveUnknownFile', detail: fileName });
    if (kind !== 'messages' && kind !== 'messagesLegacy' && file.size > MAX_CSV_BYTES) {
      return fail({ code: 'tooLarge', detail: `${file.size} bytes` });
    }
    const read = await readFile(
      parsed,
      options.ownerName,
      kind,
      fileName,
      { blob: async () => ok(file), feed: blobFeed(file) },
      (done, of) => onProgress?.({ done: of ? (done / of) * file.size : done, total: file.size, kind }),
    );
    return read.ok ? ok(parsed) : read;
  }

  if (file.size > MAX_ZIP_BYTES) return fail({ code: 'tooLarge', detail: `${file.size} bytes` });
  const archive = await listEntries(file);
  if (!archive.ok) return archive;
  // For each kind, the file nearest the root (a zip of a zip's folder repeats them).
  const depth = (path: string) => path.split('/').length;
  const chosen = new Map<ArchiveFileKind, ZipEntry>();
  for (const entry of [...archive.value.entries].sort(
    (a, b) => depth(a.name) - depth(b.name) || a.name.localeCompare(b.name),
  )) {
    const [kind] = kindsForPath(entry.name);
    if (kind !== undefined && !chosen.has(kind)) chosen.set(kind, entry);
  }
  if (chosen.size === 0) return fail({ code: 'archiveNothing' });
  const total = [...chosen.values()].reduce((sum, entry) => sum + entry.compressedSize, 0);
  // Compressed bytes read of each entry: the page's files and the worker's messages.csv advance at once.
  const doneOf = new Map<ZipEntry, number>();
  // The file named is the one the page is on: the worker's progress does not make the label flicker.
  let current: ArchiveFileKind = 'messages';
  const report = (entry: ZipEntry, done: number, silently = false) => {
    doneOf.set(entry, Math.min(done, entry.compressedSize));
    if (silently) return;
    let sum = 0;
    for (const bytes of doneOf.values()) sum += bytes;
    onProgress?.({ done: sum, total, kind: current });
  };
  const messagesEntry = chosen.get('messages');
  let worker: ReturnType<typeof messagesInWorker> | undefined;
  let workerTried = false;
  try {
    for (const kind of ARCHIVE_FILE_KINDS) {
      const entry = chosen.get(kind);
      if (!entry) continue;
      current = kind;
      // The worker starts once Profile.csv (first) has named me, which a messages.csv of one conversation needs.
      const startWorker = options.messagesWorker;
      if (kind !== 'profile' && !workerTried && messagesEntry && startWorker) {
        workerTried = true;
        worker = startedOrNot(() =>
          messagesInWorker(
            startWorker,
            {
              source: file,
              entry: messagesEntry,
              maxBytes: MAX_MESSAGES_BYTES,
              keepText: parsed.keepMessageText,
              ownerName: parsed.owner?.name ?? options.ownerName,
            },
            (bytes) => report(messagesEntry, bytes),
            options.twoWorkers ?? (globalThis.navigator?.hardwareConcurrency ?? 1) > 1,
          ),
        );
      }
      if (kind === 'messages' && worker) {
        // In its place among the files, so the result is the same as read here.
        const read = await worker.result;
        if (!read.ok) return read;
        addMessages(parsed, entry.name, read.value);
        // The worker's last progress may have been held back (it posts at most every 50 ms).
        report(entry, entry.compressedSize);
        continue;
      }
      const maxBytes = kind === 'messages' ? MAX_MESSAGES_BYTES : MAX_CSV_BYTES;
      const read = await readFile(
        parsed,
        options.ownerName,
        kind,
        entry.name,
        {
          blob: async () => {
            const bytes = await readEntry(archive.value, entry, { maxBytes });
            return bytes.ok ? ok(new Blob([bytes.value], { type: 'text/csv' })) : bytes;
          },
          feed: entryFeed(archive.value, entry, maxBytes),
        },
        (done, of) => report(entry, of ? (done / of) * entry.compressedSize : done),
      );
      if (!read.ok) return read;
      if (kind === 'connections' && parsed.connections) options.connectionsRead?.(parsed.connections);
      report(entry, entry.compressedSize, true);
    }
  } finally {
    worker?.stop();
  }
  return ok(parsed);
}
