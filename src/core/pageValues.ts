// What a visit to a profile page may do to the person behind it. A page is untrusted text: it never renames
// anyone by itself. Only the profile's own site (for Mastodon, the handle's own instance) is heard at all, and what
// it says that differs from the record is kept apart, as a proposal the user accepts or declines ("LinkedIn now
// says: …"). The one thing it does directly is fill a field the record does not have yet.
import type { EditableField, PageValueField, PageValues, Person } from './types.ts';

export const PAGE_VALUE_FIELDS: readonly PageValueField[] = ['name', 'headline', 'location', 'photoUrl'];

/** A page field the user can also type (the photo they cannot), whose typed value the page never challenges. */
const typedAs = (field: PageValueField): EditableField | null => (field === 'photoUrl' ? null : field);

export interface PageValueOutcome {
  /** Fields the person does not have yet, filled from the page. */
  fill: PageValues;
  /** The profile's proposals after this visit (undefined when none is left). */
  proposed: PageValues | undefined;
}

/**
 * What the page `given` (already trimmed, fields it did not give left out) means for `person`, whose profile has
 * these standing `proposed` and `declined` values. Not for pages of another site: those change nothing.
 * - the record has nothing there yet (and the user typed nothing): filled;
 * - the page agrees with the record: any proposal for the field goes;
 * - the user typed the field: theirs stands, no proposal;
 * - the page says what the user already declined: nothing new;
 * - otherwise: proposed, replacing an older proposal.
 */
export function pageValueOutcome(
  person: Pick<Person, PageValueField | 'userEdited'>,
  given: PageValues,
  standing: { proposed?: PageValues; declined?: PageValues },
): PageValueOutcome {
  const fill: PageValues = {};
  const proposed: PageValues = { ...standing.proposed };
  for (const field of PAGE_VALUE_FIELDS) {
    const value = given[field];
    if (!value) continue;
    const typed = typedAs(field);
    const edited = typed !== null && person.userEdited.includes(typed);
    const current = person[field];
    if (!current && !edited) {
      fill[field] = value;
      delete proposed[field];
    } else if (value === current || edited || standing.declined?.[field] === value) {
      delete proposed[field];
    } else {
      proposed[field] = value;
    }
  }
  return { fill, proposed: Object.keys(proposed).length ? proposed : undefined };
}
