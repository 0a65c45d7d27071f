// The preview of an archive import: whom each row is about (archiveMatch.ts), and what the import would change,
// per file, without writing anything. The user's answers in the review step (which namesake an ambiguous row
// means, whether to create someone for an unmatched one) are `Resolutions`; `archiveWrites` turns the plan and the
// answers into the writes, and the preview shows their counts as the answers change.
import {
  mergeArchiveFacts,
  type RecommendationDirection,
  recommendationWork,
  recommendationWorkId,
  sameValue,
} from '../core/archive.ts';
import type { ArchiveFacts, EndorsementFacts, Millis, Person, Profile, SharedWork } from '../core/types.ts';
import type { ArchiveMessage } from '../db/archiveMessages.ts';
import type { TrustDb } from '../db/database.ts';
import type { ArchiveFileKind } from './archiveFiles.ts';
import { type Directory, type Match, type MatchKind, matchWho, readDirectory } from './archiveMatch.ts';
import type { ArchiveFileSummary, ParsedArchive } from './archiveParse.ts';
import type { EndorsementTally, Who } from './archiveRows.ts';
import {
  buildPlan,
  type DbFingerprint,
  dbFingerprint,
  type ImportPlan,
  readLookups,
  sameFingerprint,
} from './importPlan.ts';
import type { ParsedImport } from './linkedinCsv.ts';

/** One row (or one person's tally) of a file other than Connections.csv, and whom it matched. */
export interface Subject {
  /** `${kind}:${index}`: stable for one parse, so the review's answers survive a re-plan. */
  id: string;
  kind: Exclude<ArchiveFileKind, 'connections' | 'profile'>;
  line: number;
  who: Who;
  match: Match;
  /** For the review: the recommendation's text, the invitation's note. */
  detail?: string;
}

/** The review step's answer for one subject; without one, matched rows go to their person and the rest are skipped. */
export type Resolution = { action: 'skip' } | { action: 'person'; personId: string } | { action: 'create' };

export type Resolutions = ReadonlyMap<string, Resolution>;

export interface FileChanges {
  /** Recommendations that become new records. */
  recommendations: number;
  /** People whose archive facts (messages, invitation, endorsements) change. */
  people: number;
  /** People created for rows the user said to create. */
  created: number;
  /** Message texts kept (only when asked). */
  messages: number;
}

export interface FilePreview {
  summary: ArchiveFileSummary;
  matched: Record<MatchKind, number>;
  changes: FileChanges;
}

export interface ArchivePlan {
  parsed: ParsedArchive;
  connections?: ImportPlan;
  subjects: Subject[];
  directory: Directory;
  /** Recommendation records already stored (a re-import): not written again. */
  knownWorkIds: Set<string>;
  /** Kept message texts already stored. */
  knownMessageIds: Set<string>;
  fingerprint: DbFingerprint;
  now: Millis;
  /** Committed (or tried): its preview's parts were let go (spendPlan), so it cannot be committed again. */
  spent?: true;
}

export interface ArchiveWrites {
  /** People created for unmatched rows the user chose to create. */
  newPeople: Person[];
  newProfiles: Profile[];
  /** The archive facts each person ends up with, only where they change. */
  facts: Map<string, ArchiveFacts>;
  works: SharedWork[];
  messages: ArchiveMessage[];
  perFile: Map<ArchiveFileKind, FileChanges>;
}

function subjectsOf(parsed: ParsedArchive): Omit<Subject, 'match'>[] {
  const out: Omit<Subject, 'match'>[] = [];
  const push = (kind: Subject['kind'], rows: { line: number; who: Who; detail?: string | undefined }[]) =>
    rows.forEach((row, i) => {
      const subject: Omit<Subject, 'match'> = { id: `${kind}:${i}`, kind, line: row.line, who: row.who };
      if (row.detail) subject.detail = row.detail;
      out.push(subject);
    });
  push(
    'recommendationsReceived',
    parsed.recommendationsReceived.map((r) => ({ ...r, detail: r.rec.text })),
  );
  push(
    'recommendationsGiven',
    parsed.recommendationsGiven.map((r) => ({ ...r, detail: r.rec.text })),
  );
  push('endorsementsReceived', parsed.endorsementsReceived);
  push('endorsementsGiven', parsed.endorsementsGiven);
  push(
    'invitations',
    parsed.invitations.map((r) => ({ ...r, detail: r.facts.message })),
  );
  const messageKind = parsed.files.some((f) => f.kind === 'messagesLegacy') ? 'messagesLegacy' : 'messages';
  push(messageKind, parsed.messages);
  return out;
}

