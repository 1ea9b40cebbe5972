/**
 * What a person can type into a form field: no C0/C1 control characters (NUL, tab, newline,
 * DEL…). A field that holds one came from a script, and letting it through has hidden a
 * placeholder match before (a NUL-prefixed "email" equal to the digest of a missing one).
 */
// The Unicode "Cc" category is exactly C0, DEL and C1.
const CONTROL_CHARACTERS = /\p{Cc}/u;

export function hasControlCharacters(text: string) {
  return CONTROL_CHARACTERS.test(text);
}
