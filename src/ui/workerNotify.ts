// Tells the background worker that the user changed something the flags depend on, so the badge and the
// flags follow at once instead of at the next periodic scan. Pages write the database themselves; these
// messages only wake the worker. A failed message loses nothing: the periodic scan catches up.
import { sendMessage } from '../messages/client.ts';

function tell(send: () => Promise<unknown>, what: string): Promise<void> {
  return send().then(
    () => undefined,
    (error: unknown) => console.warn(`Trust Notes: could not tell the worker about ${what}`, error),
  );
}

export const personChanged = (personId: string) =>
  tell(() => sendMessage('page:personChanged', { personId }), 'a person change');
export const flagsChanged = () => tell(() => sendMessage('page:flagsChanged', {}), 'a flag change');
export const settingsChanged = () => tell(() => sendMessage('page:settingsChanged', {}), 'new settings');
export const scanNow = () => tell(() => sendMessage('page:scanNow', {}), 'a finished import');
