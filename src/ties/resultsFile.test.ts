import { describe, expect, test } from 'vitest';
import { MAX_ISSUES, parseResultsFile, recordedMethod, ResultsFileError, tieFactsFromRecord } from './resultsFile.ts';

const leg = (home: string, away: string, h90: number | null, a90: number | null, extra: Record<string, unknown> = {}) => ({
  date: '2018-02-15',
  home,
  away,
  h90,
  a90,
  ...extra,
});

const record = (id: string, legs: unknown[], extra: Record<string, unknown> = {}) => ({
  id,
  competition: 'UEFA Cup / UEFA Europa League',
  season: '2017-18',
  round: 'R32',
  phase: 'main',
  legs,
  winner: 'Borussia Dortmund',
  winner_basis: 'recorded',
  source: 'test',
  ...extra,
});

const file = (ties: unknown[]) => ({ about: 'test file', sources: ['test'], ties });

const DORTMUND_ATALANTA = record('el-2017-18-r32-bvb-ata', [leg('Borussia Dortmund', 'Atalanta', 3, 2), leg('Atalanta', 'Borussia Dortmund', 1, 1)]);

/** The issues a file produces, or [] when it parses. */
function issues(json: unknown): readonly string[] {
  try {
    parseResultsFile(json, 'ties-x.json');
    return [];
  } catch (error) {
    if (error instanceof ResultsFileError) return error.issues;
    throw error;
  }
}

