/**
 * Mojibake: UTF-8 text that was read as Latin-1 or Windows-1252 somewhere upstream, so that
 * "Malmö FF" arrives as "MalmÃ¶ FF" and "Atlético" as "AtlÃ©tico". Such a name must not become
 * a new club; this finds it and gives the likely repair (the text re-read as UTF-8). Pure.
 */

/** Windows-1252's characters for the bytes 0x80-0x9F (where Latin-1 has control codes). */
const cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const byteOfCp1252 = new Map([...cp1252High].map((char, index) => [char, 0x80 + index]));

/** The bytes the text would be in Windows-1252 / Latin-1, or null when a character has none. */
function singleByteEncoding(text: string): Uint8Array | null {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) || (code >= 0x80 && code < 0xa0) ? code : byteOfCp1252.get(char);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  return Uint8Array.from(bytes);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The text as it was before the UTF-8-read-as-Latin-1 damage, or null when it shows no such
 * damage. "MalmÃ¶ FF" → "Malmö FF"; "Malmö FF" → null (its "ö" alone is not valid UTF-8);
 * plain ASCII → null.
 */
export function repairMojibake(text: string): string | null {
  if (!/[\u0080-\u00ff]/.test(text)) return null; // the damage always leaves a Latin-1 high character
  const bytes = singleByteEncoding(text);
  if (!bytes) return null;
  try {
    const repaired = strictUtf8.decode(bytes);
    return repaired !== text ? repaired : null;
  } catch {
    return null; // not valid UTF-8 once re-encoded: genuine Latin-1 letters
  }
}
