/**
 * Which of the two importable formats a parsed file is in:
 * - "results": a results file like ../shared/data/uefa-ties/*.json — `ties` whose records carry `legs`;
 * - "seed": the seed format of seeds/*.json (src/seeds/seedFormat.ts) — arrays of records by kind.
 */
import { seedRecordRules } from "../seeds/validateSeeds.ts";

export type ImportFormat = "results" | "seed";
// Football.TXT is text, not JSON: src/importing/importFootballTxt.ts (looksLikeFootballTxt) recognises it before this runs.

export function detectFileFormat(content: unknown): ImportFormat | null {
  if (typeof content !== "object" || content === null || Array.isArray(content)) return null;
  const ties = (content as { ties?: unknown }).ties;
  const about = (content as { about?: unknown }).about;
  if (Array.isArray(ties) && (typeof about === "string" || ties.some((tie) => typeof tie === "object" && tie !== null && "legs" in tie))) {
    return "results";
  }
  if (Object.keys(content).some((key) => key in seedRecordRules)) return "seed";
  return null;
}
