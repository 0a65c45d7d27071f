// Tells the background worker that the user changed something the flags depend on, so the badge and the
// flags follow at once instead of at the next periodic scan. Pages write the database themselves; these
// messages only wake the worker. A failed message loses nothing: the periodic scan catches up.
import { sendMessage } from '../../messages/client.ts';

function tell<T>(send: () => Promise<T>, what: string): Promise<T | undefined> {
  return send().catch((error: unknown) => {
    console.warn(`Trust Notes: could not tell the worker about ${what}`, error);
    return undefined;
  });
}

export const personChanged = async (personId: string) => {
  await tell(() => sendMessage('page:personChanged', { personId }), 'a person change');
};
/**
 * After a snooze or dismiss of a flag or a queue entry: answers with the toolbar badge's number after the worker
 * moved the queue on (undefined if it could not).
 */
export const flagsChanged = async () =>
  (await tell(() => sendMessage('page:flagsChanged', {}), 'a flag or queue change'))?.badge;
export const settingsChanged = async () => {
  await tell(() => sendMessage('page:settingsChanged', {}), 'new settings');
};
export const scanNow = async () =>
  (await tell(() => sendMessage('page:scanNow', {}), 'a finished import'))?.badge;
