// Writes from the panel, the popup and the options page. The first thing the user adds on a profile page creates the person
// (with that profile); visiting alone never does. After each write the worker rescans the person's flags and
// updates the toolbar badge at once, rather than at its next scan.
import { stepWork } from '../../core/queue.ts';
import type { NewSharedWork, ProfileSnapshot, QueueEntry } from '../../core/types.ts';
import { db } from '../../db/database.ts';
import {
  addNote,
  addSharedWork,
  dismissFlag,
  dismissQueued,
  ensurePersonForSnapshot,
  planFirstTask,
  snoozeFlag,
  snoozeQueued,
  undismissQueued,
  updatePerson,
} from '../../db/mutations.ts';
import { flagsChanged, personChanged } from './workerNotify.ts';

/** The person to write to: the recorded one, else created now from the page's snapshot. */
async function personIdFor(snapshot: ProfileSnapshot, personId: string | undefined): Promise<string> {
  if (personId) return personId;
  const { person } = await ensurePersonForSnapshot(db(), snapshot);
  return person.id;
}

export async function addWorkOnProfile(
  snapshot: ProfileSnapshot,
  personId: string | undefined,
  work: NewSharedWork,
): Promise<string> {
  const id = await personIdFor(snapshot, personId);
  await addSharedWork(db(), id, work);
  await personChanged(id);
  return id;
}

export async function addNoteOnProfile(
  snapshot: ProfileSnapshot,
  personId: string | undefined,
  text: string,
): Promise<string> {
  const id = await personIdFor(snapshot, personId);
  await addNote(db(), id, text);
  await personChanged(id);
  return id;
}

/** Snoozes the flag and has the worker update the badge; answers the open flags left, when it says. */
export async function snoozeFlagUntil(flagId: string, until: number): Promise<number | undefined> {
  await snoozeFlag(db(), flagId, until);
  return flagsChanged();
}

export async function dismissFlagForGood(flagId: string): Promise<number | undefined> {
  await dismissFlag(db(), flagId);
  return flagsChanged();
}

/** The weekly queue's "later": the worker moves the next person in; answers the badge's number, when it says. */
export async function snoozeQueuedUntil(personId: string, until: number): Promise<number | undefined> {
  await snoozeQueued(db(), personId, until);
  return flagsChanged();
}

/** The weekly queue's "not this person". */
export async function dismissQueuedForGood(personId: string): Promise<number | undefined> {
  await dismissQueued(db(), personId);
  return flagsChanged();
}

/** Takes back "not this person": they may be picked for the queue again. */
export async function undismissQueuedPerson(personId: string): Promise<number | undefined> {
  await undismissQueued(db(), personId);
  return flagsChanged();
}

/**
 * The weekly queue's "planned a task": the entry's first step becomes planned work with them; the worker rescans
 * them (a follow-up will come due on its date) and moves the next person in.
 */
export async function planQueuedTask(entry: QueueEntry): Promise<void> {
  await planFirstTask(db(), entry.personId, stepWork(entry.step));
  await personChanged(entry.personId);
}

/**
 * The name the user typed because the page would not give it: stored as typed, so no later visit replaces it.
 * Creates the person (with this profile) when nobody has it yet.
 */
export async function nameOnProfile(
  snapshot: ProfileSnapshot,
  personId: string | undefined,
  name: string,
): Promise<string> {
  const id = await personIdFor(snapshot, personId);
  await updatePerson(db(), id, { name });
  await personChanged(id);
  return id;
}
