import { expect, test, vi } from 'vitest';

// i18n.ts imports the extension API; only its pure substitution is under test here.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { substitute } = await import('../../../src/ui/i18n');

test.each<
  [
    string,
    { message: string; placeholders?: Record<string, { content: string }> },
    (string | number)[],
    string,
  ]
>([
  ['numbered', { message: '$1 of $2 people' }, [3, '30,000'], '3 of 30,000 people'],
  ['a missing number is empty', { message: 'From $1 to $2' }, ['2019'], 'From 2019 to '],
  [
    'named, as Chrome writes them',
    { message: 'Same profile as line $LINE$', placeholders: { line: { content: '$1' } } },
    [12],
    'Same profile as line 12',
  ],
  [
    'named placeholders ignore case, and may be literal text',
    {
      message: '$Count$ in $APP$',
      placeholders: { count: { content: '$1' }, app: { content: 'Trust Notes' } },
    },
    [7],
    '7 in Trust Notes',
  ],
  ['an unknown name stays as written', { message: 'Costs $PRICE$ a month' }, [], 'Costs $PRICE$ a month'],
])('%s', (_, entry, subs, expected) => {
  expect(substitute(entry, subs)).toBe(expected);
});
