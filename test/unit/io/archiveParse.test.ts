import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { type ArchiveProgress, type ParsedArchive, parseArchiveFile } from '../../../src/io/archiveParse.ts';
import { exportZip, fixtureBlob, fixtureText } from './archiveFixtures.ts';

async function parsed(
  file: Blob,
  name = 'Complete_LinkedInDataExport_12-05-2026.zip',
  keepMessageText = false,
) {
  const result = await parseArchiveFile(file, name, { keepMessageText });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result.value;
}

const tallyOf = (archive: ParsedArchive, name: string) => archive.messages.find((t) => t.who.name === name);

describe('the whole export zip', () => {
  test('reads every file, says how many rows each had and which were set aside', async () => {
    const archive = await parsed(exportZip());
    expect(archive.files.map((f) => [f.kind, f.rowsRead, f.rejected.length])).toEqual([
      ['profile', 1, 0],
      ['connections', 7, 0],
      ['recommendationsReceived', 5, 1],
      ['recommendationsGiven', 2, 0],
      ['endorsementsReceived', 5, 0],
      ['endorsementsGiven', 1, 0],
      ['invitations', 3, 0],
      ['messages', 9, 0],
    ]);
    expect(archive.owner).toEqual({
      name: 'Alex Owner',
      headline: 'Independent consultant',
      key: 'linkedin:alex-owner',
    });
  });

  test('recommendations: names with quoted credentials, multi-line text, every date form; a row without text is set aside', async () => {
    const archive = await parsed(exportZip());
    const [jane, omar, other, lena] = archive.recommendationsReceived;
    expect(jane?.who).toEqual({ name: 'Jane Hwang, MSPH', company: 'Acme Research' });
    expect(jane?.rec).toMatchObject({
      firstName: 'Jane',
      lastName: 'Hwang, MSPH',
      date: '2023-07-04',
      text: 'Jane ran our field study with care.\nTwo months, three countries, every interview on time. "Exceptional" is the word.',
    });
    expect(omar?.rec.date).toBe('2023-12-24');
    expect(other?.rec.date).toBe('2023-06-17');
    expect(lena?.rec).toMatchObject({ date: '2022-01-10', status: 'HIDDEN' });
    expect(archive.files.find((f) => f.kind === 'recommendationsReceived')?.rejected).toEqual([
      expect.objectContaining({ reason: 'noText', line: 7 }),
    ]);
    expect(archive.recommendationsGiven.map((r) => [r.who.name, r.rec.date])).toEqual([
      ['Ken Ito', '2023-06-17'],
      ['Sara Kaplan', '2021-03-15'],
    ]);
  });

  test('endorsements: URLs without a scheme become profiles; counted per person with their skills', async () => {
    const archive = await parsed(exportZip());
    expect(
      archive.endorsementsReceived.map((t) => [t.who.key ?? t.who.name, t.count, t.skills, t.last]),
    ).toEqual([
      ['linkedin:sara-k', 2, ['UX Research', 'Field Studies'], '2022-02-01'],
      ['linkedin:رنا-حداد', 1, ['Arabic'], '2023-05-05'],
      ['Mia Novak', 1, ['Go'], '2020-03-03'],
      ['linkedin:zed-stranger', 1, ['Python'], '2019-09-09'],
    ]);
    expect(archive.endorsementsGiven.map((t) => [t.who.key, t.count])).toEqual([['linkedin:ken-ito', 1]]);
  });

  test('invitations: who reached out first, with their note', async () => {
    const archive = await parsed(exportZip());
    expect(archive.invitations.map((i) => [i.who.key, i.facts])).toEqual([
      [
        'linkedin:mia-novak',
        {
          direction: 'received',
          date: '2014-05-14',
          message: "Loved your talk in Berlin, let's stay in touch.",
        },
      ],
      ['linkedin:ken-ito', { direction: 'sent', date: '2018-01-31' }],
      ['linkedin:pat-pending', { direction: 'received', date: '2024-11-02', message: 'Hi!' }],
    ]);
  });

  test('messages: counts per person, never the text; drafts and spam are not counted; in a group only their own', async () => {
    const archive = await parsed(exportZip());
    expect(tallyOf(archive, 'رنا حداد')).toEqual({
      line: 2,
      who: { name: 'رنا حداد', key: 'linkedin:رنا-حداد', handle: 'رنا-حداد', url: expect.any(String) },
      facts: {
        total: 3,
        fromThem: 2,
        conversations: 1,
        first: '2019-03-02',
        last: '2024-06-18',
        firstFrom: 'them',
        perYear: [
          { year: 2019, count: 1 },
          { year: 2024, count: 2 },
        ],
      },
    });
    expect(tallyOf(archive, 'Ken Ito')?.facts).toMatchObject({
      total: 2,
      fromThem: 1,
      conversations: 2,
      first: '2020-05-05',
      firstFrom: 'me',
    });
    // Sara only received group messages; the spammer and the deleted member count for nothing; I am not a contact.
    expect(archive.messages.map((t) => t.who.name).sort()).toEqual(['Ken Ito', 'رنا حداد']);
    for (const tally of archive.messages) expect(tally.kept).toBeUndefined();
  });

  test('message texts are kept only when asked for this import', async () => {
    const archive = await parsed(exportZip(), 'export.zip', true);
    expect(tallyOf(archive, 'رنا حداد')?.kept?.map((m) => [m.date, m.fromMe, m.text])).toEqual([
      ['2024-06-18', false, 'Shall we meet next week?\nI have an idea.'],
      ['2024-06-17', true, 'Good to hear from you.'],
      ['2019-03-02', false, 'Hello from the conference, "Alex"!'],
    ]);
    const again = await parsed(exportZip(), 'export.zip', true);
    expect(tallyOf(again, 'رنا حداد')?.kept?.map((m) => m.id)).toEqual(
      tallyOf(archive, 'رنا حداد')?.kept?.map((m) => m.id),
    );
  });

  test('missing files: an export with only some of them reads those', async () => {
    const archive = await parsed(exportZip(['messages.csv', 'Recommendations_Received.csv']));
    expect(archive.files.map((f) => f.kind)).toEqual(['recommendationsReceived', 'messages']);
    expect(archive.connections).toBeUndefined();
    expect(archive.owner?.key).toBe('linkedin:alex-owner');
  });

  test('files in a folder, any case; macOS resource forks ignored', async () => {
    const zip = zipSync({
      'Basic_LinkedInDataExport/CONNECTIONS.CSV': strToU8(fixtureText('Connections.csv')),
      '__MACOSX/Basic_LinkedInDataExport/._Recommendations_Received.csv': strToU8('junk'),
    });
    const archive = await parsed(new Blob([zip as Uint8Array<ArrayBuffer>]));
    expect(archive.files.map((f) => f.kind)).toEqual(['connections']);
  });

  test('a zip with none of the files is refused, saying what to pick', async () => {
    const zip = zipSync({ 'Ad_Targeting.csv': strToU8('Member Age\n30\n') });
    const result = await parseArchiveFile(new Blob([zip as Uint8Array<ArrayBuffer>]), 'x.zip', {
      keepMessageText: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'archiveNothing' } });
  });

  test('progress climbs file by file to the whole zip', async () => {
    const seen: ArchiveProgress[] = [];
    const result = await parseArchiveFile(exportZip(), 'x.zip', { keepMessageText: false }, (p) =>
      seen.push(p),
    );
    expect(result.ok).toBe(true);
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(seen.at(-1)?.done).toBe(seen.at(-1)?.total);
    expect(new Set(seen.map((p) => p.kind)).size).toBe(8);
  });
});

