/**
 * Whether a penalty shoot-out can end with this score: five kicks each, stopping as soon as one
 * side cannot be caught, then sudden death (one kick each until one scores and the other misses).
 * IFAB Laws of the Game, Law 10 ("Kicks from the penalty mark"), unchanged in this respect since
 * shoot-outs began (1970). Sudden death can end only one goal apart; within the first five kicks,
 * an end two or three apart is reachable only at the scores listed here (5-2, 4-0 or 9-1 never
 * happen: the winner was out of reach earlier).
 *
 * Scores are the two sides' goals in either order (which side kicked first is seldom recorded).
 * Pure.
 */
const ENDS_WITHIN_FIVE_KICKS_TWO_OR_MORE_APART = new Set(['2-0', '3-0', '3-1', '4-1', '4-2', '5-3']);

export function isPossibleShootOut(home: number, away: number): boolean {
  const winner = Math.max(home, away);
  const loser = Math.min(home, away);
  if (winner - loser === 1) return true;
  return ENDS_WITHIN_FIVE_KICKS_TWO_OR_MORE_APART.has(`${winner}-${loser}`);
}

/** Why a shoot-out cannot end `home`-`away`, or null when it can. */
export function shootOutProblem(home: number, away: number): string | null {
  if (isPossibleShootOut(home, away)) return null;
  return home === away
    ? `a shoot-out cannot end level, got ${home}-${away}`
    : `no shoot-out ends ${home}-${away}: after five kicks each it stops once one side is out of reach, and sudden death ends one goal apart`;
}