describe('parseResultsFile', () => {
  test('a well-formed file parses into ties that keep names as given', () => {
    const parsed = parseResultsFile(file([DORTMUND_ATALANTA]), 'ties-x.json');
    expect(parsed).toMatchObject({ fileName: 'ties-x.json', about: 'test file', sources: ['test'] });
    expect(parsed.ties[0]).toMatchObject({
      index: 0,
      id: 'el-2017-18-r32-bvb-ata',
      season: '2017-18',
      round: 'R32',
      winner: 'Borussia Dortmund',
      notes: [],
      legs: [
        { home: 'Borussia Dortmund', away: 'Atalanta', h90: 3, a90: 2, hET: null, aET: null, pens: null, replay: false, awarded: false, methodNote: null },
        { home: 'Atalanta', h90: 1 },
      ],
    });
  });

  test.each([
    [
      'a goal count that is not a number names the file, the record, its id and the field',
      file([DORTMUND_ATALANTA, record('ec-bad', [leg('Borussia Dortmund', 'Atalanta', 1, 0), leg('Atalanta', 'Borussia Dortmund', 'x' as unknown as number, 1)])]),
      ['ties-x.json: ties[1] (id "ec-bad") legs[1].h90: expected a non-negative integer or null, got "x"'],
    ],
    [
      'a negative extra-time score',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0, { hET: -1, aET: 0 })])]),
      ['ties-x.json: ties[0] (id "t") legs[0].hET: expected a non-negative integer, got -1'],
    ],
    [
      'a winner who did not play in the tie',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0)], { winner: 'Bayern' })]),
      ['ties-x.json: ties[0] (id "t") winner: "Bayern" is not one of the tie\'s clubs ("Borussia Dortmund", "Atalanta")'],
    ],
    [
      'an unknown score after 90 minutes without a score after extra time',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', null, null)])]),
      ['ties-x.json: ties[0] (id "t") legs[0].h90: null score after 90 minutes needs hET/aET (the score after extra time)'],
    ],
    [
      'half a score',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, null, { hET: 1 })])]),
      ['ties-x.json: ties[0] (id "t") legs[0].h90: h90 and a90 must both be numbers or both be null', 'ties-x.json: ties[0] (id "t") legs[0].hET: hET and aET must be given together'],
    ],
    [
      'a level shoot-out',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 1, { hET: 1, aET: 1, pens: [4, 4] })])]),
      ['ties-x.json: ties[0] (id "t") legs[0].pens: a shoot-out cannot end level, got 4-4'],
    ],
    [
      'a typo in a field name',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0, { hEt: 2 })])]),
      ['ties-x.json: ties[0] (id "t") legs[0].hEt: unknown field'],
    ],
    [
      'a leg between other clubs',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0), leg('Atalanta', 'Juventus', 1, 0)])]),
      ['ties-x.json: ties[0] (id "t") legs[1]: clubs "Atalanta" v "Juventus" differ from the first leg\'s "Borussia Dortmund" v "Atalanta"'],
    ],
    [
      'a duplicated id',
      file([DORTMUND_ATALANTA, DORTMUND_ATALANTA]),
      ['ties-x.json: ties[1] (id "el-2017-18-r32-bvb-ata") id: duplicates ties[0]'],
    ],
    [
      'a malformed season and date',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0, { date: '15/02/2018' })], { season: '2017' })]),
      [
        'ties-x.json: ties[0] (id "t") season: season "2017" is ambiguous: UEFA Cup / UEFA Europa League seasons span two years; did you mean "2016-17" or "2017-18"?',
        'ties-x.json: ties[0] (id "t") legs[0].date: expected "YYYY-MM-DD" or null, got "15/02/2018"',
      ],
    ],
    [
      'a day that is not in the calendar (30 February 2018)',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0, { date: '2018-02-30' })])]),
      ['ties-x.json: ties[0] (id "t") legs[0].date: "2018-02-30" is not a day of the calendar'],
    ],
    [
      'a score too large to be a number (1e400 parses as Infinity)',
      JSON.parse('{"ties": [{"id": "t", "competition": "UEFA Europa League", "season": "2017-18", "round": "R32", "legs": [{"date": null, "home": "A", "away": "B", "h90": 1e400, "a90": 0}]}]}'),
      ['ties-x.json: ties[0] (id "t") legs[0].h90: expected a non-negative integer or null, got a number too large to be finite (Infinity)'],
    ],
    [
      'a shoot-out too large to be a number',
      JSON.parse('{"ties": [{"id": "t", "competition": "UEFA Europa League", "season": "2017-18", "round": "R32", "legs": [{"date": null, "home": "A", "away": "B", "h90": 1, "a90": 1, "hET": 1, "aET": 1, "pens": [1e400, 3]}]}]}'),
      ['ties-x.json: ties[0] (id "t") legs[0].pens: expected [home, away] non-negative integers, got [a number too large to be finite (Infinity), 3]'],
    ],
    [
      'a score above any real match\'s (1e20 is an integer, but no query could serve it)',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1e20, 0)])]),
      ['ties-x.json: ties[0] (id "t") legs[0].h90: expected a non-negative integer or null (at most 200), got 100000000000000000000'],
    ],
    [
      'a score written as a string ("1e400")',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', '1e400' as unknown as number, 0)])]),
      ['ties-x.json: ties[0] (id "t") legs[0].h90: expected a non-negative integer or null, got "1e400"'],
    ],
    [
      'a shoot-out no shoot-out ends with (9-1: settled long before)',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 1, { hET: 1, aET: 1, pens: [9, 1] })])]),
      ['ties-x.json: ties[0] (id "t") legs[0].pens: no shoot-out ends 9-1: after five kicks each it stops once one side is out of reach, and sudden death ends one goal apart'],
    ],
    [
      'a month that does not exist (2018-13-01)',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0, { date: '2018-13-01' })])]),
      ['ties-x.json: ties[0] (id "t") legs[0].date: "2018-13-01" is not a day of the calendar'],
    ],
    [
      'a second leg dated before the first (the legs\' order says which is the first leg)',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 3, 2, { date: '2018-02-22' }), leg('Atalanta', 'Borussia Dortmund', 1, 1, { date: '2018-02-15' })])]),
      ['ties-x.json: ties[0] (id "t") legs[1].date: "2018-02-15" is before legs[0]\'s date "2018-02-22": list the legs in the order they were played, and check both dates'],
    ],
    [
      'a season for the wrong kind of competition (the Copa Libertadores counts calendar years)',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0)], { competition: 'Copa Libertadores', season: '2022-23' })]),
      ['ties-x.json: ties[0] (id "t") season: season "2022-23": CONMEBOL Libertadores seasons are calendar years; did you mean "2022" or "2023"?'],
    ],
    [
      'a misspelt competition, with the closest known',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0)], { competition: 'Europa Leage' })]),
      ['ties-x.json: ties[0] (id "t") competition: unknown competition "Europa Leage"; the closest known are "UEFA Cup / UEFA Europa League", "European Cup / UEFA Champions League" and "UEFA Conference League"'],
    ],
    [
      'a format that is not one',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0)], { format: 'one leg' })]),
      ['ties-x.json: ties[0] (id "t") format: expected "single_match" or "two_legs", got "one leg"'],
    ],
    [
      'a scheduled leg with a score',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0), leg('Atalanta', 'Borussia Dortmund', 2, 0, { played: false })])]),
      ['ties-x.json: ties[0] (id "t") legs[1].h90: a leg not played yet (played: false) has no h90, got 2', 'ties-x.json: ties[0] (id "t") legs[1].a90: a leg not played yet (played: false) has no a90, got 0'],
    ],
    [
      'a coin toss without the club that won it',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0)], { decision: { kind: 'coin_toss', reason: 'drawn in Zurich' } })]),
      ['ties-x.json: ties[0] (id "t") decision.winner: a coin toss needs the club it went to'],
    ],
    [
      'an ordered replay with no replay among the legs',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0)], { decision: { kind: 'replay_ordered', reason: 'ineligible player' } })]),
      ['ties-x.json: ties[0] (id "t") decision.kind: an ordered replay needs the replay among the legs (replay: true)'],
    ],
    [
      'a decision of an unknown kind',
      file([record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 0)], { decision: { kind: 'arm_wrestle', reason: 'x' } })]),
      ['ties-x.json: ties[0] (id "t") decision.kind: expected "coin_toss", "awarded", "replay_ordered", got "arm_wrestle"'],
    ],
    ['a record without an id is named by its index', file([{ ...DORTMUND_ATALANTA, id: 7 }]), ['ties-x.json: ties[0] id: expected a non-empty string, got 7']],
    ['a tie that is not an object', file([42]), ['ties-x.json: ties[0]: expected an object, got 42']],
    ['a file whose ties are missing', { about: 'x', sources: [] }, ['ties-x.json: ties: expected an array, got nothing']],
  ])('reports %s', (_, json, expected) => {
    expect(issues(json)).toEqual(expected);
  });

  test('winner, winner_basis, source, phase, about and sources may all be left out: the engine decides and the file is the source', () => {
    const bare = { ties: [{ id: 't', competition: 'UEFA Europa League', season: '2017/18', round: 'R32', legs: DORTMUND_ATALANTA.legs }] };
    const parsed = parseResultsFile(bare, 'ties-x.json');
    expect(parsed).toMatchObject({ about: '', sources: [] });
    expect(parsed.ties[0]).toMatchObject({ season: '2017-18', winner: null, winnerBasis: '', source: '', phase: '', format: null, decision: null });
  });

  test('a tie in progress: the first leg played, the second scheduled with its date and no score', () => {
    const parsed = parseResultsFile(
      file([record('t', [leg('Borussia Dortmund', 'Paris Saint-Germain', 2, 1), { date: '2020-03-11', home: 'Paris Saint-Germain', away: 'Borussia Dortmund', played: false }], { winner: undefined })]),
      'ties-x.json',
    );
    expect(parsed.ties[0]!.legs[1]).toMatchObject({ played: false, h90: null, a90: null, date: '2020-03-11' });
    expect(tieFactsFromRecord(parsed.ties[0]!).legs[1]).toMatchObject({ played: false, afterNormalTime: null });
  });

  test('recorded decisions become engine facts: an ordered replay, an awarded tie, a coin toss', () => {
    const legs = [leg('VfB Stuttgart', 'Leeds United', 3, 0), leg('Leeds United', 'VfB Stuttgart', 3, 0, { awarded: true }), leg('VfB Stuttgart', 'Leeds United', 1, 2, { replay: true })];
    const replay = parseResultsFile(file([record('t', legs, { winner: undefined, decision: { kind: 'replay_ordered', reason: 'fourth foreign player' } })]), 'x.json');
    expect(tieFactsFromRecord(replay.ties[0]!).recorded).toEqual([{ kind: 'replayOrdered', reason: 'fourth foreign player' }]);
    const awarded = parseResultsFile(file([record('t', legs.slice(0, 2), { winner: undefined, decision: { kind: 'awarded', winner: 'Leeds United', reason: 'disqualified' } })]), 'x.json');
    expect(tieFactsFromRecord(awarded.ties[0]!).recorded).toEqual([{ kind: 'awarded', winner: 'Leeds United', reason: 'disqualified' }]);
    const toss = parseResultsFile(file([record('t', legs.slice(0, 2), { winner: undefined, decision: { kind: 'coin_toss', winner: 'VfB Stuttgart', reason: 'toss in Zurich' } })]), 'x.json');
    expect(tieFactsFromRecord(toss.ties[0]!).recorded).toEqual([{ kind: 'coinToss', winner: 'VfB Stuttgart', source: 'toss in Zurich' }]);
  });

  test('collects every error in the file, not just the first', () => {
    const bad = file([
      record('a', [leg('Borussia Dortmund', 'Atalanta', -1, 0)]),
      DORTMUND_ATALANTA,
      record('b', [leg('Borussia Dortmund', 'Atalanta', 1, 0, { replay: 'yes' })]),
    ]);
    expect(issues(bad)).toEqual([
      'ties-x.json: ties[0] (id "a") legs[0].h90: expected a non-negative integer or null, got -1',
      'ties-x.json: ties[2] (id "b") legs[0].replay: expected a boolean, got "yes"',
    ]);
  });

  test(`stops collecting at ${MAX_ISSUES} issues and says so`, () => {
    const ties = Array.from({ length: MAX_ISSUES + 50 }, (_, i) => record(`t${i}`, [leg('Borussia Dortmund', 'Atalanta', -1, 0)]));
    try {
      parseResultsFile(file(ties), 'ties-x.json');
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ResultsFileError);
      const e = error as ResultsFileError;
      expect(e.issues).toHaveLength(MAX_ISSUES);
      expect(e.truncated).toBe(true);
      expect(e.message).toMatch(/^ties-x\.json: 200\+ problem\(s\)\n/);
      expect(e.message).toMatch(/stopped at the cap/);
    }
  });

  test('a root that is not an object is one clear error', () => {
    expect(issues([])).toEqual(['ties-x.json: (root): expected an object, got []']);
  });
});

