// The messages worker: reads a zip's messages.csv (most of a large export's parse) off the page's thread, with the
// page's own reading code (archiveParse.ts's readZipMessages), while the page reads the other files. The page
// posts the picked file and the entry; this posts back progress and the reading. Where the page makes two of them,
// one inflates and the other reads what it inflated (messagesPipe.ts).
import type { MessagesWorkerReply, MessagesWorkerRequest } from './archiveParse.ts';
import { readPipedMessages, readZipMessages } from './archiveParse.ts';
import { inflateInto } from './messagesPipe.ts';
import { fail } from './result.ts';

/** A worker's side of the conversation: in a real worker, `self`; in a unit test, one end of a fake. */
export interface MessagesWorkerScope {
  onmessage: ((event: MessageEvent<MessagesWorkerRequest>) => void) | null;
  postMessage(reply: MessagesWorkerReply): void;
}

// Progress is posted at most this often: a post per inflated piece would be thousands of messages.
const PROGRESS_MS = 50;

export function serveMessages(scope: MessagesWorkerScope): void {
  scope.onmessage = async (event) => {
    const request = event.data;
    if (request.stage?.role === 'inflate') {
      // Its end (or its error) goes to the reading worker, which replies to the page.
      await inflateInto(request.source, request.entry, request.maxBytes, request.stage.port);
      return;
    }
    let posted = 0;
    const progress = (bytes: number) => {
      const now = performance.now();
      if (now - posted < PROGRESS_MS) return;
      posted = now;
      scope.postMessage({ type: 'progress', bytes });
    };
    try {
      const result = request.stage
        ? await readPipedMessages(request, request.stage.port, progress)
        : await readZipMessages(request, progress);
      scope.postMessage({ type: 'done', result });
    } catch (e) {
      scope.postMessage({ type: 'done', result: fail({ code: 'readFailed', detail: String(e) }) });
    }
  };
}

// In a worker (not in a unit test that imports this module to drive serveMessages itself).
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  serveMessages(self as unknown as MessagesWorkerScope);
}