/**
 * The preview: Connections.csv planned as on its own (importPlan.ts), then every other row matched against the
 * database and the people that plan creates. Reads only.
 */
export async function planArchive(
  tdb: TrustDb,
  parsed: ParsedArchive,
  now: Millis = Date.now(),
  early?: ConnectionsPlan,
): Promise<ArchivePlan> {
  return tdb.transaction('r', [tdb.people, tdb.profiles, tdb.sharedWork, tdb.messages], async () => {
    const fingerprint = await dbFingerprint(tdb);
    // Connections.csv planned while the rest was read holds when the database is as it was then (the test the
    // commit makes of the whole plan); otherwise it is planned again here.
    const reuse =
      early !== undefined &&
      early.connections === parsed.connections &&
      sameFingerprint(early.fingerprint, fingerprint);
    return reuse
      ? buildArchivePlan(tdb, parsed, fingerprint, early.now, early.plan)
      : buildArchivePlan(tdb, parsed, fingerprint, now);
  });
}

/**
 * Lets go of what only the preview needed, once the commit has its writes (archiveCommit.ts): every file's rows,
 * the matching's directory and the subjects, tens of megabytes for a large archive. The commit's IndexedDB writes
 * then run with that much less live heap, which every garbage collection during them marks: 60 MB of live objects
 * made the same writes 1.2–2.0 s slower (four paired runs, 6 Dec 2026). What the commit's result and the badge still
 * read stays: me, the files' summaries, the connections' writes and counts.
 */
export function spendPlan(plan: ArchivePlan): void {
  plan.spent = true;
  const { parsed } = plan;
  // Emptied in place: the connections' early plan (connectionsPlannedEarly) holds the same rows.
  for (const connections of [parsed.connections, plan.connections?.parsed]) {
    if (!connections) continue;
    connections.rows = [];
    connections.rejected = [];
    connections.warnings = [];
  }
  parsed.recommendationsReceived = [];
  parsed.recommendationsGiven = [];
  parsed.endorsementsReceived = [];
  parsed.endorsementsGiven = [];
  parsed.invitations = [];
  parsed.messages = [];
  plan.subjects = [];
  plan.directory = { people: new Map(), byKey: new Map(), byName: new Map() };
  if (plan.connections) plan.connections.rows = [];
}

/** Connections.csv planned on its own, before the rest of its archive is read (archiveParse.ts connectionsRead). */
export interface ConnectionsPlan {
  connections: ParsedImport;
  plan: ImportPlan;
  fingerprint: DbFingerprint;
  now: Millis;
}

/**
 * Plans Connections.csv in its own read, while the page waits for the messages worker: the largest part of an
 * archive's plan (30,000 rows looked up) then costs no time of its own. `planArchive` uses it when the database has
 * not changed since.
 */
export async function planConnections(
  tdb: TrustDb,
  connections: ParsedImport,
  now: Millis = Date.now(),
): Promise<ConnectionsPlan> {
  return tdb.transaction('r', [tdb.people, tdb.profiles], async () => {
    const fingerprint = await dbFingerprint(tdb);
    const plan = buildPlan(
      connections,
      await readLookups(tdb, connections.rows, fingerprint),
      fingerprint,
      now,
    );
    return { connections, plan, fingerprint, now };
  });
}

/**
 * What a page hands to parseArchiveFile (`connectionsRead`) to plan Connections.csv as soon as it is read, and what it
 * hands to planArchive after (`planned()`). A failed early plan is no error: planArchive plans Connections.csv again.
 */
export function connectionsPlannedEarly(tdb: TrustDb): {
  connectionsRead: (connections: ParsedImport) => void;
  planned: () => Promise<ConnectionsPlan | undefined>;
} {
  let early: Promise<ConnectionsPlan | undefined> | undefined;
  return {
    connectionsRead: (connections) => {
      early = planConnections(tdb, connections).catch(() => undefined);
    },
    planned: async () => early,
  };
}

