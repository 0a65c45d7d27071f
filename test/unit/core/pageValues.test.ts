// What a visit to a profile's own site may do to the person: fill what is empty, propose what differs.
import { describe, expect, test } from 'vitest';
import { pageValueOutcome } from '../../../src/core/pageValues.ts';
import type { EditableField } from '../../../src/core/types.ts';

const person = (fields: Record<string, string>, userEdited: EditableField[] = []) => ({
  name: 'Jane',
  ...fields,
  userEdited,
});

describe('pageValueOutcome', () => {
  test.each([
    [
      'empty fields are filled',
      person({}),
      { headline: 'Dev', location: 'Cairo' },
      {},
      { headline: 'Dev', location: 'Cairo' },
      undefined,
    ],
    [
      'a different name is proposed, never filled',
      person({}),
      { name: 'Jane Doe' },
      {},
      {},
      { name: 'Jane Doe' },
    ],
    ['the same name: nothing', person({}), { name: 'Jane' }, { proposed: { name: 'Old' } }, {}, undefined],
    [
      'typed by the user: theirs stands',
      person({ headline: 'Mine' }, ['headline']),
      { headline: 'Page' },
      {},
      {},
      undefined,
    ],
    ['typed, even when empty: not filled', person({}, ['location']), { location: 'Page' }, {}, {}, undefined],
    [
      'declined before: not again',
      person({}),
      { name: 'Jane D.' },
      { declined: { name: 'Jane D.' } },
      {},
      undefined,
    ],
    [
      'a new value after a decline: proposed',
      person({}),
      { name: 'Jane Doe' },
      { declined: { name: 'Jane D.' } },
      {},
      { name: 'Jane Doe' },
    ],
    [
      'a newer proposal replaces the older',
      person({}),
      { name: 'Jane B' },
      { proposed: { name: 'Jane A' } },
      {},
      { name: 'Jane B' },
    ],
    [
      'a field the page did not give keeps its proposal',
      person({ headline: 'Dev' }),
      { name: 'Jane' },
      { proposed: { headline: 'Lead' } },
      {},
      { headline: 'Lead' },
    ],
    [
      'a new photo is proposed',
      person({ photoUrl: 'https://a/1.jpg' }),
      { photoUrl: 'https://a/2.jpg' },
      {},
      {},
      { photoUrl: 'https://a/2.jpg' },
    ],
  ])('%s', (_, who, given, standing, fill, proposed) => {
    expect(pageValueOutcome(who, given, standing)).toEqual({ fill, proposed });
  });
});
