import { describe, expect, test } from 'vitest';
import { checkRecordedTie } from './checkRecordedTie.ts';
import { parseResultsFile } from './resultsFile.ts';

type Leg = Record<string, unknown>;
const leg = (date: string, home: string, away: string, h90: number | null, a90: number | null, extra: Leg = {}): Leg => ({ date, home, away, h90, a90, ...extra });

/** One real tie as a results file would carry it, parsed. */
function recorded(competition: string, season: string, round: string, legs: Leg[], extra: Record<string, unknown> = {}) {
  const file = parseResultsFile({ ties: [{ id: 't', competition, season, round, legs, ...extra }] }, 'real-ties.json');
  return file.ties[0]!;
}

describe('checkRecordedTie: what the engine would refuse, asked at the door', () => {
  test.each([
    [
      'Atalanta 1-2 Paris Saint-Germain, 2019-20 quarter-final in Lisbon, is one match',
      recorded('UEFA Champions League', '2019-20', 'Quarter-finals', [leg('2020-08-12', 'Atalanta', 'Paris Saint-Germain', 1, 2)]),
      'single-match-neutral-et-penalties', 'DECIDED',
    ],
    [
      'Rangers 2-1 Galatasaray, 2020-21 Europa League play-off round, is one match',
      recorded('UEFA Europa League', '2020-21', 'Play-off round', [leg('2020-10-01', 'Rangers', 'Galatasaray', 2, 1)]),
      'single-match-home-et-penalties', 'DECIDED',
    ],
    [
      'Inter 2-0 Getafe, 2019-20 Europa League round of 16, stated a single match (Gelsenkirchen)',
      recorded('UEFA Europa League', '2019-20', 'Round of 16', [leg('2020-08-05', 'Inter', 'Getafe', 2, 0)], { format: 'single_match' }),
      'single-match-neutral-et-penalties', 'DECIDED',
    ],
    [
      'Leverkusen v Rangers, same round, kept its two legs (3-1 in Glasgow, 1-0 in Leverkusen)',
      recorded('UEFA Europa League', '2019-20', 'Round of 16', [leg('2020-03-12', 'Rangers', 'Bayer Leverkusen', 1, 3), leg('2020-08-06', 'Bayer Leverkusen', 'Rangers', 1, 0)]),
      'two-legs-away-goals-incl-et-penalties', 'DECIDED',
    ],
    [
      'Krasnodar v PAOK, 2020-21 Champions League play-off round, was two legs',
      recorded('UEFA Champions League', '2020-21', 'Play-off round', [leg('2020-09-22', 'Krasnodar', 'PAOK', 2, 1), leg('2020-09-30', 'PAOK', 'Krasnodar', 1, 2)]),
      'two-legs-away-goals-incl-et-penalties', 'DECIDED',
    ],
    [
      'a tie in progress: Dortmund 2-1 Paris Saint-Germain, the second leg scheduled',
      recorded('UEFA Champions League', '2019-20', 'Round of 16', [leg('2020-02-18', 'Borussia Dortmund', 'Paris Saint-Germain', 2, 1), { date: '2020-03-11', home: 'Paris Saint-Germain', away: 'Borussia Dortmund', played: false }]),
      'two-legs-away-goals-incl-et-penalties', 'IN_PROGRESS',
    ],
    [
      'a tie not started: only the first leg, scheduled (Real Madrid v Manchester City, 2019-20)',
      recorded('UEFA Champions League', '2019-20', 'Round of 16', [{ date: '2020-02-26', home: 'Real Madrid', away: 'Manchester City', played: false }]),
      'two-legs-away-goals-incl-et-penalties', 'NOT_STARTED',
    ],
    [
      'the first leg played, the second not yet listed, stated two legs',
      recorded('UEFA Champions League', '2019-20', 'Round of 16', [leg('2020-02-26', 'Real Madrid', 'Manchester City', 1, 2)], { format: 'two_legs' }),
      'two-legs-away-goals-incl-et-penalties', 'IN_PROGRESS',
    ],
    [
      'Stuttgart v Leeds 1992-93: second leg awarded 3-0 to Leeds, play-off ordered, Leeds won it 2-1 in Barcelona',
      recorded('European Cup', '1992-93', 'First round', [
        leg('1992-09-16', 'VfB Stuttgart', 'Leeds United', 3, 0),
        leg('1992-09-30', 'Leeds United', 'VfB Stuttgart', 3, 0, { awarded: true, method_note: 'awarded 3-0: Stuttgart fielded a fourth foreign player (played 4-1)' }),
        leg('1992-10-09', 'VfB Stuttgart', 'Leeds United', 1, 2, { replay: true }),
      ], { decision: { kind: 'replay_ordered', reason: 'UEFA ordered a play-off in Barcelona after Stuttgart fielded a fourth foreign player' } }),
      'two-legs-away-goals-incl-et-penalties', 'DECIDED',
    ],
  ])('accepted: %s', (_, tie, ruleSetId, status) => {
    const check = checkRecordedTie(tie);
    expect(check.problems).toEqual([]);
    expect(check.contradictions).toEqual([]);
    expect(check.ruleSet?.id).toBe(ruleSetId);
    expect(check.outcome?.status).toBe(status);
  });

  test('Stuttgart v Leeds, with the ordered replay recorded, is decided by the REPLAY, won by Leeds', () => {
    const tie = recorded('European Cup', '1992-93', 'First round', [
      leg('1992-09-16', 'VfB Stuttgart', 'Leeds United', 3, 0),
      leg('1992-09-30', 'Leeds United', 'VfB Stuttgart', 3, 0, { awarded: true, method_note: 'awarded 3-0 (played 4-1)' }),
      leg('1992-10-09', 'VfB Stuttgart', 'Leeds United', 1, 2, { replay: true }),
    ], { decision: { kind: 'replay_ordered', reason: 'Stuttgart fielded a fourth foreign player' } });
    expect(checkRecordedTie(tie).outcome).toMatchObject({
      winner: { name: 'Leeds United' },
      decidedBy: 'REPLAY',
      explanation: 'A replay was ordered (Stuttgart fielded a fourth foreign player); Leeds United win it 2-1 (the second leg awarded 3-0 to Leeds United: awarded 3-0 (played 4-1)).',
    });
  });

  test.each([
    [
      'a 2019-20 Lisbon quarter-final written as two legs does not fit its single-match rule set',
      recorded('UEFA Champions League', '2019-20', 'Quarter-finals', [leg('2020-08-12', 'Atalanta', 'Paris Saint-Germain', 1, 2), leg('2020-08-19', 'Paris Saint-Germain', 'Atalanta', 0, 0)]),
      { field: 'legs', message: 'rule set single-match-neutral-et-penalties does not fit the legs: it expects one match, the facts have 2 regular matches' },
    ],
    [
      'a 2019-20 quarter-final stated as two legs is refused by the catalogue',
      recorded('UEFA Champions League', '2019-20', 'Quarter-finals', [leg('2020-08-12', 'Atalanta', 'Paris Saint-Germain', 1, 2)], { format: 'two_legs' }),
      { field: 'format', message: expect.stringContaining('stated to be two legs, but UEFA Champions League 2019-20 "Quarter-finals" was a single match') },
    ],
    [
      'Inter 2-0 Getafe without a stated format is one match where the round was two-legged: never a silent IN_PROGRESS',
      recorded('UEFA Europa League', '2019-20', 'Round of 16', [leg('2020-08-05', 'Inter', 'Getafe', 2, 0)]),
      { field: 'legs', message: expect.stringContaining('one match, but UEFA Europa League 2019-20 "Round of 16" was played over two legs (rule set two-legs-away-goals-incl-et-penalties); if the tie is in progress, list the second leg with "played": false') },
    ],
    [
      'Villarreal v Manchester United, 2021 final, with the shoot-out counted into the score after extra time (12-11, pens 11-10)',
      recorded('UEFA Europa League', '2020-21', 'Final', [leg('2021-05-26', 'Villarreal', 'Manchester United', 1, 1, { hET: 12, aET: 11, pens: [11, 10] })]),
      { field: 'legs[0].hET', message: 'the score after extra time 12-11 seems to include the shoot-out 11-10 (as football-data.org counts it): 12-11 minus 11-10 is 1-1, which leaves the tie level for the shoot-out; write hET/aET without the shoot-out goals' },
    ],
    [
      'Liverpool v AC Milan, 2005 final, written 3-3 with the shoot-out 3-2 but no score after extra time',
      recorded('UEFA Champions League', '2004-05', 'Final', [leg('2005-05-25', 'AC Milan', 'Liverpool', 3, 3, { pens: [2, 3] })]),
      { field: 'legs[0].hET', message: 'a shoot-out (2-3) is recorded, but under rule set final-et-penalties it follows extra time, and the score after extra time is missing: give hET/aET (the 90-minute score again if extra time changed nothing)' },
    ],
    [
      'Atletico Madrid v PSV, 2015-16 round of 16, the second leg 0-0 with the shoot-out 8-7 but no extra time',
      recorded('UEFA Champions League', '2015-16', 'Round of 16', [leg('2016-02-24', 'PSV Eindhoven', 'Atletico Madrid', 0, 0), leg('2016-03-15', 'Atletico Madrid', 'PSV Eindhoven', 0, 0, { pens: [8, 7] })]),
      { field: 'legs[1].hET', message: expect.stringContaining('a shoot-out (8-7) is recorded, but under rule set two-legs-away-goals-incl-et-penalties it follows extra time') },
    ],
    [
      'a winner recorded while the second leg is still to be played (Dortmund v Paris Saint-Germain, March 2020)',
      recorded('UEFA Champions League', '2019-20', 'Round of 16', [leg('2020-02-18', 'Borussia Dortmund', 'Paris Saint-Germain', 2, 1), { date: '2020-03-11', home: 'Paris Saint-Germain', away: 'Borussia Dortmund', played: false }], { winner: 'Paris Saint-Germain' }),
      { field: 'winner', message: '"Paris Saint-Germain" is recorded as going through, but the tie is not finished (legs[1] is not played yet): leave "winner" out until it is, or record how it was settled in "decision"' },
    ],
  ])('refused: %s', (_, tie, problem) => {
    expect(checkRecordedTie(tie).problems).toEqual([problem]);
  });

  test.each([
    [
      'extra time after a decided 90 minutes (Wisla Krakow v Panathinaikos 2005-06, as the 1955-2016 file has it)',
      recorded('UEFA Champions League', '2005-06', 'Third qualifying round', [leg('2005-08-09', 'Wisla Krakow', 'Panathinaikos', 3, 1), leg('2005-08-23', 'Panathinaikos', 'Wisla Krakow', 4, 1, { hET: 4, aET: 1 })]),
      { kind: 'extraTime', legIndex: 1, field: 'legs[1].hET', message: expect.stringContaining('the aggregate was not level after 90 minutes') },
    ],
    [
      'a shoot-out after a decided extra time that is not a folded score (constructed on the 2017 final)',
      recorded('UEFA Champions League', '2016-17', 'Final', [leg('2017-06-03', 'Juventus', 'Real Madrid', 1, 1, { hET: 1, aET: 2, pens: [3, 4] })]),
      { kind: 'shootOut', legIndex: 0, field: 'legs[0].pens', message: expect.stringContaining('extra time decided it') },
    ],
    [
      'extra time recorded for a first leg (constructed on Paris Saint-Germain v Barcelona 2016-17)',
      recorded('UEFA Champions League', '2016-17', 'Round of 16', [leg('2017-02-14', 'Paris Saint-Germain', 'Barcelona', 4, 0, { hET: 4, aET: 0 }), leg('2017-03-08', 'Barcelona', 'Paris Saint-Germain', 6, 1)]),
      { kind: 'extraTime', legIndex: 0, field: 'legs[0].hET', message: expect.stringContaining('a first leg has none') },
    ],
    [
      'a coin toss recorded for a tie the shoot-out settled (constructed on Atletico Madrid v PSV, 2015-16 round of 16, 8-7 on penalties)',
      recorded('UEFA Champions League', '2015-16', 'Round of 16', [leg('2016-02-24', 'PSV Eindhoven', 'Atletico Madrid', 0, 0), leg('2016-03-15', 'Atletico Madrid', 'PSV Eindhoven', 0, 0, { hET: 0, aET: 0, pens: [8, 7] })], {
        decision: { kind: 'coin_toss', winner: 'PSV Eindhoven', reason: 'constructed' },
      }),
      { kind: 'coinToss', legIndex: null, field: 'decision', message: 'a coin toss is recorded, but under rule set two-legs-away-goals-incl-et-penalties the tie was settled by the shoot-out' },
    ],
  ])('kept with a contradiction: %s', (_, tie, contradiction) => {
    const check = checkRecordedTie(tie);
    expect(check.problems).toEqual([]);
    expect(check.contradictions).toEqual([contradiction]);
  });
});
