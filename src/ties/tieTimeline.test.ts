import { describe, expect, test } from 'vitest';
import { ruleSetById } from './ruleSets.ts';
import { TieFactsError } from './tieFacts.ts';
import {
  CL_2022_CITY_REAL,
  CL_2026_AS_IF_EXTRA_TIME,
  CL_2026_DORTMUND_ATALANTA,
  club,
  EL_2018_DORTMUND_ATALANTA,
  goal,
  match,
  tie,
  unplayed,
} from './tieFixtures.ts';
import { tieTimeline, type TimelineEntry } from './tieTimeline.ts';

const MODERN = ruleSetById('two-legs-away-goals-incl-et-penalties');
const NO_AWAY_GOALS = ruleSetById('two-legs-et-penalties');

/** One line per entry: "leg minute | standing", for tables that read like a match report. */
function lines(entries: readonly TimelineEntry[]): string[] {
  return entries.map((e) => {
    const when = e.kind === 'goal' ? (e.minute === null ? '?' : `${e.minute}${e.addedTime ? `+${e.addedTime}` : ''}'`) : e.kind;
    return `leg ${e.legIndex + 1} ${when} | ${e.standing.description}`;
  });
}

describe('tieTimeline', () => {
  test.each([
    [
      'Dortmund v Atalanta 2017-18: at 1-0 to Atalanta in the second leg, Atalanta are ahead on away goals',
      EL_2018_DORTMUND_ATALANTA,
      MODERN,
      [
        "leg 1 30' | Borussia Dortmund ahead on aggregate 1-0",
        "leg 1 51' | Atalanta ahead on away goals (1-0), level 1-1 on aggregate",
        "leg 1 56' | Atalanta ahead on aggregate 2-1",
        "leg 1 65' | Atalanta ahead on away goals (2-0), level 2-2 on aggregate",
        "leg 1 90+1' | Borussia Dortmund ahead on aggregate 3-2",
        'leg 1 matchEnd | Borussia Dortmund ahead on aggregate 3-2',
        "leg 2 11' | Atalanta ahead on away goals (2-0), level 3-3 on aggregate",
        "leg 2 83' | Borussia Dortmund ahead on aggregate 4-3",
        'leg 2 matchEnd | Borussia Dortmund ahead on aggregate 4-3',
      ],
    ],
    [
      'Dortmund v Atalanta 2025-26: without away goals, 3-3 after Adeyemi means extra time would follow',
      CL_2026_DORTMUND_ATALANTA,
      NO_AWAY_GOALS,
      [
        'leg 1 ? | Borussia Dortmund ahead on aggregate 1-0',
        'leg 1 ? | Borussia Dortmund ahead on aggregate 2-0',
        'leg 1 matchEnd | Borussia Dortmund ahead on aggregate 2-0',
        "leg 2 5' | Borussia Dortmund ahead on aggregate 2-1",
        "leg 2 45' | Level 2-2 on aggregate: extra time would follow",
        "leg 2 57' | Atalanta ahead on aggregate 3-2",
        "leg 2 75' | Level 3-3 on aggregate: extra time would follow",
        "leg 2 90+8' | Atalanta ahead on aggregate 4-3",
        'leg 2 matchEnd | Atalanta ahead on aggregate 4-3',
      ],
    ],
    [
      'the same goals under the old away-goals rule: at 3-3 Dortmund are ahead on away goals',
      CL_2026_DORTMUND_ATALANTA,
      MODERN,
      [
        'leg 1 ? | Borussia Dortmund ahead on aggregate 1-0',
        'leg 1 ? | Borussia Dortmund ahead on aggregate 2-0',
        'leg 1 matchEnd | Borussia Dortmund ahead on aggregate 2-0',
        "leg 2 5' | Borussia Dortmund ahead on aggregate 2-1",
        "leg 2 45' | Level 2-2 on aggregate: extra time would follow",
        "leg 2 57' | Atalanta ahead on aggregate 3-2",
        "leg 2 75' | Borussia Dortmund ahead on away goals (1-0), level 3-3 on aggregate",
        "leg 2 90+8' | Atalanta ahead on aggregate 4-3",
        'leg 2 matchEnd | Atalanta ahead on aggregate 4-3',
      ],
    ],
    [
      'Manchester City v Real Madrid 2021-22: Rodrygo makes it level, Benzema wins it in extra time',
      CL_2022_CITY_REAL,
      NO_AWAY_GOALS,
      [
        "leg 1 2' | Manchester City ahead on aggregate 1-0",
        "leg 1 11' | Manchester City ahead on aggregate 2-0",
        "leg 1 33' | Manchester City ahead on aggregate 2-1",
        "leg 1 53' | Manchester City ahead on aggregate 3-1",
        "leg 1 55' | Manchester City ahead on aggregate 3-2",
        "leg 1 74' | Manchester City ahead on aggregate 4-2",
        "leg 1 82' | Manchester City ahead on aggregate 4-3",
        'leg 1 matchEnd | Manchester City ahead on aggregate 4-3',
        "leg 2 73' | Manchester City ahead on aggregate 5-3",
        "leg 2 90' | Manchester City ahead on aggregate 5-4",
        "leg 2 90+1' | Level 5-5 on aggregate: extra time would follow",
        "leg 2 95' | Real Madrid ahead on aggregate 6-5 in extra time",
        'leg 2 matchEnd | Real Madrid ahead on aggregate 6-5 in extra time',
      ],
    ],
    [
      'the same tie under the old rule: Rodrygo\'s second goal puts Real Madrid through on away goals and extra time never comes',
      CL_2022_CITY_REAL,
      MODERN,
      [
        "leg 1 2' | Manchester City ahead on aggregate 1-0",
        "leg 1 11' | Manchester City ahead on aggregate 2-0",
        "leg 1 33' | Manchester City ahead on aggregate 2-1",
        "leg 1 53' | Manchester City ahead on aggregate 3-1",
        "leg 1 55' | Manchester City ahead on aggregate 3-2",
        "leg 1 74' | Manchester City ahead on aggregate 4-2",
        "leg 1 82' | Manchester City ahead on aggregate 4-3",
        'leg 1 matchEnd | Manchester City ahead on aggregate 4-3',
        "leg 2 73' | Manchester City ahead on aggregate 5-3",
        "leg 2 90' | Manchester City ahead on aggregate 5-4",
        "leg 2 90+1' | Real Madrid ahead on away goals (3-1), level 5-5 on aggregate",
        "leg 2 95' | Real Madrid ahead on away goals (3-1), level 5-5 on aggregate",
        'leg 2 matchEnd | Real Madrid ahead on away goals (3-1), level 5-5 on aggregate',
      ],
    ],
    [
      'a shoot-out ends the timeline with its own entry (Everton v Gladbach, 1970-71)',
      tie([club('bmg', 'Borussia Monchengladbach'), club('eve', 'Everton')], [match('bmg', 'eve', '1-1'), match('eve', 'bmg', '1-1', { aet: '1-1', pens: '4-3' })]),
      MODERN,
      [
        'leg 1 matchEnd | Everton ahead on away goals (1-0), level 1-1 on aggregate',
        'leg 2 matchEnd | Level 2-2 on aggregate after extra time: penalties would follow',
        'leg 2 shootOut | Everton win the shoot-out 4-3',
      ],
    ],
    [
      'a recorded coin toss ends the timeline with a recorded-decision entry (Celtic v Benfica, 1969-70)',
      tie(
        [club('cel', 'Celtic'), club('ben', 'SL Benfica')],
        [match('cel', 'ben', '3-0'), match('ben', 'cel', '3-0', { aet: '3-0' })],
        [{ kind: 'coinToss', winner: 'cel' }],
      ),
      ruleSetById('two-legs-away-goals-et-coin-toss'),
      [
        'leg 1 matchEnd | Celtic ahead on aggregate 3-0',
        'leg 2 matchEnd | Level 3-3 on aggregate after extra time: a coin toss would follow',
        'leg 2 recordedDecision | Level 3-3 on aggregate after extra time; Celtic go through on a coin toss',
      ],
    ],
    [
      'before a play-off the timeline says a replay would follow, then follows the replay',
      tie(
        [club('eb', 'Eintracht Braunschweig'), club('juv', 'Juventus')],
        [match('eb', 'juv', '3-2'), match('juv', 'eb', '1-0'), match('juv', 'eb', '1-0', { replay: true, goals: [goal(1, 'juv', 60)] })],
      ),
      ruleSetById('two-legs-replay-then-coin-toss'),
      [
        'leg 1 matchEnd | Eintracht Braunschweig ahead on aggregate 3-2',
        'leg 2 matchEnd | Level 3-3 on aggregate: a replay would follow',
        "leg 3 60' | Juventus ahead in the replay",
        'leg 3 matchEnd | Juventus ahead in the replay',
      ],
    ],
    [
      'an unplayed second leg leaves the timeline after the first leg',
      tie([club('a', 'Club A'), club('b', 'Club B')], [match('a', 'b', '0-1', { goals: [goal(1, 'b', 12)] }), unplayed('b', 'a')]),
      MODERN,
      ["leg 1 12' | Club B ahead on aggregate 1-0", 'leg 1 matchEnd | Club B ahead on aggregate 1-0'],
    ],
  ])('%s', (_, facts, rules, expected) => {
    expect(lines(tieTimeline(facts, rules))).toEqual(expected);
  });

  test('entries carry minute, period, scorer, scores and sequence', () => {
    const [first, , , , fifth] = tieTimeline(EL_2018_DORTMUND_ATALANTA, MODERN);
    expect(first).toMatchObject({
      kind: 'goal',
      sequence: 1,
      legIndex: 0,
      order: 1,
      minute: 30,
      addedTime: null,
      minuteKnown: true,
      period: 'firstHalf',
      scorer: { name: 'André Schürrle' },
      club: { id: 'bvb' },
      matchScore: { home: { club: { id: 'bvb' }, goals: 1 }, away: { club: { id: 'ata' }, goals: 0 } },
      aggregate: [{ goals: 1 }, { goals: 0 }],
      countsUnderRules: true,
    });
    expect(fifth).toMatchObject({ minute: 90, addedTime: 1, period: 'secondHalf', sequence: 5 });
  });

  test('goals without a minute keep their order, say minuteKnown: false and take the period from the score', () => {
    const [guirassy, beier] = tieTimeline(CL_2026_DORTMUND_ATALANTA, NO_AWAY_GOALS);
    expect(guirassy).toMatchObject({ kind: 'goal', order: 1, minute: null, minuteKnown: false, period: 'normalTime', scorer: { name: 'Serhou Guirassy' } });
    expect(beier).toMatchObject({ kind: 'goal', order: 2, minuteKnown: false, scorer: { name: 'Maximilian Beier' } });
  });

  test.each([
    ['Atalanta go ahead on away goals at Iličić\'s first goal: the lead flips from Dortmund', EL_2018_DORTMUND_ATALANTA, MODERN, 1, { leaderChanged: true, leaderFlipped: true }],
    ['Iličić\'s second goal keeps Atalanta in front: nothing changes', EL_2018_DORTMUND_ATALANTA, MODERN, 2, { leaderChanged: false, leaderFlipped: false }],
    ['Zappacosta levels the 2025-26 tie: the leader changes to nobody, no flip', CL_2026_DORTMUND_ATALANTA, NO_AWAY_GOALS, 4, { leaderChanged: true, leaderFlipped: false }],
    ['under the old rule Adeyemi\'s goal flips the tie to Dortmund on away goals', CL_2026_DORTMUND_ATALANTA, MODERN, 6, { leaderChanged: true, leaderFlipped: true }],
  ] as const)('%s', (_, facts, rules, index, expected) => {
    expect(tieTimeline(facts, rules)[index]).toMatchObject(expected);
  });

  test('a goal in extra time the old rules would never have played is marked as not counting', () => {
    const benzema = tieTimeline(CL_2022_CITY_REAL, MODERN).find((e) => e.kind === 'goal' && e.minute === 95);
    expect(benzema).toMatchObject({ period: 'extraTime', countsUnderRules: false, aggregate: [{ goals: 5 }, { goals: 5 }] });
    const underRealRules = tieTimeline(CL_2022_CITY_REAL, NO_AWAY_GOALS).find((e) => e.kind === 'goal' && e.minute === 95);
    expect(underRealRules).toMatchObject({ period: 'extraTime', countsUnderRules: true, aggregate: [{ goals: 5 }, { goals: 6 }] });
  });

  test('the extra-time goal of the constructed 2025-26 variant is placed in extra time from its minute', () => {
    const last = tieTimeline(CL_2026_AS_IF_EXTRA_TIME, NO_AWAY_GOALS).filter((e) => e.kind === 'goal').at(-1);
    expect(last).toMatchObject({ minute: 98, period: 'extraTime', standing: { basis: 'EXTRA_TIME', description: 'Atalanta ahead on aggregate 4-3 in extra time' } });
  });

  test('goals without minutes in a match that went to extra time take their period from the score after 90 minutes', () => {
    const facts = tie(
      [club('a', 'Club A'), club('b', 'Club B')],
      [match('a', 'b', '1-0'), match('b', 'a', '1-0', { aet: '2-0', goals: [goal(1, 'b', null), goal(2, 'b', null)] })],
    );
    const goals = tieTimeline(facts, MODERN).filter((e) => e.kind === 'goal');
    expect(goals.map((g) => (g.kind === 'goal' ? g.period : null))).toEqual(['normalTime', 'extraTime']);
    expect(goals.map((g) => g.standing.description)).toEqual(['Level 1-1 on aggregate: extra time would follow', 'Club B ahead on aggregate 2-1 in extra time']);
  });

  test.each([
    ['more goals than the score', [goal(1, 'a', 10), goal(2, 'a', 20)], '1-0', /2-0 goals listed, but the match ended 1-0/],
    ['orders with a gap', [goal(1, 'a', 10), goal(3, 'a', 20)], '2-0', /orders must be 1\.\.2/],
    ['minutes that run backwards', [goal(1, 'a', 50), goal(2, 'a', 20)], '2-0', /order 2 \(20'\) comes before order 1 \(50'\) on the clock/],
    ['a goal for a club that did not play', [goal(1, 'z', 10)], '1-0', /club "z" did not play this match/],
  ])('rejects %s', (_, goals, ft, message) => {
    const facts = tie([club('a', 'Club A'), club('b', 'Club B')], [match('a', 'b', ft, { goals })]);
    expect(() => tieTimeline(facts, MODERN)).toThrow(TieFactsError);
    expect(() => tieTimeline(facts, MODERN)).toThrow(message);
  });

  test.each([
    ['an empty goal list for a 2-0 (the seeds\' way of saying "not known")', []],
    ['a list with only some of the goals', [goal(1, 'a', 10)]],
  ])('%s gives only the end-of-match entry', (_, goals) => {
    const facts = tie([club('a', 'Club A'), club('b', 'Club B')], [match('a', 'b', '2-0', { goals })]);
    expect(tieTimeline(facts, MODERN)).toMatchObject([{ kind: 'matchEnd', goalsKnown: false, matchScore: { home: { goals: 2 }, away: { goals: 0 } } }]);
  });

  test('an awarded match shows its awarded score, not the goals scored before it was abandoned', () => {
    const facts = tie(
      [club('acm', 'AC Milan'), club('om', 'Olympique Marseille')],
      [match('acm', 'om', '1-1'), match('om', 'acm', '3-0', { awarded: { to: 'om', reason: 'walkover' }, goals: [goal(1, 'om', 75, 'Chris Waddle')] })],
    );
    expect(lines(tieTimeline(facts, MODERN))).toEqual([
      'leg 1 matchEnd | Olympique Marseille ahead on away goals (1-0), level 1-1 on aggregate',
      'leg 2 matchEnd | Olympique Marseille ahead on aggregate 4-1',
    ]);
  });

  test('rejects an extra-time minute that the score after 90 minutes puts in normal time', () => {
    const facts = tie(
      [club('a', 'Club A'), club('b', 'Club B')],
      [match('a', 'b', '1-0'), match('b', 'a', '1-0', { aet: '2-0', goals: [goal(1, 'b', 95), goal(2, 'b', 100)] })],
    );
    expect(() => tieTimeline(facts, MODERN)).toThrow(/is in extra time, but the score after 90 minutes puts it in normal time/);
  });
});
