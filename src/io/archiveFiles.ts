// The files of LinkedIn's data export ("Get a copy of your data"): which ones the import reads, how each is known
// (its name in the zip, or its header when picked alone), and the columns of each. A file is absent from the zip
// when its category is empty, so every one of them is optional.
import type { HeaderSpec } from './csvRecords.ts';
import { headerIndex, normaliseHeader } from './csvRecords.ts';

export type ArchiveFileKind =
  | 'connections'
  | 'recommendationsReceived'
  | 'recommendationsGiven'
  | 'endorsementsReceived'
  | 'endorsementsGiven'
  | 'invitations'
  | 'messages'
  | 'messagesLegacy'
  | 'profile';

/** The order files are read in: Profile.csv first (who "me" is), Connections.csv before what is matched to it. */
export const ARCHIVE_FILE_KINDS: readonly ArchiveFileKind[] = [
  'profile',
  'connections',
  'recommendationsReceived',
  'recommendationsGiven',
  'endorsementsReceived',
  'endorsementsGiven',
  'invitations',
  'messages',
  'messagesLegacy',
];

const RECOMMENDATION = {
  columns: {
    firstName: ['first name'],
    lastName: ['last name'],
    company: ['company'],
    jobTitle: ['job title'],
    text: ['text'],
    date: ['creation date'],
    status: ['status'],
  },
  required: ['firstName', 'lastName', 'text'],
} as const satisfies HeaderSpec<string>;

const endorsement = (role: 'endorser' | 'endorsee') =>
  ({
    columns: {
      date: ['endorsement date'],
      skill: ['skill name'],
      firstName: [`${role} first name`],
      lastName: [`${role} last name`],
      url: [`${role} public url`],
      status: ['endorsement status'],
    },
    required: ['firstName', 'lastName', 'skill'],
  }) as const satisfies HeaderSpec<string>;

export const SPECS = {
  recommendationsReceived: RECOMMENDATION,
  recommendationsGiven: RECOMMENDATION,
  endorsementsReceived: endorsement('endorser'),
  endorsementsGiven: endorsement('endorsee'),
  invitations: {
    columns: {
      from: ['from'],
      to: ['to'],
      sentAt: ['sent at'],
      message: ['message'],
      direction: ['direction'],
      // Older files name members by URN instead of URL: those rows are matched by name.
      inviterUrl: ['inviterprofileurl', 'inviter profile url', 'inviterprofileurn'],
      inviteeUrl: ['inviteeprofileurl', 'invitee profile url', 'inviteeprofileurn'],
    },
    required: ['from', 'to', 'direction'],
  },
  messages: {
    columns: {
      conversationId: ['conversation id'],
      from: ['from'],
      senderUrl: ['sender profile url'],
      to: ['to'],
      recipientUrls: ['recipient profile urls'],
      date: ['date'],
      subject: ['subject'],
      content: ['content'],
      folder: ['folder'],
      isDraft: ['is message draft'],
    },
    required: ['conversationId', 'from', 'date'],
  },
  // Messages.csv of exports before 2019: no URLs, but who wrote is in Direction.
  messagesLegacy: {
    columns: {
      from: ['from'],
      to: ['to'],
      date: ['date'],
      subject: ['subject'],
      content: ['content'],
      direction: ['direction'],
      folder: ['folder'],
    },
    required: ['from', 'to', 'date', 'direction'],
  },
  profile: {
    columns: { firstName: ['first name'], lastName: ['last name'], headline: ['headline'] },
    required: ['firstName', 'lastName', 'headline'],
  },
} as const satisfies Record<Exclude<ArchiveFileKind, 'connections'>, HeaderSpec<string>>;

export type SpecOf<K extends keyof typeof SPECS> = keyof (typeof SPECS)[K]['columns'] & string;

const BASE_NAMES: Record<string, ArchiveFileKind[]> = {
  'connections.csv': ['connections'],
  'recommendations_received.csv': ['recommendationsReceived'],
  'recommendations_given.csv': ['recommendationsGiven'],
  'endorsement_received_info.csv': ['endorsementsReceived'],
  'endorsement_given_info.csv': ['endorsementsGiven'],
  'invitations.csv': ['invitations'],
  // Both exports call it messages.csv (older ones Messages.csv): the header tells which it is.
  'messages.csv': ['messages', 'messagesLegacy'],
  'profile.csv': ['profile'],
};

function baseName(path: string): string {
  const parts = path.split('/');
  return (parts[parts.length - 1] ?? '').toLowerCase().replace(/\s+/g, '_');
}

/** The kinds a path in the zip can hold (by its base name, any depth, any case); none for macOS's resource forks. */
export function kindsForPath(path: string): ArchiveFileKind[] {
  if (path.split('/').includes('__MACOSX')) return [];
  const base = baseName(path);
  return BASE_NAMES[base] ?? BASE_NAMES[base.replace(/\s*\(\d+\)(?=\.csv$)/, '')] ?? [];
}

/**
 * What a CSV picked on its own is, from its first records (its header, after any preamble) and, where two files
 * share a header (recommendations received and given), its name. Undefined when it is none of the files.
 */
export function kindFromHeader(
  firstRecords: readonly string[][],
  fileName: string,
): ArchiveFileKind | undefined {
  const name = fileName.toLowerCase();
  for (const fields of firstRecords) {
    const cells = fields.map(normaliseHeader);
    if (cells.includes('first name') && cells.includes('last name') && cells.includes('connected on')) {
      return 'connections';
    }
    const matches = (kind: keyof typeof SPECS) =>
      headerIndex(fields, SPECS[kind] as HeaderSpec<string>) !== undefined;
    if (matches('messages')) return 'messages';
    if (matches('messagesLegacy')) return 'messagesLegacy';
    if (matches('invitations')) return 'invitations';
    if (matches('endorsementsReceived')) return 'endorsementsReceived';
    if (matches('endorsementsGiven')) return 'endorsementsGiven';
    if (matches('profile')) return 'profile';
    if (matches('recommendationsReceived')) {
      if (/given/.test(name)) return 'recommendationsGiven';
      if (/received/.test(name)) return 'recommendationsReceived';
      return undefined;
    }
    // Connections.csv without its date column, or with a renamed one: First Name, Last Name and a URL.
    if (cells.includes('first name') && cells.includes('last name') && cells.includes('url'))
      return 'connections';
  }
  return undefined;
}
