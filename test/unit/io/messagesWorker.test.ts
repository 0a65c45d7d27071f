// A zip's messages.csv read by the messages worker (driven here through a fake Worker that runs the real worker
// code, serveMessages, with its replies structured-cloned as a real worker's are) gives the same archive as read
// on the page, and a worker that fails is a clear import error.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
  type ArchiveProgress,
  type MessagesWorkerReply,
  type MessagesWorkerRequest,
  parseArchiveFile,
} from '../../../src/io/archiveParse.ts';
import { serveMessages } from '../../../src/io/messagesWorker.ts';
import { exportZip, fixtureText } from './archiveFixtures.ts';

interface FakeWorker {
  started: number;
  terminated: number;
  requests: MessagesWorkerRequest[];
  start: () => Worker;
}

/** A Worker whose other side is serveMessages, or one that fails as a worker that could not load does. */
function fakeWorker(behaviour: 'serve' | 'crash' = 'serve'): FakeWorker {
  const fake: FakeWorker = {
    started: 0,
    terminated: 0,
    requests: [],
    start: () => {
      fake.started++;
      let terminated = false;
      const page = {
        onmessage: null as ((event: MessageEvent<MessagesWorkerReply>) => void) | null,
        onerror: null as ((event: ErrorEvent) => void) | null,
        onmessageerror: null as (() => void) | null,
        postMessage(request: MessagesWorkerRequest) {
          fake.requests.push(request);
          if (behaviour === 'crash') {
            setTimeout(() =>
              page.onerror?.({ message: 'SyntaxError: import', preventDefault() {} } as ErrorEvent),
            );
            return;
          }
          setTimeout(() => worker.onmessage?.({ data: request } as MessageEvent<MessagesWorkerRequest>));
        },
        terminate() {
          if (!terminated) fake.terminated++;
          terminated = true;
        },
      };
      const worker = {
        onmessage: null as ((event: MessageEvent<MessagesWorkerRequest>) => void) | null,
        postMessage(reply: MessagesWorkerReply) {
          const data = structuredClone(reply);
          setTimeout(() => {
            if (!terminated) page.onmessage?.({ data } as MessageEvent<MessagesWorkerReply>);
          });
        },
      };
      serveMessages(worker);
      return page as unknown as Worker;
    },
  };
  return fake;
}

const NAME = 'Complete_LinkedInDataExport_12-05-2026.zip';

