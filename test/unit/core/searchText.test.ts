import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { searchKey, searchWords } from '../../../src/core/searchText.ts';

describe('searchKey', () => {
  test.each([
    ['ASCII case', 'Fadi HADDAD', 'fadi haddad'],
    ['French accents', 'Hélène Crème Brûlée', 'helene creme brulee'],
    ['cedilla and ligature', 'François ﬁlm', 'francois film'],
    ['German umlaut', 'Jürgen Müller', 'jurgen muller'],
    ['Turkish dotted capital I', 'İstanbul', 'istanbul'],
    ['Turkish dotless i', 'Işık', 'isik'],
    ['Arabic tashkeel', 'مُحَمَّد', 'محمد'],
    ['Arabic tatweel', 'محـــمد', 'محمد'],
    ['alef with hamza above', 'أحمد', 'احمد'],
    ['alef with hamza below', 'إبراهيم', 'ابراهيم'],
    ['alef with madda', 'آمنة', 'امنه'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['alef maqsura to yeh', 'فادى', 'فادي'],
    ['teh marbuta to heh', 'فاطمة', 'فاطمه'],
    ['Persian yeh and keheh', 'کریمی', 'كريمي'],
    ['Arabic-Indic digits', 'مكتب ٢٠١٩', 'مكتب 2019'],
    ['Persian digits', '۱۴۰۲', '1402'],
    ['Arabic presentation forms', 'ﻣﺤﻤﺪ', 'محمد'],
    ['zero-width and bidi marks removed', '\u200fسارة\u200c', 'ساره'],
    ['Chinese kept as-is', '李小龍', '李小龍'],
    ['Korean syllables kept whole', '김민준', '김민준'],
    ['Japanese voiced kana kept', 'ガブリエル', 'ガブリエル'],
    ['emoji kept', 'Sara 🌟', 'sara 🌟'],
    ['empty', '', ''],
  ])('%s', (_case, input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });

  test('plain ASCII only changes case, and a single letter past ASCII takes the whole fold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        expect(searchKey(text)).toBe(text.toLowerCase());
      }),
    );
    expect(searchKey('Zoe Chloe\u0301')).toBe('zoe chloe');
    expect(searchKey('Fadi ١')).toBe('fadi 1');
  });

  test.each(['Hélène', 'أحمد فادى', 'İstanbul', '李小龍 ガ', '٢٠ 👍🏽'])('is idempotent on %s', (text) => {
    expect(searchKey(searchKey(text))).toBe(searchKey(text));
  });
});

describe('searchWords', () => {
  test.each([
    ['two words', 'Fadi Haddad', ['fadi', 'haddad']],
    ['duplicates collapse after folding', 'Anne ANNE Anné', ['anne']],
    ['hyphen splits', 'Jean-Luc Picard', ['jean', 'luc', 'picard']],
    ['apostrophe joins', "Seán O'Brien", ['sean', 'obrien']],
    ['typographic apostrophe joins', 'D’Angelo', ['dangelo']],
    ['punctuation and extra spaces', '  Smith,  John (PhD) ', ['smith', 'john', 'phd']],
    ['Arabic with variants', 'فادي حدّاد', ['فادي', 'حداد']],
    ['Arabic comma', 'أحمد، علي', ['احمد', 'علي']],
    ['Arabic article also dropped', 'زياد الأسمر', ['زياد', 'الاسمر', 'اسمر']],
    ['a bare article stays as it is', 'ال', ['ال']],
    ['too short to carry an article', 'الف', ['الف']],
    ['CJK single word', '李小龍', ['李小龍']],
    ['emoji stays a word', 'Sara 🌟', ['sara', '🌟']],
    ['emoji attached to a name', 'Omar🚀', ['omar🚀']],
    ['only punctuation', ' - , ', []],
  ])('%s', (_case, input, expected) => {
    expect(searchWords(input)).toEqual(expected);
  });

  test.each([
    ['Fadi Haddad', 'had'],
    ['Fadi Haddad', 'FAD'],
    ['فادي', 'فاد'],
    ['فادي', 'فادى'],
    ['فادى', 'فادي'],
    ['أحمد', 'احم'],
    ['Hélène', 'hele'],
    ['İlker', 'ilk'],
    ['الأسمر', 'اسم'],
    ['الأسمر', 'الاس'],
  ])('"%s" is found by prefix "%s"', (name, query) => {
    const [prefix] = searchWords(query);
    expect(prefix).toBeDefined();
    expect(searchWords(name).some((word) => word.startsWith(prefix!))).toBe(true);
  });

  test.each([
    ['Fadi Haddad', 'add'],
    ['فادي', 'ادي'],
  ])('"%s" is not found by the infix "%s"', (name, query) => {
    const [prefix] = searchWords(query);
    expect(searchWords(name).some((word) => word.startsWith(prefix!))).toBe(false);
  });
});
