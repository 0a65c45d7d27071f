// Search keys for names typed in any script. The same folding runs on stored names and on what the user
// types, so a query matches however either side was written: case, accents, Arabic letter variants,
// diacritics (tashkeel) and digit systems all compare equal.

// Kana voicing marks are combining marks, but dropping them would turn ガ into カ: a different sound,
// not an accent. They are kept so that NFC puts the syllable back together.
const MARKS_EXCEPT_KANA_VOICING = /(?![\u3099\u309A])\p{M}/gu;

// Tatweel only stretches a word for layout. Zero-width joiners and bidi controls sneak into names
// copied from Arabic and Persian pages and are invisible.
const INVISIBLE_OR_LAYOUT = /[\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

// Letters that writers use interchangeably (ى for final ي, ة written as ه, Persian forms) fold to one.
const LETTER_FOLDS: Record<string, string> = {
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  ک: 'ك',
  ı: 'i',
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

// Printable ASCII: none of the folds below can change it but for its case (they are all about other letters).
const ASCII = /^[ -~]*$/;

// Arabic-Indic (U+0660..) and Extended Arabic-Indic / Persian (U+06F0..) digits.
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function asciiDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/**
 * Folds text into a comparable key: lower case, no accents or tashkeel, one form per Arabic letter
 * (أ إ آ ٱ → ا, ى → ي, ة → ه), ASCII digits. Scripts without case or accents (CJK, emoji) pass through.
 */
export function searchKey(text: string): string {
  // Plain ASCII (most names in an export of tens of thousands) has nothing to fold but its case.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS_EXCEPT_KANA_VOICING, '')
    .replace(INVISIBLE_OR_LAYOUT, '')
    .replace(LETTER_FOLD_PATTERN, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(EASTERN_DIGITS, asciiDigit)
    .normalize('NFC');
}

// Apostrophes join a name's parts (O'Brien, D’Angelo) rather than separate words.
const APOSTROPHES = /['\u2019\u02BC]/g;
const WORD_SEPARATORS = /[\s\p{P}\p{Cc}]+/u;

// The Arabic article is written joined to the name (الأسمر), yet people search for the name without it.
const ARABIC_ARTICLE = 'ال';

/**
 * The distinct folded words of a name, for a multiEntry index: a prefix query on any word finds the
 * person ("had" finds "Fadi Haddad"). A word with the Arabic article also yields the word without it,
 * so "اسمر" finds "الأسمر". Emoji and symbols stay part of their word.
 * Queries fold the same way: a query word's extra article-less form always matches whenever the query
 * word itself does, so "every query word prefixes a name word" keeps its meaning.
 */
export function searchWords(name: string): string[] {
  const words = searchKey(name)
    .replace(APOSTROPHES, '')
    .split(WORD_SEPARATORS)
    .flatMap((word) =>
      word.startsWith(ARABIC_ARTICLE) && word.length >= ARABIC_ARTICLE.length + 2
        ? [word, word.slice(ARABIC_ARTICLE.length)]
        : [word],
    );
  return [...new Set(words.filter((word) => word.length > 0))];
}