describe('messages.csv in the messages worker', () => {
  test.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])(
    'the same archive as read on the page (keep texts: %s; a second worker inflating: %s)',
    async (keepMessageText, twoWorkers) => {
      const onPage = await parseArchiveFile(exportZip(), NAME, { keepMessageText });
      const fake = fakeWorker();
      const inWorker = await parseArchiveFile(exportZip(), NAME, {
        keepMessageText,
        messagesWorker: fake.start,
        twoWorkers,
      });
      expect(onPage.ok).toBe(true);
      expect(inWorker).toEqual(onPage);
      expect(fake.started).toBe(twoWorkers ? 2 : 1);
      expect(fake.requests.map((request) => request.entry.name)).toEqual(
        Array(fake.started).fill(expect.stringMatching(/messages\.csv$/)),
      );
      expect(fake.requests.map((request) => request.stage?.role)).toEqual(
        twoWorkers ? ['inflate', 'read'] : [undefined],
      );
      expect(fake.terminated).toBe(fake.started);
    },
  );

  test('a damaged messages.csv, inflated by the second worker, is the same ImportError as on the page', async () => {
    const text = `${fixtureText('messages.csv')}${'c9,,Jane Roe,https://www.linkedin.com/in/jane-roe,Alex Owner,https://www.linkedin.com/in/alex-owner,2024-06-19 10:00:00 UTC,,hello there,INBOX\n'.repeat(2000)}`;
    // Deflated, then broken in the middle of its deflated stream (the entry's data starts at byte 42).
    const broken = zipSync({ 'messages.csv': strToU8(text) }, { level: 6 }).slice();
    for (let i = 200; i < 260; i++) broken[i] = 0xff;
    const file = new Blob([broken as Uint8Array<ArrayBuffer>]);
    const onPage = await parseArchiveFile(file, 'x.zip', { keepMessageText: false });
    const fake = fakeWorker();
    const inWorkers = await parseArchiveFile(file, 'x.zip', {
      keepMessageText: false,
      messagesWorker: fake.start,
      twoWorkers: true,
    });
    expect(onPage).toMatchObject({ ok: false, error: { code: 'zipCorrupt' } });
    expect(inWorkers).toEqual(onPage);
    expect(fake.started).toBe(2);
  });

  test('Profile.csv names me before the worker starts: a one-conversation messages.csv still finds its owner', async () => {
    const only = [
      'Profile.csv',
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
    ];
    const zip = zipSync({
      [only[0]!]: strToU8(fixtureText('Profile.csv')),
      'messages.csv': strToU8(
        `${only[1]}\n` +
          'c1,,Alex Owner,https://www.linkedin.com/in/alex-owner,Jane Roe,https://www.linkedin.com/in/jane-roe,2024-06-18 11:59:53 UTC,,hi,INBOX\n' +
          'c1,,Jane Roe,https://www.linkedin.com/in/jane-roe,Alex Owner,https://www.linkedin.com/in/alex-owner,2024-06-19 10:00:00 UTC,,hello,INBOX\n',
      ),
    });
    const file = new Blob([zip as Uint8Array<ArrayBuffer>]);
    const fake = fakeWorker();
    const onPage = await parseArchiveFile(file, 'x.zip', { keepMessageText: false });
    const inWorker = await parseArchiveFile(file, 'x.zip', {
      keepMessageText: false,
      messagesWorker: fake.start,
    });
    expect(fake.requests[0]?.ownerName).toBe('Alex Owner');
    expect(inWorker).toEqual(onPage);
    expect(inWorker.ok && inWorker.value.messages.map((t) => t.who.name)).toEqual(['Jane Roe']);
  });

  test('an error while reading in the worker is the same ImportError as on the page', async () => {
    const zip = zipSync({ 'messages.csv': strToU8('not,a,messages,header\n1,2,3,4\n') });
    const file = new Blob([zip as Uint8Array<ArrayBuffer>]);
    const onPage = await parseArchiveFile(file, 'x.zip', { keepMessageText: false });
    const inWorker = await parseArchiveFile(file, 'x.zip', {
      keepMessageText: false,
      messagesWorker: fakeWorker().start,
    });
    expect(onPage).toMatchObject({ ok: false, error: { code: 'headerMissing' } });
    expect(inWorker).toEqual(onPage);
  });

  test('a worker that fails to run is a readFailed naming it, and is ended', async () => {
    const fake = fakeWorker('crash');
    const result = await parseArchiveFile(exportZip(), NAME, {
      keepMessageText: false,
      messagesWorker: fake.start,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'readFailed' } });
    expect(!result.ok && result.error.detail).toMatch(/messages worker: SyntaxError/);
    expect(fake.terminated).toBe(fake.started);
  });

  test('progress still climbs to the whole zip, the worker reading alongside the page', async () => {
    const seen: ArchiveProgress[] = [];
    const result = await parseArchiveFile(
      exportZip(),
      NAME,
      { keepMessageText: false, messagesWorker: fakeWorker().start },
      (p) => seen.push(p),
    );
    expect(result.ok).toBe(true);
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(seen.at(-1)?.done).toBe(seen.at(-1)?.total);
  });

  test('a messages.csv picked alone is read on the page', async () => {
    const fake = fakeWorker();
    const result = await parseArchiveFile(new Blob([fixtureText('messages.csv')]), 'messages.csv', {
      keepMessageText: false,
      messagesWorker: fake.start,
    });
    expect(result.ok).toBe(true);
    expect(fake.started).toBe(0);
  });
});

test('where the browser refuses to make the worker, messages.csv is read on the page', async () => {
  const onPage = await parseArchiveFile(exportZip(), NAME, { keepMessageText: false });
  let tried = 0;
  const refused = await parseArchiveFile(exportZip(), NAME, {
    keepMessageText: false,
    messagesWorker: () => {
      tried++;
      throw new DOMException('refused by policy', 'SecurityError');
    },
  });
  expect(tried).toBe(1);
  expect(refused).toEqual(onPage);
});