describe('tieFactsFromRecord', () => {
  const parse = (tie: unknown) => parseResultsFile(file([tie]), 'ties-x.json').ties[0]!;

  test('names become club ids and scores become match facts', () => {
    expect(tieFactsFromRecord(parse(DORTMUND_ATALANTA))).toMatchObject({
      id: 'el-2017-18-r32-bvb-ata',
      clubs: [
        { id: 'Borussia Dortmund', name: 'Borussia Dortmund' },
        { id: 'Atalanta', name: 'Atalanta' },
      ],
      legs: [
        { home: 'Borussia Dortmund', away: 'Atalanta', played: true, afterNormalTime: { home: 3, away: 2 }, afterExtraTime: null, shootOut: null, replay: false },
        { home: 'Atalanta', afterNormalTime: { home: 1, away: 1 } },
      ],
      recorded: [],
    });
  });

  test('a "coin toss" method note is a recorded coin toss won by the recorded winner', () => {
    const celtic = parse({
      ...record('ec-1969-70-r16-celtic-slbenf', [leg('Celtic', 'SL Benfica', 3, 0), leg('SL Benfica', 'Celtic', 3, 0, { hET: 3, aET: 0, method_note: 'coin toss' })]),
      winner: 'Celtic',
    });
    expect(tieFactsFromRecord(celtic).recorded).toEqual([{ kind: 'coinToss', winner: 'Celtic', source: 'legs[1].method_note "coin toss"' }]);
    expect(recordedMethod(celtic)).toBe('COIN_TOSS');
  });

  test('an awarded walkover leg keeps its awarded score and says who it went to and why', () => {
    const marseille = parse({
      ...record('ec-1990-91-qf', [leg('AC Milan', 'Olympique Marseille', 1, 1), leg('Olympique Marseille', 'AC Milan', 3, 0, { awarded: true, method_note: 'walkover' })]),
      winner: 'Olympique Marseille',
    });
    expect(tieFactsFromRecord(marseille).legs[1]).toMatchObject({ awarded: { to: 'Olympique Marseille', reason: 'walkover' }, afterNormalTime: { home: 3, away: 0 } });
    expect(recordedMethod(marseille)).toBeNull();
  });

  test('a leg known only after extra time, with a shoot-out, and a replay flag', () => {
    const final = parse({
      ...record('uc-final', [leg('Borussia Dortmund', 'Atalanta', null, null, { hET: 0, aET: 0, pens: [4, 1] }), leg('Borussia Dortmund', 'Atalanta', 1, 0, { replay: true })]),
    });
    expect(tieFactsFromRecord(final).legs).toMatchObject([
      { afterNormalTime: null, afterExtraTime: { home: 0, away: 0 }, shootOut: { home: 4, away: 1 }, replay: false },
      { replay: true },
    ]);
    expect(recordedMethod(final)).toBeNull();
  });

  test('an "away goals" method note is what the record says about the method', () => {
    const t = parse(record('t', [leg('Borussia Dortmund', 'Atalanta', 1, 1), leg('Atalanta', 'Borussia Dortmund', 0, 0, { method_note: 'away goals' })], { winner: 'Atalanta' }));
    expect(recordedMethod(t)).toBe('AWAY_GOALS');
  });
});
