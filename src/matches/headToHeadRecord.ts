/**
 * A club's record against one opponent over the matches between them, from the club's side, as
 * football records count it: a match's result is its score after extra time when extra time was
 * played; a match settled by a shoot-out counts as drawn (the shoot-out decides the tie, not the
 * match); goals include extra time, never shoot-out kicks; an awarded score counts as recorded.
 * Matches not played, or without a score, are not counted. Pure.
 */
export interface HeadToHeadMatch {
  homeClubId: string;
  awayClubId: string;
  played: boolean;
  homeScore: number | null;
  awayScore: number | null;
  homeScoreAfterExtraTime: number | null;
  awayScoreAfterExtraTime: number | null;
  homePenalties: number | null;
  awayPenalties: number | null;
}

export interface HeadToHeadRecord {
  played: number;
  won: number;
  drawn: number;
  lost: number;
  goalsFor: number;
  goalsAgainst: number;
  /** Matches (counted as drawn) after which a shoot-out was held. */
  shootOuts: number;
}

export function headToHeadRecord(clubId: string, matches: readonly HeadToHeadMatch[]): HeadToHeadRecord {
  const record: HeadToHeadRecord = { played: 0, won: 0, drawn: 0, lost: 0, goalsFor: 0, goalsAgainst: 0, shootOuts: 0 };
  for (const match of matches) {
    const atHome = match.homeClubId === clubId;
    if (!atHome && match.awayClubId !== clubId) continue; // not this club's match
    const home = match.homeScoreAfterExtraTime ?? match.homeScore;
    const away = match.awayScoreAfterExtraTime ?? match.awayScore;
    if (!match.played || home === null || away === null) continue;
    const [scored, conceded] = atHome ? [home, away] : [away, home];
    record.played += 1;
    record.goalsFor += scored;
    record.goalsAgainst += conceded;
    if (scored > conceded) record.won += 1;
    else if (scored < conceded) record.lost += 1;
    else record.drawn += 1;
    if (match.homePenalties !== null && match.awayPenalties !== null) record.shootOuts += 1;
  }
  return record;
}
