/**
 * Turns what a person types into a full-text (Lucene) query over names and aliases: every word
 * must match, as a whole word, a prefix ("dort" finds Dortmund) or within one typo ("shurle"
 * finds Schürrle). Lucene's special characters are escaped, so input can never change the
 * query's structure. Returns null when nothing searchable is left.
 */
const luceneSpecial = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export function toLuceneQuery(text: string): string | null {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8); // a name has few words; a bound keeps the query small
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const escaped = word.replace(luceneSpecial, "\\$&");
      // Fuzzy matching on very short words matches almost anything; keep it for 4+ letters.
      const fuzzy = word.length >= 4 ? ` OR ${escaped}~1` : "";
      return `(${escaped}^3 OR ${escaped}*${fuzzy})`;
    })
    .join(" AND ");
}
