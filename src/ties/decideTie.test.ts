import { describe, expect, test } from 'vitest';
import { decideTie } from './decideTie.ts';
import { findRuleSet, ruleSetById } from './ruleSets.ts';
import { TieFactsError, type TieFacts } from './tieFacts.ts';
import {
  CL_2022_CITY_REAL,
  CL_2026_AS_IF_EXTRA_TIME,
  CL_2026_DORTMUND_ATALANTA,
  club,
  EL_2018_DORTMUND_ATALANTA,
  match,
  tie,
  unplayed,
} from './tieFixtures.ts';

const A = club('a', 'Club A');
const B = club('b', 'Club B');
const ab = (legs: Parameters<typeof tie>[1], recorded: Parameters<typeof tie>[2] = []) => tie([A, B], legs, recorded);

// Rule sets by era, as the catalogue hands them out.
const MODERN = 'two-legs-away-goals-incl-et-penalties';
const NO_AWAY_GOALS = 'two-legs-et-penalties';
const EARLY_REPLAY = 'two-legs-replay-then-coin-toss';
const COIN_TOSS_ERA = 'two-legs-away-goals-et-coin-toss';
const AWAY_GOALS_90_ONLY = 'two-legs-away-goals-et-replay-then-coin-toss';
const FINAL = 'final-et-penalties';
const FINAL_REPLAY = 'final-et-replay-then-penalties';

interface Row {
  readonly facts: TieFacts;
  readonly rules: string;
  readonly expected: Record<string, unknown>;
}

