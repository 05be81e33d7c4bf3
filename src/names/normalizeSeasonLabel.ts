/**
 * Season labels as stored: "2017-18". Accepts the ways people write them: "2017/18",
 * "2017-2018", "2017–18", "17-18" is not accepted (the century is ambiguous). Single-year
 * seasons ("2026") pass through unchanged. Returns null for anything else.
 */
export function normalizeSeasonLabel(input: string): string | null {
  const text = input.trim();
  if (/^\d{4}$/.test(text)) return text;
  const match = /^(\d{4})\s*[-/–—]\s*(\d{2}|\d{4})$/.exec(text);
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2]!.length === 4 ? Number(match[2]) : Math.floor(start / 100) * 100 + Number(match[2]);
  // 1999-00: the end wraps into the next century.
  const endYear = end <= start ? end + 100 : end;
  if (endYear !== start + 1) return null;
  return `${start}-${String(endYear % 100).padStart(2, "0")}`;
}
