/**
 * Season labels as stored: "2017-18". Accepts the ways people write them: "2017/18",
 * "2017-2018", "2017–18", and two-digit pairs "17/18" or "22-23" (read as 1950-2049: European club
 * competitions began in 1955). Single-year seasons ("2026") pass through unchanged. Returns null
 * for anything else, including years that do not follow ("2017-19").
 * Whether a competition uses split or calendar years is the tie-rule catalogue's to say
 * (src/ties/ruleSets.ts seasonLabelFor).
 */
export function normalizeSeasonLabel(input: string): string | null {
  const text = input.trim();
  if (/^\d{4}$/.test(text)) return text;
  const match = /^(\d{4}|\d{2})\s*[-/–—]\s*(\d{2}|\d{4})$/.exec(text);
  if (!match) return null;
  const startDigits = Number(match[1]);
  const start = match[1]!.length === 4 ? startDigits : startDigits >= 50 ? 1900 + startDigits : 2000 + startDigits;
  if (match[1]!.length === 2 && match[2]!.length === 4) return null;
  const end = match[2]!.length === 4 ? Number(match[2]) : Math.floor(start / 100) * 100 + Number(match[2]);
  // 1999-00: the end wraps into the next century.
  const endYear = end <= start ? end + 100 : end;
  if (endYear !== start + 1) return null;
  return `${start}-${String(endYear % 100).padStart(2, "0")}`;
}
