/**
 * Rows that name a row of another table: a shared work of nobody would break every page that lists it. A restored
 * backup is checked against these (io/backupSchema.ts), and so is every row sync brings in (mutations.ts's
 * applySyncedChanges). A row whose target is missing cannot stand, except through a `link` (who introduced whom):
 * the row stands and the link is left empty.
 */
export const REFERENCES: { table: string; field: string; target: string; link?: true }[] = [
  { table: 'profiles', field: 'personId', target: 'people' },
  { table: 'sharedWork', field: 'personId', target: 'people' },
  { table: 'notes', field: 'personId', target: 'people' },
  { table: 'flags', field: 'personId', target: 'people' },
  { table: 'flags', field: 'workId', target: 'sharedWork' },
  { table: 'people', field: 'introducedBy', target: 'people', link: true },
  { table: 'queue', field: 'personId', target: 'people' },
  { table: 'messages', field: 'personId', target: 'people' },
];
