// The messages worker as this page's build emits it (Vite bundles src/io/messagesWorker.ts into a file of the
// extension: a page's own file, which the pages' CSP allows; no blob: or data: URL).
export const startMessagesWorker = (): Worker =>
  new Worker(new URL('../../io/messagesWorker.ts', import.meta.url), { type: 'module', name: 'messages' });