describe('any one file of the export, picked alone', () => {
  test.each([
    ['Connections.csv', 'connections'],
    ['Recommendations_Received.csv', 'recommendationsReceived'],
    ['Recommendations_Given.csv', 'recommendationsGiven'],
    ['Endorsement_Received_Info.csv', 'endorsementsReceived'],
    ['Endorsement_Given_Info.csv', 'endorsementsGiven'],
    ['Invitations.csv', 'invitations'],
    ['messages.csv', 'messages'],
    ['Profile.csv', 'profile'],
    ['legacy/Messages.csv', 'messagesLegacy'],
    ['legacy/Invitations.csv', 'invitations'],
  ])('%s is read as %s, by its header', async (path, kind) => {
    // Renamed by the browser: the header decides (recommendations also need "received" or "given").
    const name = path.includes('Recommendations') ? path.replace('.csv', ' (1).csv') : 'download.csv';
    const archive = await parsed(fixtureBlob(path), name);
    expect(archive.files.map((f) => f.kind)).toEqual([kind]);
  });

  test('recommendations under a name that says neither received nor given are refused, not guessed', async () => {
    const result = await parseArchiveFile(fixtureBlob('Recommendations_Given.csv'), 'recs.csv', {
      keepMessageText: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'archiveUnknownFile' } });
  });

  test('an Excel re-save: "Creation Date.1" and the dates 18-Jun-24 and NA', async () => {
    const archive = await parsed(
      fixtureBlob('excel/Recommendations_Received.csv'),
      'Recommendations_Received.csv',
    );
    expect(archive.recommendationsReceived.map((r) => [r.who.name, r.rec.date])).toEqual([
      ['Jane Hwang, MSPH', '2024-06-18'],
      ['Sara Kaplan', undefined],
    ]);
  });

  test('the old Messages.csv: names and Direction, no URLs', async () => {
    const archive = await parsed(fixtureBlob('legacy/Messages.csv'), 'Messages.csv');
    expect(
      archive.messages.map((t) => [
        t.who.name,
        t.who.key,
        t.facts.total,
        t.facts.fromThem,
        t.facts.firstFrom,
      ]),
    ).toEqual([
      ['Mia Novak', undefined, 2, 1, 'them'],
      ['Ken Ito', undefined, 1, 0, 'me'],
    ]);
  });

  test('the old Invitations.csv: members named by URN, not URL, so the rows are matched by name', async () => {
    const archive = await parsed(fixtureBlob('legacy/Invitations.csv'), 'Invitations.csv');
    expect(archive.invitations.map((i) => [i.who.name, i.who.key, i.facts])).toEqual([
      [
        'Mia Novak',
        undefined,
        {
          direction: 'received',
          date: '2014-05-14',
          message: "Loved your talk in Berlin, let's stay in touch.",
        },
      ],
      ['Ken Ito', undefined, { direction: 'sent', date: '2018-01-31' }],
    ]);
  });

  test('a CSV that is no file of the export is refused', async () => {
    const result = await parseArchiveFile(new Blob(['Member Age,Buyer Groups\n30,x\n']), 'Ad_Targeting.csv', {
      keepMessageText: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'archiveUnknownFile' } });
  });
});