/** The plan against the database as it is now; inside the caller's transaction (the commit re-plans this way). */
export async function buildArchivePlan(
  tdb: TrustDb,
  parsed: ParsedArchive,
  fingerprint: DbFingerprint,
  now: Millis,
  planned?: ImportPlan,
): Promise<ArchivePlan> {
  const connections =
    planned ??
    (parsed.connections
      ? buildPlan(
          parsed.connections,
          await readLookups(tdb, parsed.connections.rows, fingerprint),
          fingerprint,
          now,
        )
      : undefined);
  const bare = subjectsOf(parsed);
  const directory = await readDirectory(
    tdb,
    bare.map((s) => s.who),
    fingerprint,
    connections,
  );
  const subjects = bare.map((subject) => ({ ...subject, match: matchWho(subject.who, directory) }));
  const recIds = [
    ...parsed.recommendationsReceived.map((r) => recommendationWorkId('received', r.rec)),
    ...parsed.recommendationsGiven.map((r) => recommendationWorkId('given', r.rec)),
  ];
  const known = recIds.length === 0 ? [] : await tdb.sharedWork.bulkGet(recIds);
  const knownWorkIds = new Set(known.flatMap((work) => (work ? [work.id] : [])));
  const keptIds = parsed.messages.flatMap((tally) => (tally.kept ?? []).map((kept) => kept.id));
  const keptKnown = keptIds.length === 0 ? [] : await tdb.messages.bulkGet(keptIds);
  const knownMessageIds = new Set(keptKnown.flatMap((message) => (message ? [message.id] : [])));
  const plan: ArchivePlan = { parsed, subjects, directory, knownWorkIds, knownMessageIds, fingerprint, now };
  if (connections) plan.connections = connections;
  return plan;
}

/** Whom a subject goes to under the user's answers: a person id, 'create', or nobody. */
function target(
  subject: Subject,
  resolutions: Resolutions,
  directory: Directory,
): string | 'create' | undefined {
  const answer = resolutions.get(subject.id);
  if (answer?.action === 'skip') return undefined;
  if (answer?.action === 'create') return 'create';
  if (answer?.action === 'person') return directory.people.has(answer.personId) ? answer.personId : undefined;
  return subject.match.personId;
}

function newPersonFor(who: Who, now: Millis): { person: Person; profile?: Profile } {
  const person: Person = {
    id: crypto.randomUUID(),
    name: who.name || who.handle || '?',
    tags: [],
    userEdited: [],
    fromImport: true,
    createdAt: now,
    updatedAt: now,
  };
  if (who.company) person.company = who.company;
  if (!who.key || !who.handle) return { person };
  return {
    person,
    profile: { key: who.key, personId: person.id, site: 'linkedin', handle: who.handle, url: who.url ?? '' },
  };
}

const emptyChanges = (): FileChanges => ({ recommendations: 0, people: 0, created: 0, messages: 0 });

/**
 * Everything the import writes under these answers. Pure: the preview runs it on every answer, the commit once.
 * Facts replace only what this import read: endorsements received and given separately, the invitation, messages.
 */
