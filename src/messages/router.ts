import {
  ALLOWED_SENDERS,
  type Envelope,
  type MessageType,
  ProtocolError,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type SenderKind,
} from './protocol.ts';
import { classifySender, type SenderContext, type SenderLike } from './sender.ts';

export interface HandlerContext {
  kind: SenderKind;
  sender: SenderLike;
}

export type Handlers = {
  [K in MessageType]: {
    /** Validates an untrusted payload; throws ProtocolError('malformed') when it is not one. */
    parse: (payload: unknown) => RequestOf<K>;
    handle: (req: RequestOf<K>, ctx: HandlerContext) => Promise<ResponseOf<K>> | ResponseOf<K>;
  };
};

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string';
}

/**
 * Builds a runtime.onMessage listener. It always answers with a *native* Promise of a Reply: Chrome
 * ignores other thenables (such as Dexie's promises) and the sender would get undefined. `ctx` is given the sender
 * (what it must know may depend on who asks) and may be
 * asynchronous: which hosts a content script may speak for depends on what the user has granted.
 */
export function createMessageListener(
  handlers: Handlers,
  ctx: (sender: SenderLike) => SenderContext | Promise<SenderContext>,
) {
  return (message: unknown, sender: SenderLike): Promise<Reply<unknown>> => {
    return new Promise<Reply<unknown>>((resolve) => {
      const fail = (code: ProtocolError['code'], text: string) =>
        resolve({ ok: false, error: { code, message: text } });
      if (!isEnvelope(message)) return fail('malformed', 'Not a Trust Notes message.');
      const type = message.type as MessageType;
      const handler = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
      if (!handler) return fail('unknownType', `Unknown message type: ${String(message.type).slice(0, 64)}`);
      Promise.resolve()
        .then(() => ctx(sender))
        .then((context) => {
          const kind = classifySender(sender, context);
          if (!kind || !ALLOWED_SENDERS[type].includes(kind)) {
            throw new ProtocolError('forbidden', `Sender not allowed for ${type}.`);
          }
          let req: unknown;
          try {
            req = handler.parse(message.payload);
          } catch (e) {
            throw new ProtocolError('malformed', e instanceof Error ? e.message : 'Malformed request.');
          }
          return (handler.handle as (r: unknown, c: HandlerContext) => unknown)(req, { kind, sender });
        })
        .then(
          (value) => resolve({ ok: true, value }),
          (e: unknown) =>
            fail(e instanceof ProtocolError ? e.code : 'failed', e instanceof Error ? e.message : String(e)),
        );
    });
  };
}