const rows: Record<string, Row> = {
  // --- real ties ------------------------------------------------------------------------------------
  'Dortmund beat Atalanta 4-3 on aggregate in the 2017-18 Europa League round of 32': {
    facts: EL_2018_DORTMUND_ATALANTA,
    rules: findRuleSet('UEFA Europa League', '2017-18', 'Round of 32').id,
    expected: {
      kind: 'decided',
      status: 'DECIDED',
      winner: { id: 'bvb' },
      loser: { id: 'ata' },
      decidedBy: 'AGGREGATE',
      explanation: 'Borussia Dortmund win 4-3 on aggregate.',
      awayGoals: [{ goals: 1 }, { goals: 2 }],
      extraTimePlayed: false,
    },
  },
  'Atalanta beat Dortmund 4-3 on aggregate in normal time in the 2025-26 Champions League knockout play-off': {
    facts: CL_2026_DORTMUND_ATALANTA,
    rules: findRuleSet('UEFA Champions League', '2025-26', 'Knockout round play-offs').id,
    expected: { winner: { id: 'ata' }, decidedBy: 'AGGREGATE', explanation: 'Atalanta win 4-3 on aggregate.', awayGoals: null },
  },
  'without away goals, 3-3 after 90 minutes goes to extra time: Atalanta 4-3 after extra time (constructed)': {
    facts: CL_2026_AS_IF_EXTRA_TIME,
    rules: NO_AWAY_GOALS,
    expected: { winner: { id: 'ata' }, decidedBy: 'EXTRA_TIME', explanation: 'Atalanta win 4-3 on aggregate after extra time.', extraTimePlayed: true },
  },
  'under the old rule the same 3-3 would have put Dortmund through on away goals (constructed)': {
    facts: CL_2026_AS_IF_EXTRA_TIME,
    rules: MODERN,
    expected: { winner: { id: 'bvb' }, decidedBy: 'AWAY_GOALS', explanation: 'Level 3-3 on aggregate; Borussia Dortmund go through on away goals (1-0).' },
  },
  'Real Madrid beat Manchester City 6-5 on aggregate after extra time in the 2021-22 semi-final': {
    facts: CL_2022_CITY_REAL,
    rules: findRuleSet('Champions League', '2021-22', 'Semi-finals').id,
    expected: {
      winner: { id: 'rma' },
      decidedBy: 'EXTRA_TIME',
      explanation: 'Real Madrid win 6-5 on aggregate after extra time.',
      aggregate: [{ goals: 5 }, { goals: 6 }],
      extraTimePlayed: true,
      notes: [],
    },
  },
  'under the pre-2021-22 rule Real Madrid would have gone through on away goals (3-1) without extra time': {
    facts: CL_2022_CITY_REAL,
    rules: MODERN,
    expected: {
      winner: { id: 'rma' },
      decidedBy: 'AWAY_GOALS',
      explanation: 'Level 5-5 on aggregate; Real Madrid go through on away goals (3-1).',
      aggregate: [{ goals: 5 }, { goals: 5 }],
      awayGoals: [{ goals: 1 }, { goals: 3 }],
      extraTimePlayed: false,
      notes: [expect.stringContaining('extra time is recorded for the second leg')],
    },
  },
  'away goals counted in extra time put Paris Saint-Germain through against Chelsea in 2014-15': {
    facts: tie([club('psg', 'Paris Saint-Germain'), club('che', 'Chelsea')], [match('psg', 'che', '1-1'), match('che', 'psg', '1-1', { aet: '2-2' })]),
    rules: findRuleSet('Champions League', '2014-15', 'R16').id,
    expected: {
      winner: { id: 'psg' },
      decidedBy: 'AWAY_GOALS_AFTER_EXTRA_TIME',
      explanation: 'Level 3-3 on aggregate after extra time; Paris Saint-Germain go through on away goals (2-1).',
    },
  },
  'Everton won the first European Cup shoot-out, against Borussia Moenchengladbach in 1970-71': {
    facts: tie([club('bmg', 'Borussia Monchengladbach'), club('eve', 'Everton')], [match('bmg', 'eve', '1-1'), match('eve', 'bmg', '1-1', { aet: '1-1', pens: '4-3' })]),
    rules: findRuleSet('European Cup', '1970-71', 'R16').id,
    expected: { winner: { id: 'eve' }, decidedBy: 'PENALTIES', explanation: 'Everton win 4-3 on penalties after a 2-2 aggregate draw.', shootOut: [{ goals: 3 }, { goals: 4 }] },
  },
  'Celtic went through against Benfica on a recorded coin toss in 1969-70': {
    facts: tie(
      [club('cel', 'Celtic'), club('ben', 'SL Benfica')],
      [match('cel', 'ben', '3-0'), match('ben', 'cel', '3-0', { aet: '3-0' })],
      [{ kind: 'coinToss', winner: 'cel' }],
    ),
    rules: findRuleSet('European Cup', '1969-70', 'R16').id,
    expected: { winner: { id: 'cel' }, decidedBy: 'COIN_TOSS', explanation: 'Level 3-3 on aggregate after extra time; Celtic go through on a coin toss.' },
  },
  'FC Zurich went through against Galatasaray on a coin toss after a level play-off in 1963-64': {
    facts: tie(
      [club('zur', 'FC Zurich'), club('gal', 'Galatasaray')],
      [match('zur', 'gal', '2-0'), match('gal', 'zur', '2-0'), match('zur', 'gal', '1-1', { aet: '2-2', replay: true })],
      [{ kind: 'coinToss', winner: 'zur' }],
    ),
    rules: findRuleSet('European Cup', '1963-64', 'R16').id,
    expected: { winner: { id: 'zur' }, decidedBy: 'COIN_TOSS', decidingLeg: 2, explanation: 'Level 2-2 in the replay after extra time; FC Zurich go through on a coin toss.' },
  },
  'Juventus won a play-off against Braunschweig in 1967-68 although they had more away goals: no away goals in that round': {
    facts: tie(
      [club('eb', 'Eintracht Braunschweig'), club('juv', 'Juventus')],
      [match('eb', 'juv', '3-2'), match('juv', 'eb', '1-0'), match('juv', 'eb', '1-0', { replay: true })],
    ),
    rules: findRuleSet('European Cup', '1967-68', 'Quarter-finals').id,
    expected: { winner: { id: 'juv' }, decidedBy: 'REPLAY', explanation: 'Juventus win the replay 1-0, after a 3-3 aggregate draw.', awayGoals: null },
  },
  'Ajax won their 1968-69 play-off against Benfica in extra time': {
    facts: tie(
      [club('ajx', 'AFC Ajax'), club('ben', 'SL Benfica')],
      [match('ajx', 'ben', '1-3'), match('ben', 'ajx', '1-3'), match('ajx', 'ben', '0-0', { aet: '3-0', replay: true })],
    ),
    rules: findRuleSet('European Cup', '1968-69', 'Quarter-finals').id,
    expected: { winner: { id: 'ajx' }, decidedBy: 'REPLAY', extraTimePlayed: true, explanation: 'AFC Ajax win the replay 3-0 after extra time, after a 4-4 aggregate draw.' },
  },
  'Eintracht Frankfurt won the two-legged 1979-80 UEFA Cup final on away goals': {
    facts: tie([club('bmg', 'Borussia Mönchengladbach'), club('sge', 'Eintracht Frankfurt')], [match('bmg', 'sge', '3-2'), match('sge', 'bmg', '1-0')]),
    rules: findRuleSet('UEFA Cup', '1979-80', 'Final').id,
    expected: { winner: { id: 'sge' }, decidedBy: 'AWAY_GOALS', explanation: 'Level 3-3 on aggregate; Eintracht Frankfurt go through on away goals (2-0).' },
  },
  'Schalke won the 1997 UEFA Cup final on penalties when the source gives only the score after extra time': {
    facts: tie([club('s04', 'FC Schalke 04'), club('int', 'Inter Mailand')], [match('s04', 'int', '1-0'), match('int', 's04', null, { aet: '1-0', pens: '1-4' })]),
    rules: findRuleSet('UEFA Cup', '1996-97', 'Final').id,
    expected: {
      winner: { id: 's04' },
      decidedBy: 'PENALTIES',
      explanation: 'FC Schalke 04 win 4-1 on penalties after a 1-1 aggregate draw.',
      notes: [expect.stringContaining('not recorded; extra time was played')],
    },
  },
  'Liverpool won the 2005 final on penalties after a 3-3 draw': {
    facts: tie([club('liv', 'Liverpool'), club('acm', 'AC Milan')], [match('liv', 'acm', '3-3', { aet: '3-3', pens: '3-2' })]),
    rules: findRuleSet('Champions League', '2004-05', 'Final').id,
    expected: { winner: { id: 'liv' }, decidedBy: 'PENALTIES', explanation: 'Liverpool win 3-2 on penalties after a 3-3 draw.' },
  },
  'Liverpool won the 2001 UEFA Cup final with a golden goal': {
    facts: tie([club('liv', 'FC Liverpool'), club('ala', 'Deportivo Alavés')], [match('liv', 'ala', null, { aet: '5-4' })]),
    rules: findRuleSet('UEFA Cup', '2000-01', 'Final').id,
    expected: { winner: { id: 'liv' }, decidedBy: 'EXTRA_TIME', explanation: 'FC Liverpool win 5-4 with a golden goal in extra time.' },
  },
  'Porto won the 2003 UEFA Cup final after extra time under the silver goal': {
    facts: tie([club('fcp', 'FC Porto'), club('cel', 'Celtic Glasgow')], [match('fcp', 'cel', '2-2', { aet: '3-2' })]),
    rules: findRuleSet('UEFA Cup', '2002-03', 'Final').id,
    expected: { winner: { id: 'fcp' }, decidedBy: 'EXTRA_TIME', explanation: 'FC Porto win 3-2 after extra time (silver goal).' },
  },
  'a final won in normal time is REGULAR_TIME': {
    facts: tie([club('rma', 'Real Madrid'), club('val', 'Valencia CF')], [match('rma', 'val', '3-0')]),
    rules: findRuleSet('Champions League', '1999-00', 'Final').id,
    expected: { winner: { id: 'rma' }, decidedBy: 'REGULAR_TIME', explanation: 'Real Madrid win 3-0.', awayGoals: null },
  },
  'Bayern won the replayed 1974 final 4-0; the source omits the extra time of the first match, the replay shows it ended level': {
    facts: tie([club('fcb', 'Bayern Munich'), club('atm', 'Atletico Madrid')], [match('fcb', 'atm', '1-1'), match('fcb', 'atm', '4-0', { replay: true })]),
    rules: findRuleSet('European Cup', '1973-74', 'Final').id,
    expected: {
      winner: { id: 'fcb' },
      decidedBy: 'REPLAY',
      explanation: 'Bayern Munich win the replay 4-0, after a 1-1 draw.',
      notes: [expect.stringContaining('extra time of the match is not recorded')],
    },
  },
  'Chelsea won the replayed 1971 Cup Winners\' Cup final': {
    facts: tie([club('che', 'FC Chelsea'), club('rma', 'Real Madrid')], [match('che', 'rma', null, { aet: '1-1' }), match('che', 'rma', '2-1', { replay: true })]),
    rules: findRuleSet("UEFA Cup Winners' Cup", '1970-71', 'Final').id,
    expected: { winner: { id: 'che' }, decidedBy: 'REPLAY', explanation: 'FC Chelsea win the replay 2-1, after a 1-1 draw.' },
  },
  'a second leg awarded as a walkover counts with its awarded score (Marseille v Milan, 1990-91)': {
    facts: tie(
      [club('acm', 'AC Milan'), club('om', 'Olympique Marseille')],
      [match('acm', 'om', '1-1'), match('om', 'acm', '3-0', { awarded: { to: 'om', reason: 'walkover' } })],
    ),
    rules: findRuleSet('European Cup', '1990-91', 'Quarter-finals').id,
    expected: {
      winner: { id: 'om' },
      decidedBy: 'AGGREGATE',
      explanation: 'Olympique Marseille win 4-1 on aggregate (the second leg awarded 3-0 to Olympique Marseille: walkover).',
    },
  },
  'Leeds v Stuttgart 1992-93 as the results file has it: a replay the rules do not provide for, with no recorded reason, decides nothing': {
    facts: tie(
      [club('vfb', 'VfB Stuttgart'), club('lee', 'Leeds United')],
      [match('vfb', 'lee', '3-0'), match('lee', 'vfb', '4-1'), match('vfb', 'lee', '1-2', { replay: true })],
    ),
    rules: findRuleSet('European Cup', '1992-93', 'First round').id,
    expected: {
      kind: 'undetermined',
      status: 'IN_PROGRESS',
      winner: null,
      missing: { kind: 'replayReason', legIndex: 2 },
      explanation: expect.stringContaining('VfB Stuttgart go through on away goals (1-0)'),
    },
  },
  'Leeds v Stuttgart 1992-93 with the recorded facts: second leg awarded 3-0 to Leeds, play-off ordered by UEFA, Leeds win it 2-1': {
    facts: tie(
      [club('vfb', 'VfB Stuttgart'), club('lee', 'Leeds United')],
      [
        match('vfb', 'lee', '3-0'),
        match('lee', 'vfb', '3-0', { awarded: { to: 'lee', reason: 'Stuttgart fielded a fourth foreign player' } }),
        match('vfb', 'lee', '1-2', { replay: true }),
      ],
      [{ kind: 'replayOrdered', reason: 'UEFA annulled the 4-1 second leg, awarded it 3-0 to Leeds and ordered a play-off in Barcelona' }],
    ),
    rules: findRuleSet('European Cup', '1992-93', 'First round').id,
    expected: {
      winner: { id: 'lee' },
      decidedBy: 'REPLAY',
      decidingLeg: 2,
      explanation: expect.stringMatching(/^A replay was ordered \(UEFA annulled .*\); Leeds United win it 2-1 \(the second leg awarded 3-0 to Leeds United/),
    },
  },
  'Copa Libertadores since 2022: no extra time, a level two-legged tie goes straight to penalties': {
    facts: ab([match('a', 'b', '1-0'), match('b', 'a', '1-0', { pens: '5-4' })]),
    rules: findRuleSet('Copa Libertadores', '2025', 'Round of 16').id,
    expected: { winner: { id: 'b' }, decidedBy: 'PENALTIES', extraTimePlayed: false, explanation: 'Club B win 5-4 on penalties after a 1-1 aggregate draw.' },
  },

  // --- every branch, with neutral clubs -----------------------------------------------------------------
  'a tie with no match played has not started': {
    facts: ab([unplayed('a', 'b'), unplayed('b', 'a')]),
    rules: MODERN,
    expected: { kind: 'notStarted', status: 'NOT_STARTED', winner: null, decidedBy: null, next: { match: 'firstLeg', legIndex: 0 }, explanation: 'The tie has not started.' },
  },
  'a tie with no match listed has not started either': {
    facts: ab([]),
    rules: FINAL,
    expected: { kind: 'notStarted', next: { match: 'match', legIndex: null } },
  },
  'after the first leg the club ahead on aggregate leads': {
    facts: ab([match('a', 'b', '2-1'), unplayed('b', 'a')]),
    rules: MODERN,
    expected: { kind: 'inProgress', status: 'IN_PROGRESS', next: { match: 'secondLeg', legIndex: 1 }, leader: { club: { id: 'a' }, by: 'aggregate' }, explanation: "Club A lead 2-1 after the first leg. In the second leg (at Club B's ground), Club B go through with a win by 2 or more, or 1-0; 2-1 means extra time; any other result puts Club A through." },
  },
  'after a level first leg the visitors lead on away goals where the rule is in force': {
    facts: ab([match('a', 'b', '1-1')]),
    rules: MODERN,
    expected: { kind: 'inProgress', next: { match: 'secondLeg', legIndex: null }, leader: { club: { id: 'b' }, by: 'awayGoals' }, explanation: "Level 1-1 after the first leg; Club B ahead on away goals (1-0). In the second leg (at Club B's ground), Club A go through with a win, or a draw scoring 2 or more; 1-1 means extra time; any other result puts Club B through." },
  },
  'after a level first leg nobody leads without away goals': {
    facts: ab([match('a', 'b', '1-1')]),
    rules: NO_AWAY_GOALS,
    expected: { kind: 'inProgress', leader: null, awayGoals: null, explanation: "Level 1-1 after the first leg. In the second leg (at Club B's ground), Club B go through with a win; a draw means extra time; any other result puts Club A through." },
  },
  'level after 90 minutes without a recorded extra time is undetermined, not guessed': {
    facts: ab([match('a', 'b', '1-0'), match('b', 'a', '1-0')]),
    rules: MODERN,
    expected: { kind: 'undetermined', missing: { kind: 'extraTimeScore', legIndex: 1 }, explanation: 'Level 1-1 on aggregate after 90 minutes; extra time follows, but its score is not recorded.' },
  },
  'level after extra time without a recorded shoot-out is undetermined': {
    facts: ab([match('a', 'b', '1-0'), match('b', 'a', '1-0', { aet: '1-0' })]),
    rules: MODERN,
    expected: { kind: 'undetermined', missing: { kind: 'shootOut', legIndex: 1 }, settledBy: 'PENALTIES', explanation: 'Level 1-1 on aggregate after extra time; a penalty shoot-out settles the tie, but its result is not recorded.' },
  },
  'level after extra time under a coin-toss rule without a recorded toss is undetermined': {
    facts: ab([match('a', 'b', '1-0'), match('b', 'a', '1-0', { aet: '1-0' })]),
    rules: COIN_TOSS_ERA,
    expected: { kind: 'undetermined', missing: { kind: 'coinTossWinner' }, settledBy: 'COIN_TOSS', explanation: 'Level 1-1 on aggregate after extra time; a coin toss settled the tie, but its winner is not recorded.' },
  },
  'a shoot-out recorded in the coin-toss era is noted, not used': {
    facts: ab([match('a', 'b', '1-0'), match('b', 'a', '1-0', { aet: '1-0', pens: '4-3' })]),
    rules: COIN_TOSS_ERA,
    expected: { kind: 'undetermined', notes: [expect.stringContaining('settles a level tie by coin toss')] },
  },
  'when away goals count in normal time only, extra-time away goals do not decide: a play-off follows': {
    facts: ab([match('a', 'b', '1-1'), match('b', 'a', '1-1', { aet: '2-2' })]),
    rules: AWAY_GOALS_90_ONLY,
    expected: { kind: 'inProgress', next: { match: 'replay', legIndex: null }, awayGoals: [{ goals: 1 }, { goals: 1 }], explanation: 'Level 3-3 on aggregate after extra time; a replay follows.' },
  },
  'a level aggregate before away goals existed goes to a play-off, not extra time': {
    facts: ab([match('a', 'b', '2-1'), match('b', 'a', '1-0'), unplayed('a', 'b', { replay: true })]),
    rules: EARLY_REPLAY,
    expected: { kind: 'inProgress', next: { match: 'replay', legIndex: 2 }, explanation: 'Level 2-2 on aggregate; a replay follows.' },
  },
  'a play-off level after extra time without a recorded coin toss is undetermined': {
    facts: ab([match('a', 'b', '2-1'), match('b', 'a', '1-0'), match('a', 'b', '1-1', { aet: '1-1', replay: true })]),
    rules: EARLY_REPLAY,
    expected: { kind: 'undetermined', missing: { kind: 'coinTossWinner' }, explanation: 'Level 1-1 in the replay after extra time; a coin toss settled the tie, but its winner is not recorded.' },
  },
  'extra time recorded in the era without it is noted and not counted': {
    facts: ab([match('a', 'b', '2-1'), match('b', 'a', '1-0', { aet: '2-0' }), match('a', 'b', '1-0', { replay: true })]),
    rules: EARLY_REPLAY,
    expected: { winner: { id: 'a' }, decidedBy: 'REPLAY', extraTimePlayed: false, notes: [expect.stringContaining('has none; it is not counted')] },
  },
  'a single match level after 90 with no extra time recorded and no replay is undetermined': {
    facts: ab([match('a', 'b', '1-1')]),
    rules: FINAL_REPLAY,
    expected: { kind: 'undetermined', missing: { kind: 'extraTimeScore', legIndex: 0 }, explanation: 'Level 1-1 after 90 minutes; extra time follows, but its score is not recorded.' },
  },
  'a replayed final level again goes to penalties after 1970': {
    facts: ab([match('a', 'b', '0-0', { aet: '1-1' }), match('a', 'b', '0-0', { aet: '0-0', pens: '3-5', replay: true })]),
    rules: FINAL_REPLAY,
    expected: { winner: { id: 'b' }, decidedBy: 'PENALTIES', decidingLeg: 1, explanation: 'Club B win 5-3 on penalties after a 0-0 draw in the replay.' },
  },
  'a scheduled replay that the scores make unnecessary is noted': {
    facts: ab([match('a', 'b', '2-0'), unplayed('a', 'b', { replay: true })]),
    rules: FINAL_REPLAY,
    expected: { winner: { id: 'a' }, decidedBy: 'REGULAR_TIME', notes: ['a replay is scheduled but not needed under rule set final-et-replay-then-penalties'] },
  },
  'extra time after a decided aggregate (a source error) is noted and not counted': {
    facts: tie(
      [club('wis', 'Wisla Krakow'), club('pao', 'Panathinaikos')],
      [match('wis', 'pao', '3-1'), match('pao', 'wis', '4-1', { aet: '4-1' })],
    ),
    rules: findRuleSet('Champions League', '2005-06', 'Third qualifying round').id,
    expected: { winner: { id: 'pao' }, decidedBy: 'AGGREGATE', extraTimePlayed: false, notes: [expect.stringContaining('the aggregate was not level after 90 minutes')] },
  },
  'a recorded coin toss the scores make unnecessary is noted': {
    facts: ab([match('a', 'b', '2-0'), match('b', 'a', '1-0')], [{ kind: 'coinToss', winner: 'b' }]),
    rules: COIN_TOSS_ERA,
    expected: { winner: { id: 'a' }, decidedBy: 'AGGREGATE', notes: [expect.stringContaining('a coin toss is recorded')] },
  },
  'a tie awarded by a recorded decision is AWARDED, whatever the scores (constructed)': {
    facts: ab([match('a', 'b', '0-0'), match('b', 'a', '3-1')], [{ kind: 'awarded', winner: 'a', reason: 'Club B fielded a suspended player' }]),
    rules: MODERN,
    expected: { winner: { id: 'a' }, decidedBy: 'AWARDED', explanation: 'Club A are awarded the tie: Club B fielded a suspended player.', aggregate: [{ goals: 1 }, { goals: 3 }] },
  },
  'two matches under a single-match rule set do not fit and say so': {
    facts: ab([match('a', 'b', '1-0'), match('b', 'a', '1-0')]),
    rules: FINAL,
    expected: { kind: 'undetermined', missing: { kind: 'factsDoNotFitRules' }, explanation: 'The recorded matches do not fit rule set final-et-penalties: it expects one match, the facts have 2 regular matches.' },
  },
  'three regular legs under a two-legged rule set do not fit': {
    facts: ab([match('a', 'b', '1-0'), match('b', 'a', '1-0'), match('a', 'b', '1-0')]),
    rules: MODERN,
    expected: { kind: 'undetermined', missing: { kind: 'factsDoNotFitRules' } },
  },
  'goal lists are not needed to decide a tie, even an empty list for a 2-0 (the seeds\' "not known")': {
    facts: ab([match('a', 'b', '2-0', { goals: [] }), match('b', 'a', '1-0')]),
    rules: NO_AWAY_GOALS,
    expected: { winner: { id: 'a' }, decidedBy: 'AGGREGATE', explanation: 'Club A win 2-1 on aggregate.' },
  },
  // The second leg, told in advance: what each result would mean, from real first legs.
  'Dortmund 2-1 Paris Saint-Germain (2019-20 round of 16): Paris need a win by two, or 1-0 (away goal); 2-1 means extra time': {
    facts: tie(
      [club('bvb', 'Borussia Dortmund'), club('psg', 'Paris Saint-Germain')],
      [match('bvb', 'psg', '2-1'), { ...unplayed('psg', 'bvb'), date: '2020-03-11' }],
    ),
    rules: findRuleSet('Champions League', '2019-20', 'Round of 16').id,
    expected: {
      kind: 'inProgress',
      explanation:
        "Borussia Dortmund lead 2-1 after the first leg. In the second leg (2020-03-11, at Paris Saint-Germain's ground), Paris Saint-Germain go through with a win by 2 or more, or 1-0; 2-1 means extra time; any other result puts Borussia Dortmund through.",
    },
  },
  'Real Madrid 1-2 Manchester City (2019-20 round of 16): City through with a draw, as away goals count': {
    facts: tie([club('rma', 'Real Madrid'), club('mci', 'Manchester City')], [match('rma', 'mci', '1-2'), unplayed('mci', 'rma')]),
    rules: findRuleSet('Champions League', '2019-20', 'Round of 16').id,
    expected: {
      explanation:
        "Manchester City lead 2-1 after the first leg. In the second leg (at Manchester City's ground), Real Madrid go through with a win by 2 or more, or a win by one scoring 3 or more; 2-1 means extra time; any other result puts Manchester City through.",
    },
  },
  'Benfica 1-0 Ajax would, without away goals (2021-22), leave Ajax needing a win by two; one goal means extra time': {
    facts: tie([club('ben', 'Benfica'), club('aja', 'Ajax')], [match('ben', 'aja', '1-0'), unplayed('aja', 'ben')]),
    rules: findRuleSet('Champions League', '2021-22', 'Round of 16').id,
    expected: {
      explanation: "Benfica lead 1-0 after the first leg. In the second leg (at Ajax's ground), Ajax go through with a win by 2 or more; a win by one means extra time; any other result puts Benfica through.",
    },
  },
  // Single-match rounds inside two-legged eras: decided by the one match, never "after the first leg".
  'Atalanta 1-2 Paris Saint-Germain, the 2019-20 quarter-final in Lisbon, is decided in one match': {
    facts: tie([club('ata', 'Atalanta'), club('psg', 'Paris Saint-Germain')], [match('ata', 'psg', '1-2')]),
    rules: findRuleSet('Champions League', '2019-20', 'Quarter-finals').id,
    expected: { kind: 'decided', winner: { id: 'psg' }, decidedBy: 'REGULAR_TIME', explanation: 'Paris Saint-Germain win 2-1.' },
  },
  'Rangers 2-1 Galatasaray, the 2020-21 Europa League play-off round, is decided in one match': {
    facts: tie([club('ran', 'Rangers'), club('gal', 'Galatasaray')], [match('ran', 'gal', '2-1')]),
    rules: findRuleSet('Europa League', '2020-21', 'Play-off round').id,
    expected: { kind: 'decided', winner: { id: 'ran' }, decidedBy: 'REGULAR_TIME', explanation: 'Rangers win 2-1.' },
  },
  'Rio Ave 2-2 AC Milan after extra time, Milan 9-8 on penalties (2020-21 Europa League play-off round)': {
    facts: tie([club('rio', 'Rio Ave'), club('mil', 'AC Milan')], [match('rio', 'mil', '1-1', { aet: '2-2', pens: '8-9' })]),
    rules: findRuleSet('Europa League', '2020-21', 'Play-off round').id,
    expected: { winner: { id: 'mil' }, decidedBy: 'PENALTIES', explanation: 'AC Milan win 9-8 on penalties after a 2-2 draw.' },
  },
  'Inter 2-1 Getafe, the 2019-20 Europa League round of 16 played as one match in Gelsenkirchen': {
    facts: tie([club('int', 'Inter'), club('get', 'Getafe')], [match('int', 'get', '2-0')]),
    rules: findRuleSet('Europa League', '2019-20', 'Round of 16', 'singleMatch').id,
    expected: { winner: { id: 'int' }, decidedBy: 'REGULAR_TIME' },
  },
  // Facts the rules never reach are listed as unused, so the importer can refuse them or keep them with a Conflict.
  'a shoot-out after extra time decided the match is an unused fact, not silently dropped (12-11 a.e.t., pens 11-10)': {
    facts: tie([club('vil', 'Villarreal'), club('mun', 'Manchester United')], [match('vil', 'mun', '1-1', { aet: '12-11', pens: '11-10' })]),
    rules: findRuleSet('Europa League', '2020-21', 'Final').id,
    expected: {
      winner: { id: 'vil' },
      decidedBy: 'EXTRA_TIME',
      unusedFacts: [{ kind: 'shootOut', legIndex: 0, note: 'a shoot-out is recorded for the match, but under rule set final-et-penalties extra time decided it' }],
    },
  },
  'extra time after a decided 90 minutes is an unused fact (Wisla Krakow v Panathinaikos 2005-06, as the file has it)': {
    facts: tie([club('wis', 'Wisla Krakow'), club('pao', 'Panathinaikos')], [match('wis', 'pao', '3-1'), match('pao', 'wis', '4-1', { aet: '4-1' })]),
    rules: findRuleSet('Champions League', '2005-06', 'Third qualifying round').id,
    expected: { unusedFacts: [{ kind: 'extraTime', legIndex: 1 }] },
  },
  'a single match at one club\'s ground has no away goals (1993-94 semi-final)': {
    facts: tie([club('acm', 'AC Milan'), club('asm', 'AS Monaco')], [match('acm', 'asm', '1-1', { aet: '1-1', pens: '4-2' })]),
    rules: findRuleSet('Champions League', '1993-94', 'Semi-finals').id,
    expected: { winner: { id: 'acm' }, decidedBy: 'PENALTIES', awayGoals: null, explanation: 'AC Milan win 4-2 on penalties after a 1-1 draw.' },
  },
};

describe('decideTie', () => {
  test.each(Object.entries(rows))('%s', (_, row) => {
    const outcome = decideTie(row.facts, ruleSetById(row.rules));
    expect(outcome).toMatchObject({ ruleSetId: row.rules, ...row.expected });
  });

  test.each([
    ['a leg between clubs that are not the tie\'s is rejected', ab([match('a', 'c', '1-0')]), /home "a" and away "c" must be the tie's two clubs/],
    ['a score after extra time below the score after 90 minutes is rejected', ab([match('a', 'b', '2-0', { aet: '1-0' })]), /below the score after normal time/],
    ['a recorded coin toss for a club outside the tie is rejected', ab([match('a', 'b', '1-0')], [{ kind: 'coinToss', winner: 'z' }]), /winner "z" is not one of the clubs/],
    ['a played match after an unplayed one is rejected', ab([unplayed('a', 'b'), match('b', 'a', '1-0')]), /played after a match that is not played yet/],
    ['a regular leg after a replay is rejected', ab([match('a', 'b', '1-0', { replay: true }), match('b', 'a', '1-0')]), /a regular leg cannot follow a replay/],
  ])('%s', (_, facts, message) => {
    expect(() => decideTie(facts, ruleSetById(MODERN))).toThrow(TieFactsError);
    expect(() => decideTie(facts, ruleSetById(MODERN))).toThrow(message);
  });

  test('the outcome carries the public fields for every kind', () => {
    for (const row of Object.values(rows)) {
      const outcome = decideTie(row.facts, ruleSetById(row.rules));
      expect(['NOT_STARTED', 'IN_PROGRESS', 'DECIDED']).toContain(outcome.status);
      expect(outcome.explanation).toMatch(/^[A-Z].*\.$/);
      expect(outcome.aggregate).toHaveLength(2);
      expect(outcome.winner === null).toBe(outcome.status !== 'DECIDED');
    }
  });
});
