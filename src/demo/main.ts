// An extension page for `npm start`: it defines the seeding function and does nothing on its own. The start
// script opens this page and calls it. It is not web-accessible, and no message reaches it, so neither a
// site nor a content script can trigger it; it refuses to write into a database that already has people.
import { db } from '../db/database.ts';
import { sendMessage } from '../messages/client.ts';
import { seedDemoNetwork } from './seedDemo.ts';

(globalThis as { trustNotesSeedDemo?: () => Promise<number> }).trustNotesSeedDemo = async () => {
  const written = await seedDemoNetwork(db(), new Date());
  // The worker's scan puts the toolbar badge in step with the demo's flags.
  if (written > 0) await sendMessage('page:scanNow', {});
  return written;
};
