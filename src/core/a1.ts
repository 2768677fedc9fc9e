/** A1 notation pieces shared by the add-in, the stores and the readers. */

/** Column letters of a 1-based column: 1 → A, 26 → Z, 27 → AA, 16384 → XFD. */
export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
