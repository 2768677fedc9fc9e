/** Cheap comparison forms of Vietnamese text for the plan reader's hot paths. */
import { canonicalTone } from '../text';

/** An open syllable toned the old way ("hoà", "thuỷ"): only then is canonicalTone needed. */
const OLD_STYLE_TONE = /(?:[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}])/u;

/**
 * NFC text in lower case with new-style tone placement. Keeps the length of
 * NFC input, so positions found in it point into the original.
 */
export function lowerCanonical(nfcText: string): string {
  return (OLD_STYLE_TONE.test(nfcText) ? canonicalTone(nfcText) : nfcText).toLowerCase();
}

/** Like matchKey: lower case, new-style tones, punctuation and spaces as one space. */
export function quickKey(nfcText: string): string {
  return lowerCanonical(nfcText)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