export function archiveWrites(plan: ArchivePlan, resolutions: Resolutions): ArchiveWrites {
  const { parsed, directory, now } = plan;
  const writes: ArchiveWrites = {
    newPeople: [],
    newProfiles: [],
    facts: new Map(),
    works: [],
    messages: [],
    perFile: new Map(),
  };
  const changesOf = (kind: ArchiveFileKind) => {
    let changes = writes.perFile.get(kind);
    if (!changes) {
      changes = emptyChanges();
      writes.perFile.set(kind, changes);
    }
    return changes;
  };
  const created = new Map<string, Person>();
  const personFor = (subject: Subject): string | undefined => {
    const to = target(subject, resolutions, directory);
    if (to !== 'create') return to;
    // One new person per subject (a name in two files is two answers; each is the user's).
    const known = created.get(subject.id);
    if (known) return known.id;
    const { person, profile } = newPersonFor(subject.who, now);
    created.set(subject.id, person);
    writes.newPeople.push(person);
    if (profile && !directory.byKey.has(profile.key)) writes.newProfiles.push(profile);
    changesOf(subject.kind).created++;
    return person.id;
  };

  // Facts gathered per person from every file, then compared with what they have.
  const incoming = new Map<string, { facts: ArchiveFacts; kinds: Set<ArchiveFileKind> }>();
  const factsFor = (personId: string, kind: ArchiveFileKind) => {
    let entry = incoming.get(personId);
    if (!entry) {
      entry = { facts: {}, kinds: new Set() };
      incoming.set(personId, entry);
    }
    entry.kinds.add(kind);
    return entry.facts;
  };
  const readKinds = new Set(parsed.files.map((f) => f.kind));

  const recommendations = (
    kind: 'recommendationsReceived' | 'recommendationsGiven',
    direction: RecommendationDirection,
  ) => {
    const rows = parsed[kind];
    for (const subject of plan.subjects.filter((s) => s.kind === kind)) {
      const row = rows[Number(subject.id.split(':')[1])]!;
      const personId = personFor(subject);
      if (personId === undefined) continue;
      const work = recommendationWork(direction, row.rec, personId, now);
      if (plan.knownWorkIds.has(work.id) || writes.works.some((w) => w.id === work.id)) continue;
      writes.works.push(work);
      changesOf(kind).recommendations++;
    }
  };
  recommendations('recommendationsReceived', 'received');
  recommendations('recommendationsGiven', 'given');

  const endorsements = (kind: 'endorsementsReceived' | 'endorsementsGiven') => {
    const tallies: EndorsementTally[] = parsed[kind];
    for (const subject of plan.subjects.filter((s) => s.kind === kind)) {
      const tally = tallies[Number(subject.id.split(':')[1])]!;
      const personId = personFor(subject);
      if (personId === undefined) continue;
      const facts = factsFor(personId, kind);
      const into: EndorsementFacts = facts.endorsements ?? {
        received: 0,
        given: 0,
        skillsReceived: [],
        skillsGiven: [],
      };
      if (kind === 'endorsementsReceived') {
        into.received += tally.count;
        into.skillsReceived = [...new Set([...into.skillsReceived, ...tally.skills])];
        if (tally.last && (!into.lastReceived || tally.last > into.lastReceived))
          into.lastReceived = tally.last;
      } else {
        into.given += tally.count;
        into.skillsGiven = [...new Set([...into.skillsGiven, ...tally.skills])];
        if (tally.last && (!into.lastGiven || tally.last > into.lastGiven)) into.lastGiven = tally.last;
      }
      facts.endorsements = into;
    }
  };
  endorsements('endorsementsReceived');
  endorsements('endorsementsGiven');

  for (const subject of plan.subjects.filter((s) => s.kind === 'invitations')) {
    const row = parsed.invitations[Number(subject.id.split(':')[1])]!;
    const personId = personFor(subject);
    if (personId !== undefined) factsFor(personId, 'invitations').invitation = row.facts;
  }

  for (const subject of plan.subjects.filter((s) => s.kind === 'messages' || s.kind === 'messagesLegacy')) {
    const tally = parsed.messages[Number(subject.id.split(':')[1])]!;
    const personId = personFor(subject);
    if (personId === undefined) continue;
    factsFor(personId, subject.kind).messages = tally.facts;
    for (const kept of tally.kept ?? []) {
      if (plan.knownMessageIds.has(kept.id)) continue;
      const message: ArchiveMessage = {
        id: kept.id,
        personId,
        date: kept.date,
        fromMe: kept.fromMe,
        text: kept.text,
      };
      if (kept.subject) message.subject = kept.subject;
      writes.messages.push(message);
      changesOf(subject.kind).messages++;
    }
  }

  for (const [personId, { facts, kinds }] of incoming) {
    const stored = directory.people.get(personId)?.archive;
    const next: ArchiveFacts = { ...facts };
    // A file of endorsements read alone leaves the other direction as it was.
    if (next.endorsements && stored?.endorsements) {
      const old = stored.endorsements;
      if (!readKinds.has('endorsementsReceived')) {
        next.endorsements = {
          ...next.endorsements,
          received: old.received,
          skillsReceived: old.skillsReceived,
        };
        if (old.lastReceived) next.endorsements.lastReceived = old.lastReceived;
      }
      if (!readKinds.has('endorsementsGiven')) {
        next.endorsements = { ...next.endorsements, given: old.given, skillsGiven: old.skillsGiven };
        if (old.lastGiven) next.endorsements.lastGiven = old.lastGiven;
      }
    }
    const merged = mergeArchiveFacts(stored, next);
    // Without stored facts (everyone, in a first import), any merged facts are a change: no need to compare.
    if (merged === undefined || (stored !== undefined && sameValue(merged, stored))) continue;
    writes.facts.set(personId, merged);
    for (const kind of kinds) changesOf(kind).people++;
  }
  return writes;
}

/** The preview's numbers per file: rows read, how they matched, and what they would change. */
export function filePreviews(plan: ArchivePlan, writes: ArchiveWrites): FilePreview[] {
  return plan.parsed.files
    .filter((summary) => summary.kind !== 'connections' && summary.kind !== 'profile')
    .map((summary) => {
      const matched: Record<MatchKind, number> = { exact: 0, byName: 0, ambiguous: 0, unmatched: 0 };
      for (const subject of plan.subjects) if (subject.kind === summary.kind) matched[subject.match.kind]++;
      return { summary, matched, changes: writes.perFile.get(summary.kind) ?? emptyChanges() };
    });
}

/** How many writes the import would make: 0 means a re-import of the same archive (nothing to do). */
export function writeCount(plan: ArchivePlan, writes: ArchiveWrites): number {
  const connections = plan.connections ? plan.connections.counts.new + plan.connections.counts.updated : 0;
  return (
    connections + writes.newPeople.length + writes.facts.size + writes.works.length + writes.messages.length
  );
}
