/**
 * The words the graph explorer draws for a node: a short caption ("Borussia Dortmund 3-2
 * Atalanta", "André Schürrle 30'") and one line of details. Pure: made from the fields the
 * queries gather (see graphNodeFields), so it is tested without a database.
 */
import type { GraphNodeRow } from "./graphNodeFields.ts";

export interface GraphNodeWords {
  caption: string;
  details: string | null;
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const periods: Record<string, string> = {
  FIRST_HALF: "first half",
  SECOND_HALF: "second half",
  NORMAL_TIME: "normal time",
  EXTRA_TIME: "extra time",
};

/** "2018-02-15" → "15 Feb 2018"; anything else unchanged. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return `${Number(match[3])} ${months[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/** 30 → "30'", 90 + 3 → "90+3'"; by period when the minute is unknown; null when neither is. */
export function formatMinute(minute: unknown, addedTime: unknown, period: unknown): string | null {
  if (typeof minute === "number") return typeof addedTime === "number" && addedTime > 0 ? `${minute}+${addedTime}'` : `${minute}'`;
  if (typeof period === "string") return periods[period] ?? period.toLowerCase().replace(/_/g, " ");
  return null;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
const joined = (...parts: (string | null | undefined | false)[]): string | null => {
  const kept = parts.filter((part): part is string => typeof part === "string" && part !== "");
  return kept.length ? kept.join(" · ") : null;
};

/** 1 → "1st", 2 → "2nd", 11 → "11th". */
function ordinal(position: number): string {
  const tens = position % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[position % 10] ?? "th";
  return `${position}${suffix}`;
}

/** A caption with its minute when known: "Yellow card: Ramy Bensebaini 12'". */
function withWhen(caption: string, p: Record<string, unknown>): string {
  return typeof p.minute === "number" ? `${caption} ${formatMinute(p.minute, p.addedTime, null)}` : caption;
}

/** "Borussia Dortmund 3-2 Atalanta" when played with a known score, else "Borussia Dortmund v Atalanta". */
function matchCaption(home: string | null, away: string | null, homeScore: unknown, awayScore: unknown): string {
  const homeName = home ?? "?";
  const awayName = away ?? "?";
  return typeof homeScore === "number" && typeof awayScore === "number"
    ? `${homeName} ${homeScore}-${awayScore} ${awayName}`
    : `${homeName} v ${awayName}`;
}

export function describeGraphNode(row: Pick<GraphNodeRow, "id" | "kind" | "properties" | "context">): GraphNodeWords {
  const p = row.properties;
  const c = row.context;
  const competitionSeason = joined(text(c.competition) && text(c.season) ? `${c.competition} ${c.season}` : text(c.competition));
  switch (row.kind) {
    case "Player":
      return { caption: text(p.name) ?? row.id, details: joined("Player", text(p.position), text(p.nationality)) };
    case "Club":
      return { caption: text(p.name) ?? row.id, details: joined("Club", text(p.country)) };
    case "Stadium":
      return { caption: text(p.name) ?? row.id, details: joined("Stadium", text(p.city)) };
    case "Competition":
      return { caption: text(p.name) ?? row.id, details: joined("Competition", text(p.organiser)) };
    case "Season":
      return { caption: joined(text(c.competition) && `${c.competition} ${p.label}`) ?? text(p.label) ?? row.id, details: "Season" };
    case "Stage":
      return { caption: text(p.name) ?? row.id, details: joined("Stage", text(c.competition) && `${c.competition} ${c.season ?? ""}`.trim()) };
    case "Tie":
      return {
        caption: text(c.home) || text(c.away) ? `${text(c.home) ?? "?"} v ${text(c.away) ?? "?"}` : row.id,
        details: joined("Tie", text(c.competition) && `${c.competition} ${p.season ?? ""}`.trim(), text(p.stage)),
      };
    case "Match": {
      // A leg of a tie says which; a match of no tie its stage (and group).
      const leg = c.inTie === false ? null : p.isReplay === true ? "Replay" : typeof p.legNumber === "number" ? `Leg ${p.legNumber}` : null;
      const stage = c.inTie === false ? joined(text(c.stage), text(p.group) && `group ${p.group}`) : null;
      const played = p.played !== false;
      return {
        caption: matchCaption(text(c.home), text(c.away), played ? p.homeScore : null, played ? p.awayScore : null),
        details: joined("Match", leg, stage, text(p.date) && formatDate(p.date as string), competitionSeason, !played && "not played yet"),
      };
    }
    case "Goal": {
      const when = formatMinute(p.minute, p.addedTime, p.period);
      const scorer = text(c.scorer) ?? "Goal";
      const kind = p.ownGoal === true ? "own goal" : p.penalty === true ? "penalty" : null;
      const match = text(c.home) || text(c.away) ? `${text(c.home) ?? "?"} v ${text(c.away) ?? "?"}` : null;
      return {
        caption: when === null ? scorer : typeof p.minute === "number" ? `${scorer} ${when}` : `${scorer} (${when})`,
        details: joined(text(c.club) ? `Goal for ${c.club}` : "Goal", kind, match, text(c.matchDate) && formatDate(c.matchDate as string)),
      };
    }
    case "Card": {
      const colour = { YELLOW: "Yellow card", SECOND_YELLOW: "Second yellow", RED: "Red card" }[String(p.kind)] ?? "Card";
      return { caption: withWhen(`${colour}: ${text(c.player) ?? "?"}`, p), details: joined("Card", text(c.club), text(p.timing)) };
    }
    case "Substitution":
      return {
        caption: withWhen(`${text(c.player) ?? "?"} on${text(c.playerOff) ? ` for ${c.playerOff}` : ""}`, p),
        details: joined("Substitution", text(c.club), text(p.timing)),
      };
    case "DisallowedGoal":
      return {
        caption: withWhen(`Disallowed: ${text(c.player) ?? "goal"}`, p),
        details: joined("Disallowed goal", text(p.reason)?.toLowerCase(), text(c.club), text(p.timing)),
      };
    case "PenaltyAward":
      return { caption: withWhen(`Penalty to ${text(c.club) ?? "?"}`, p), details: joined("Penalty awarded", text(p.timing)) };
    case "VarReview":
      return { caption: withWhen("VAR review", p), details: joined("VAR review", text(p.decision)) };
    case "Incident":
      return { caption: text(p.description) ?? "Incident", details: joined("Incident", text(p.kind)?.toLowerCase().replace(/_/g, " "), text(p.timing)) };
    case "MatchStatistics": {
      const figures = [
        typeof p.shots === "number" && `${p.shots} shots`,
        typeof p.shotsOnTarget === "number" && `${p.shotsOnTarget} on target`,
        typeof p.possessionPercent === "number" && `${p.possessionPercent}% possession`,
      ];
      return { caption: `Statistics: ${text(c.club) ?? "?"}`, details: joined("Match statistics", ...figures) };
    }
    case "Standing": {
      const place = typeof p.position === "number" ? ` ${ordinal(p.position)}` : "";
      return {
        caption: `${text(c.club) ?? "?"}${place}${p.final === true ? " (final)" : ""}`,
        details: joined("Standing", text(c.competition) && `${c.competition} ${p.season ?? ""}`.trim(), text(p.group) && `group ${p.group}`, text(p.asOf) && `on ${formatDate(p.asOf as string)}`),
      };
    }
    case "Conflict":
      return {
        caption: text(p.topic) ?? row.id,
        details: joined("Conflict", text(p.kind)?.toLowerCase().replace(/_/g, " "), text(p.resolvedValue) && `resolved: ${p.resolvedValue}`),
      };
    case "Claim":
      return {
        caption: `${text(p.field) ?? "claim"}: ${text(p.value) ?? "?"}`,
        details: joined("Claim", p.accepted === true ? "accepted" : p.accepted === false ? "not accepted" : null, text(p.flag)?.toLowerCase().replace(/_/g, " "), text(p.wording)),
      };
    default:
      // Kinds added later still get a caption: their name, title or id.
      return { caption: text(p.name) ?? text(p.title) ?? text(p.label) ?? row.id, details: row.kind };
  }
}
