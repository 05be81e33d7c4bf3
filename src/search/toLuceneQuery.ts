/**
 * Turns what a person types into a full-text (Lucene) query over names and aliases: every word
 * must match, as a whole word, a prefix ("dort" finds Dortmund) or within one typo ("shurle"
 * finds Schürrle). Lucene's special characters are escaped, so input can never change the
 * query's structure. Returns null when nothing searchable is left.
 */
const luceneSpecial = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/**
 * The English stop words the index's analyzer (standard-folding) leaves out of the index, as
 * `db.index.fulltext.listAvailableAnalyzers()` lists them. A query word among them can never
 * match, so requiring it would make "Serie A" or "The Gunners" find nothing: they are dropped,
 * unless nothing else is left.
 */
const indexStopWords = new Set([
  "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
  "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
]);

export function toLuceneQuery(text: string): string | null {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8); // a name has few words; a bound keeps the query small
  if (words.length === 0) return null;
  const searchable = words.filter((word) => !indexStopWords.has(word));
  return (searchable.length ? searchable : words)
    .map((word) => {
      const escaped = word.replace(luceneSpecial, "\\$&");
      // Fuzzy matching on very short words matches almost anything; keep it for 4+ letters.
      const fuzzy = word.length >= 4 ? ` OR ${escaped}~1` : "";
      return `(${escaped}^3 OR ${escaped}*${fuzzy})`;
    })
    .join(" AND ");
}
