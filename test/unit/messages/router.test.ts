import { describe, expect, test } from 'vitest';
import { ALLOWED_SENDERS, ProtocolError } from '../../../src/messages/protocol.ts';
import { createMessageListener, type Handlers } from '../../../src/messages/router.ts';
import { classifySender, type SenderContext, type SenderLike } from '../../../src/messages/sender.ts';

const ctx: SenderContext = {
  extensionId: 'ext-id',
  extensionOrigin: 'chrome-extension://ext-id/',
  isSupportedSiteUrl: (url) => url.startsWith('https://www.linkedin.com/'),
};

const page: SenderLike = { id: 'ext-id', url: 'chrome-extension://ext-id/src/options/index.html' };
const content: SenderLike = {
  id: 'ext-id',
  url: 'https://www.linkedin.com/in/x/',
  frameId: 0,
  tab: { id: 4 },
};

describe('classifySender', () => {
  test.each<[string, SenderLike, ReturnType<typeof classifySender>]>([
    ['an extension page', page, 'extensionPage'],
    [
      'the panel frame inside a tab',
      { ...page, url: 'chrome-extension://ext-id/src/panel/index.html', tab: { id: 3 }, frameId: 7 },
      'extensionPage',
    ],
    ['a content script in a top frame on LinkedIn', content, 'contentScript'],
    ['a content script in a sub-frame', { ...content, frameId: 2 }, null],
    ['a content script on an unsupported site', { ...content, url: 'https://evil.example/in/x/' }, null],
    ['a plain-http LinkedIn page', { ...content, url: 'http://www.linkedin.com/in/x/' }, null],
    ['another extension', { ...page, id: 'other-ext' }, null],
    [
      'another extension origin claiming our id',
      { ...page, url: 'chrome-extension://other/src/options/index.html' },
      null,
    ],
    ['a sender without URL', { id: 'ext-id' }, null],
    ['a content script without tab', { ...content, tab: undefined }, null],
  ])('%s', (_, sender, expected) => {
    expect(classifySender(sender, ctx)).toBe(expected);
  });
});

describe('createMessageListener', () => {
  const calls: string[] = [];
  // Only the foundation's three types are exercised here; the protocol grows as features land.
  const handlers: Partial<Handlers> = {
    'any:ping': { parse: () => ({}), handle: () => ({ pong: true, version: '1' }) },
    'content:profileSeen': {
      parse: (p) => {
        if (typeof p !== 'object' || p === null)
          throw new ProtocolError('malformed', 'payload must be an object');
        return { snapshot: null };
      },
      handle: () => {
        calls.push('profileSeen');
        return { recorded: true };
      },
    },
    'page:tabProfile': {
      parse: () => ({}),
      handle: () => {
        throw new Error('boom');
      },
    },
  };
  const listener = createMessageListener(handlers as Handlers, () => ctx);

  test('the sender context is made for the sender that asks', async () => {
    const asked: SenderLike[] = [];
    const seeing = createMessageListener(handlers as Handlers, (sender) => {
      asked.push(sender);
      return ctx;
    });
    await seeing({ type: 'any:ping', payload: {} }, page);
    await seeing({ type: 'content:profileSeen', payload: {} }, content);
    expect(asked).toEqual([page, content]);
  });

  test('answers with a native Promise of a reply', async () => {
    const reply = listener({ type: 'any:ping', payload: {} }, page);
    expect(reply).toBeInstanceOf(Promise);
    expect(await reply).toEqual({ ok: true, value: { pong: true, version: '1' } });
  });

  test.each<[string, unknown, SenderLike, string]>([
    ['not an object', 'hello', page, 'malformed'],
    ['no type', { payload: {} }, page, 'malformed'],
    ['an unknown type', { type: 'page:deleteEverything', payload: {} }, page, 'unknownType'],
    ['a prototype key as type', { type: '__proto__', payload: {} }, page, 'unknownType'],
    [
      'a content-only message from an extension page',
      { type: 'content:profileSeen', payload: {} },
      page,
      'forbidden',
    ],
    [
      'a page-only message from a content script',
      { type: 'page:tabProfile', payload: {} },
      content,
      'forbidden',
    ],
    [
      'a forged sender',
      { type: 'any:ping', payload: {} },
      { id: 'evil', url: 'https://evil.example/' },
      'forbidden',
    ],
    ['a malformed payload', { type: 'content:profileSeen', payload: 42 }, content, 'malformed'],
    ['a handler that throws', { type: 'page:tabProfile', payload: {} }, page, 'failed'],
  ])('refuses %s', async (_, message, sender, code) => {
    const before = calls.length;
    const reply = await listener(message, sender);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe(code);
    expect(calls.length).toBe(before);
  });

  test('every message type handled here lists its allowed senders', () => {
    // Completeness against the worker's real handler map is checked in test/unit/background.
    for (const type of Object.keys(handlers)) expect(ALLOWED_SENDERS).toHaveProperty([type]);
  });
});
