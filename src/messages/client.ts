import browser from 'webextension-polyfill';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol.ts';
import { ProtocolError } from './protocol.ts';

/** Sends a typed request to the background and unwraps its reply; a refusal becomes a ProtocolError. */
export async function sendMessage<K extends MessageType>(
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<ResponseOf<K>> | undefined;
  if (!reply) throw new ProtocolError('failed', `No reply to ${type}.`);
  if (!reply.ok) throw new ProtocolError(reply.error.code, reply.error.message);
  return reply.value;
}
