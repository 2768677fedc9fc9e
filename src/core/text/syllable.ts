/**
 * Is this word a well-formed Vietnamese syllable?
 *
 * Used by detect.ts to tell decoded legacy text ("Việt") from mojibake
 * ("ViÖt", "Vieät") and from words of other languages. It checks spelling
 * structure, not the dictionary: onset + rhyme + tone, where
 *  - the onset is one of the 27 written initial consonants (or none);
 *  - the rhyme (medial + nucleus + final, written form) is in the list below;
 *  - a rhyme ending in a stop (-c, -ch, -p, -t) takes only sắc or nặng;
 *  - at most one tone mark, on any vowel (old "hoà" and new "hòa" placement
 *    are both accepted);
 *  - spelling rules: k/gh/ngh before i e ê y, c/g/ng elsewhere, q only as qu.
 */

/** Combining tone marks (NFD): huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const ACUTE = '\u0301';
const DOT_BELOW = '\u0323';
const COMBINING = /[\u0300-\u036f]/;

/**
 * Every letter a Vietnamese word is written with, in both cases, as
 * [letter without tone (lower case), its tone mark or '']. One table lookup per
 * character replaces NFD/NFC round trips: this runs for every word of every
 * cell the heuristic looks at.
 */
const LETTERS = new Map<string, [string, string]>();
for (const vowel of 'aăâeêioôơuưy') {
  for (const tone of ['', ...TONE_MARKS]) {
    const letter = (vowel + tone).normalize('NFC');
    LETTERS.set(letter, [vowel, tone]);
    LETTERS.set(letter.toUpperCase(), [vowel, tone]);
  }
}
for (const consonant of 'bcdđghklmnpqrstvx') {
  LETTERS.set(consonant, [consonant, '']);
  LETTERS.set(consonant.toUpperCase(), [consonant, '']);
}

/** Initial consonants, longest first so "ngh" wins over "ng" and "n". */
const ONSETS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
];

/** Written rhymes without tone, grouped by nucleus. */
const RHYMES = new Set(
  [
    'a ai ao au ay ac ach am an ang anh ap at',
    'ăc ăm ăn ăng ăp ăt',
    'âc âm ân âng âp ât âu ây',
    'e eo ec em en eng ep et',
    'ê êu êch êm ên ênh êp êt',
    'i ia iu ich im in inh ip it',
    'iêc iêm iên iêng iêp iêt iêu',
    'o oi oc om on ong op ot oong ooc',
    'ô ôi ôc ôm ôn ông ôp ôt',
    'ơ ơi ơm ơn ơp ơt',
    'u ua ui uc um un ung up ut',
    'uôc uôi uôm uôn uông uôt',
    'ư ưa ưi ưu ưc ưm ưn ưng ưt',
    'ươc ươi ươm ươn ương ươp ươt ươu',
    'y yêm yên yêng yêt yêu',
    // with the medial o / u (written o before a ă e, u before â ê ơ y)
    'oa oai oao oay oac oach oam oan oang oanh oap oat',
    'oăc oăm oăn oăng oăt',
    'oe oeo oem oen oet',
    'uân uâng uât uây',
    'uê uêch uên uênh',
    'uơ',
    'uy uya uyu uych uynh uyp uyt uyên uyêt',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Well-formed but rare rhymes (loanwords and a handful of words: "xoong",
 * "ngoao", "khuỷu", "thuở"). They count half as evidence, so that a decode
 * producing "Coọng" does not tie with one producing "Cộng".
 */
const RARE_RHYMES = new Set('oong ooc oao oeo oem oap uyu uych uyp uơ uâng yêng ưm'.split(' '));

/** Vowels that make k, gh, ngh (not c, g, ng) the right spelling. */
const FRONT = /^[iyeê]/;
const STOP_FINAL = /(c|ch|p|t)$/;

/**
 * True when `word` (any case, NFC or NFD) is a well-formed Vietnamese syllable.
 * Plain ASCII words such as "Nam" or "an" pass too; callers decide how much an
 * ASCII-only word is worth as evidence.
 */
export function isVietnameseSyllable(word: string): boolean {
  return syllableRhyme(word) !== null;
}

/**
 * How much a word says "this is Vietnamese": 1 for a well-formed syllable,
 * 0.5 for one with a rare rhyme, 0 for an ill-formed word.
 */
export function syllableWeight(word: string): number {
  let weight = WEIGHTS.get(word);
  if (weight === undefined) {
    const rhyme = syllableRhyme(word);
    weight = rhyme === null ? 0 : RARE_RHYMES.has(rhyme) ? 0.5 : 1;
    if (WEIGHTS.size >= MAX_CACHED) WEIGHTS.clear();
    WEIGHTS.set(word, weight);
  }
  return weight;
}

/**
 * Words repeat endlessly in a workbook (names, titles, "năm", "xã"), so their
 * weights are remembered. Bounded: cleared when full, which keeps memory flat
 * on huge inputs at the cost of recomputing.
 */
const WEIGHTS = new Map<string, number>();
const MAX_CACHED = 50_000;

/** The rhyme of a well-formed syllable (without tone; "u…" after q), or null. */
function syllableRhyme(word: string): string | null {
  // NFD or "Unicode tổ hợp" input: compose first (rare, so the check is cheap).
  const text = COMBINING.test(word) ? word.normalize('NFC') : word;
  let base = '';
  let tone = '';
  for (let i = 0; i < text.length; i++) {
    const letter = LETTERS.get(text[i]);
    if (letter === undefined) return null;
    if (letter[1] !== '') {
      if (tone !== '') return null; // two tones
      tone = letter[1];
    }
    base += letter[0];
  }
  if (base === '') return null;

  // "qu" is one onset, but its u also acts as the medial: "quốc", "quý", "quân".
  if (base.startsWith('qu')) {
    const rest = base.slice(2);
    if (rest === '') return null;
    if (validRhyme('u' + rest, tone)) return 'u' + rest;
    return !/^[uưo]/.test(rest) && validRhyme(rest, tone) ? rest : null;
  }
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rhyme = base.slice(onset.length);
    if (validRhyme(rhyme, tone) && spellingFits(onset, rhyme)) return rhyme;
    // "gi" may also be g + a rhyme starting with i ("gìn", "giếng"): try on.
  }
  return validRhyme(base, tone) ? base : null;
}

function validRhyme(rhyme: string, tone: string): boolean {
  if (!RHYMES.has(rhyme)) return false;
  return !STOP_FINAL.test(rhyme) || tone === ACUTE || tone === DOT_BELOW;
}

/** Vietnamese spelling: k/gh/ngh before front vowels, c/g/ng before the others. */
function spellingFits(onset: string, rhyme: string): boolean {
  const front = FRONT.test(rhyme);
  switch (onset) {
    case 'k':
    case 'gh':
    case 'ngh':
      return front;
    case 'c':
    case 'ng':
      return !front;
    case 'g':
      return !/^[eê]/.test(rhyme); // "gì", "gìn" are written with g
    default:
      return true;
  }
}
