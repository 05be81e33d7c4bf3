import { describe, expect, test } from 'vitest';
import { isPossibleShootOut } from './isPossibleShootOut.ts';

/** Every end of a shoot-out, found by playing out every sequence of kicks (the rule itself, not the list). */
function playedOutEnds(maxSuddenDeathRounds: number): Set<string> {
  const ends = new Set<string>();
  const walk = (kicks: [number, number], goals: [number, number], next: 0 | 1): void => {
    const inFirstFive = kicks[0] <= 5 && kicks[1] <= 5 && !(kicks[0] === 5 && kicks[1] === 5 && goals[0] === goals[1]);
    if (inFirstFive) {
      const left = (side: 0 | 1) => 5 - kicks[side];
      if (goals[0] > goals[1] + left(1) || goals[1] > goals[0] + left(0)) return void ends.add(`${goals[0]}-${goals[1]}`);
    } else if (kicks[0] === kicks[1]) {
      if (goals[0] !== goals[1]) return void ends.add(`${goals[0]}-${goals[1]}`);
      if (kicks[0] >= 5 + maxSuddenDeathRounds) return;
    }
    for (const scored of [0, 1]) {
      const k: [number, number] = [kicks[0], kicks[1]];
      const g: [number, number] = [goals[0], goals[1]];
      k[next] += 1;
      g[next] += scored;
      walk(k, g, next === 0 ? 1 : 0);
    }
  };
  walk([0, 0], [0, 0], 0);
  walk([0, 0], [0, 0], 1);
  return ends;
}

describe('isPossibleShootOut', () => {
  test.each([
    ['Villarreal v Manchester United, 2021 Europa League final, 11-10', 11, 10, true],
    ['Liverpool v AC Milan, 2005 final, 3-2 (Milan missed three of their four)', 2, 3, true],
    ['a 3-0 whitewash after three kicks each', 3, 0, true],
    ['5-3 after five kicks each', 5, 3, true],
    ['1-0 in sudden death after 0-0 over five kicks', 1, 0, true],
    ['5-2: the winner was out of reach at 4-2', 5, 2, false],
    ['4-0: settled at 3-0', 4, 0, false],
    ['9-1: no shoot-out gets there', 9, 1, false],
    ['6-4: sudden death ends one goal apart', 6, 4, false],
  ])('%s', (_, home, away, possible) => {
    expect(isPossibleShootOut(home, away)).toBe(possible);
  });

  test('agrees with every shoot-out played out kick by kick (up to 8 sudden-death rounds)', () => {
    const ends = playedOutEnds(8);
    for (let home = 0; home <= 13; home += 1) {
      for (let away = 0; away <= 13; away += 1) {
        if (home === away) continue;
        expect(isPossibleShootOut(home, away), `${home}-${away}`).toBe(ends.has(`${home}-${away}`));
      }
    }
  });
});
