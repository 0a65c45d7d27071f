import { describe, expect, test } from 'vitest';
import { formatMessage } from '../../../src/core/messageFormat.ts';

describe('formatMessage', () => {
  test.each([
    ['no substitution', { message: 'Trust Notes' }, [], 'Trust Notes'],
    ['numbered', { message: '$1 open flags of $2' }, [3, 'Jane'], '3 open flags of Jane'],
    ['a missing substitution is empty', { message: 'Flags: $1$2' }, [4], 'Flags: 4'],
    [
      'named placeholders resolve to their content first, case-insensitively',
      {
        message: 'Line $LINE$: $REASON$',
        placeholders: { line: { content: '$1' }, reason: { content: '$2' } },
      },
      [12, 'no name'],
      'Line 12: no name',
    ],
    ['an unknown named placeholder stays as written', { message: 'Cost $PRICE$' }, [], 'Cost $PRICE$'],
  ])('%s', (_, entry, subs, expected) => {
    expect(formatMessage(entry, subs)).toBe(expected);
  });
});