describe('a large messages.csv in the zip', () => {
  test('is inflated and parsed piece by piece, and every row counts', async () => {
    const header =
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT';
    const rows = [header];
    const people = 400;
    for (let i = 0; i < 40_000; i++) {
      const p = i % people;
      const mine = i % 3 === 0;
      const them = `https://www.linkedin.com/in/person-${p}`;
      const me = 'https://www.linkedin.com/in/alex-owner';
      const day = String((i % 28) + 1).padStart(2, '0');
      rows.push(
        `c-${p}-${i % 7},,${mine ? 'Alex Owner' : `Person ${p}`},${mine ? me : them},${mine ? `Person ${p}` : 'Alex Owner'},${mine ? them : me},20${10 + (i % 14)}-03-${day} 10:00:00 UTC,,"Message ${i}, with a comma and ""quotes""",INBOX,,No,No`,
      );
    }
    const zip = zipSync({ 'messages.csv': strToU8(`${rows.join('\r\n')}\r\n`) }, { level: 6 });
    const seen: number[] = [];
    const result = await parseArchiveFile(
      new Blob([zip as Uint8Array<ArrayBuffer>]),
      'x.zip',
      { keepMessageText: false },
      (p) => seen.push(p.done),
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.files[0]?.rowsRead).toBe(40_000);
    expect(result.value.messages).toHaveLength(people);
    expect(result.value.messages.reduce((sum, t) => sum + t.facts.total, 0)).toBe(40_000);
    expect(result.value.messages[0]?.facts.conversations).toBe(7);
    // Dozens of pieces, not one text: progress comes as each is inflated and parsed.
    expect(seen.length).toBeGreaterThan(20);
  });
});

describe('messages.csv: each profile URL is read once, whoever it names', () => {
  const header =
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n';
  const me = 'https://www.linkedin.com/in/alex-owner';
  const omar = 'https://www.linkedin.com/in/omar-haddad';
  const sara = 'https://www.linkedin.com/in/sara-ito';
  const row = (conv: string, from: string, fromUrl: string, to: string, toUrls: string, date: string) =>
    `${conv},,${from},${fromUrl},${to},${toUrls},${date},,hi,INBOX\r\n`;

  test('someone first seen as a recipient, later as a sender, is one person with their name', async () => {
    const text =
      header +
      // I write to Omar first (he is only a recipient URL), then he answers under his name.
      row('c1', 'Alex Owner', me, 'Omar Haddad', omar, '2024-06-18 11:59:53 UTC') +
      row('c1', 'Omar Haddad', omar, 'Alex Owner', me, '2024-06-19 08:00:00 UTC') +
      row('c1', 'Alex Owner', me, 'Omar Haddad', omar, '2024-06-20 08:00:00 UTC') +
      // Sara writes first; her URL later comes as a recipient with a different spelling of the list.
      row('c2', 'Sara Ito', sara, 'Alex Owner', me, '2023-01-02 10:00:00 UTC') +
      row('c2', 'Alex Owner', me, 'Sara Ito', ` ${sara} `, '2023-01-03 10:00:00 UTC');
    const archive = await parsed(new Blob([text]), 'messages.csv');
    expect(archive.owner?.key).toBe('linkedin:alex-owner');
    const omarTally = tallyOf(archive, 'Omar Haddad');
    expect(omarTally?.who.key).toBe('linkedin:omar-haddad');
    expect(omarTally?.facts).toMatchObject({ total: 3, fromThem: 1, first: '2024-06-18', firstFrom: 'me' });
    const saraTally = tallyOf(archive, 'Sara Ito');
    expect(saraTally?.facts).toMatchObject({ total: 2, fromThem: 1, first: '2023-01-02', firstFrom: 'them' });
    expect(archive.messages).toHaveLength(2);
  });
});
