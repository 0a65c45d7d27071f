// The message reader keeps a few things from the row before (the year of its date, each person's last
// conversation), since a messages.csv lists a conversation's rows together and close in time. Whatever the order of
// the rows (conversations interleaved, dates jumping back and forth across new year), each person's counts must be
// what a plain count of the same rows gives.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { MessageReader } from '../../../src/io/messageStats.ts';

const OWNER = 'https://www.linkedin.com/in/alex-owner';
const PEOPLE = ['jane-roe', 'omar-haddad', 'sara-kaplan', 'ken-ito'].map(
  (h) => `https://www.linkedin.com/in/${h}`,
);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** messages.csv's date form, UTC. */
function written(at: number): string {
  const d = new Date(at);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

// Instants near new year of a few years (a second before or after midnight), and anywhere in between.
const newYear = fc
  .tuple(fc.integer({ min: 1991, max: 2099 }), fc.integer({ min: -3, max: 3 }))
  .map(([year, seconds]) => Date.UTC(year, 0, 1) + seconds * 1000);
const instant = fc.oneof(newYear, fc.integer({ min: Date.UTC(1990, 0, 2), max: Date.UTC(2099, 11, 30) }));
const row = fc.record({
  conversation: fc.integer({ min: 0, max: 5 }),
  person: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
  fromThem: fc.boolean(),
  at: instant.map((at) => Math.floor(at / 1000) * 1000),
});

test('per person: messages, from them, conversations, first, last and per year, as a plain count of the rows', () => {
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
      // My name settles a tie (one person in every row, as I am).
      const reader = new MessageReader({ keepText: false, ownerName: 'Alex Owner' });
      rows.forEach((r, i) => {
        const them = PEOPLE[r.person]!;
        const record = {
          conversationId: `conversation-${r.conversation}`,
          from: r.fromThem ? `Person ${r.person}` : 'Alex Owner',
          senderUrl: r.fromThem ? them : OWNER,
          to: r.fromThem ? 'Alex Owner' : `Person ${r.person}`,
          recipientUrls: r.fromThem ? OWNER : them,
          date: written(r.at),
          folder: 'INBOX',
        };
        reader.read(record, i + 2, Object.values(record));
      });
      const read = reader.finish();
      const expected = new Map<string, object>();
      for (const [index, url] of PEOPLE.entries()) {
        const mine = rows.filter((r) => r.person === index);
        if (mine.length === 0) continue;
        const ats = mine.map((r) => r.at);
        const first = mine.find((r) => r.at === Math.min(...ats))!;
        const years = new Map<number, number>();
        for (const r of mine) {
          const year = new Date(r.at).getUTCFullYear();
          years.set(year, (years.get(year) ?? 0) + 1);
        }
        expected.set(url.replace('https://www.', ''), {
          total: mine.length,
          fromThem: mine.filter((r) => r.fromThem).length,
          conversations: new Set(mine.map((r) => r.conversation)).size,
          first: new Date(Math.min(...ats)).toISOString().slice(0, 10),
          last: new Date(Math.max(...ats)).toISOString().slice(0, 10),
          firstFrom: first.fromThem ? 'them' : 'me',
          perYear: [...years].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count })),
        });
      }
      // Everyone but me (the participant in every row) is tallied.
      expect(read.ownerKey).toBe('linkedin:alex-owner');
      expect(new Map(read.tallies.map((t) => [t.who.url?.replace('https://www.', ''), t.facts]))).toEqual(
        expected,
      );
    }),
    { numRuns: 2000 },
  );
});
