/**
 * The key two spellings of a name share when they name the same thing: lower case, accents
 * and punctuation dropped, spaces collapsed. "Östersunds FK" → "ostersunds fk",
 * "De Roon" and "de Roon" → "de roon", "Schürrle" → "schurrle".
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // combining accents left by the decomposition
    .replace(/ß/g, "ss")
    .replace(/ø/g, "o")
    .replace(/Ø/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Every key an entity answers to: its name and each alias, normalised, without repeats. */
export function nameKeysOf(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(normalizeName).filter((key) => key.length > 0))];
}
