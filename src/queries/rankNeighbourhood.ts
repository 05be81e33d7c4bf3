/**
 * Which of the entities around a centre to draw first, and how to page through the rest. Pure:
 * findNeighbourhood gathers the candidates level by level, this orders, filters and pages them.
 *
 * Relevance to the centre, in order:
 * 1. fewer steps from the centre first (level 1 before level 2);
 * 2. within a level, the facts reached directly (a player's goals, cards, clubs) before the
 *    matches and ties those facts belong to (a goal's match, the match's tie), which come next,
 *    before anything else two steps away: for a scorer, the match he scored in is drawn before
 *    his club's other matches;
 * 3. then by kind (goals, matches, ties, clubs, players, ... conflicts last);
 * 4. then the most recent first (by date or season), then by id, so that pages are stable.
 */

/** A node found around the centre. */
export interface NeighbourCandidate {
  id: string;
  kind: string;
  /** Steps from the centre: 1 for a direct neighbour. */
  level: number;
  /** True for a match or tie reached as what a fact of this level belongs to (a goal's match). */
  container: boolean;
  /** The season it belongs to ("2017-18"), when it belongs to one. */
  season: string | null;
  /** Id and name of the competition it belongs to, when it belongs to one. */
  competitionId: string | null;
  competitionName: string | null;
  /** A date to order by (a match's day, a tie's first leg), ISO; null when none. */
  date: string | null;
}

export interface NeighbourhoodFilter {
  /** Only these node kinds (e.g. ["Match", "Tie"]); empty or absent for all. */
  kinds?: readonly string[] | null;
  /** Only what belongs to this season ("2012-13"). */
  season?: string | null;
  /** Only what belongs to this competition, by id or name. */
  competition?: string | null;
}

export interface NeighbourhoodPage {
  /** The page, most relevant first. */
  page: NeighbourCandidate[];
  /** How many candidates pass the filter (every page together). */
  total: number;
  /** Offset of the next page; null on the last one. */
  nextOffset: number | null;
  /** Seasons and competitions among the candidates of the chosen kinds (for filter menus), most recent season first. */
  seasons: string[];
  competitions: { id: string; name: string }[];
}

const kindOrder = ["Goal", "Match", "Tie", "Club", "Player", "Coach", "Stadium", "Competition", "Season", "Stage", "Card", "Substitution", "PenaltyAward", "VarReview", "DisallowedGoal", "Incident", "MatchStatistics", "Standing", "Conflict", "Claim"];
const kindRank = (kind: string) => {
  const index = kindOrder.indexOf(kind);
  return index === -1 ? kindOrder.length : index;
};

/** Negative when a is more relevant than b (see the module comment). */
export function compareRelevance(a: NeighbourCandidate, b: NeighbourCandidate): number {
  return (
    a.level - b.level ||
    Number(a.container) - Number(b.container) ||
    kindRank(a.kind) - kindRank(b.kind) ||
    (b.date ?? b.season ?? "").localeCompare(a.date ?? a.season ?? "") ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function matches(candidate: NeighbourCandidate, filter: NeighbourhoodFilter): boolean {
  if (filter.season && candidate.season !== filter.season) return false;
  if (filter.competition && candidate.competitionId !== filter.competition && candidate.competitionName !== filter.competition) return false;
  return true;
}

/** Orders the candidates by relevance, keeps those passing the filter and cuts out one page. */
export function rankNeighbourhood(candidates: readonly NeighbourCandidate[], filter: NeighbourhoodFilter, offset: number, limit: number): NeighbourhoodPage {
  const ofKinds = filter.kinds?.length ? candidates.filter((candidate) => filter.kinds!.includes(candidate.kind)) : [...candidates];
  const kept = ofKinds.filter((candidate) => matches(candidate, filter)).sort(compareRelevance);
  const end = offset + limit;
  const seasons = [...new Set(ofKinds.map((candidate) => candidate.season).filter((season): season is string => !!season))].sort().reverse();
  const competitions = new Map<string, string>();
  for (const candidate of ofKinds) if (candidate.competitionId) competitions.set(candidate.competitionId, candidate.competitionName ?? candidate.competitionId);
  return {
    page: kept.slice(offset, end),
    total: kept.length,
    // An empty page (limit 0) has no next page: it would never advance.
    nextOffset: limit > 0 && end < kept.length ? end : null,
    seasons,
    competitions: [...competitions].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
