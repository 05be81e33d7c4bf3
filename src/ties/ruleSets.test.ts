import { describe, expect, test } from 'vitest';
import { decideTie } from './decideTie.ts';
import { assertRuleSet, isRuleSet, RuleSetError, type RuleSet } from './ruleSet.ts';
import {
  CATALOGUE,
  COMPETITIONS,
  findCatalogueEntry,
  findRuleSet,
  normalizeRound,
  resolveRuleSet,
  RULE_SETS,
  ruleSetById,
  seasonLabelFor,
  seasonStartYear,
  type RoundKind,
} from './ruleSets.ts';
import { ruleSetIdFor } from './ruleSetIdFor.ts';
import { club, match, tie } from './tieFixtures.ts';

describe('findRuleSet', () => {
  test.each([
    // European Cup / Champions League
    ['the first European Cup replayed level ties, then tossed a coin', 'European Cup', '1955-56', 'First round', 'two-legs-replay-then-coin-toss'],
    ['away goals came to the European Cup in 1967-68, first round only', 'European Cup', '1967-68', 'First round', 'two-legs-away-goals-et-replay-then-coin-toss'],
    ['the 1967-68 quarter-finals still used play-offs', 'European Cup', '1967-68', 'Quarter-finals', 'two-legs-replay-then-coin-toss'],
    ['in 1968-69 away goals also applied in the second round (the source\'s "R16")', 'European Cup', '1968-69', 'R16', 'two-legs-away-goals-et-replay-then-coin-toss'],
    ['the 1968-69 quarter-finals still used play-offs', 'European Cup', '1968-69', 'Quarter-finals', 'two-legs-replay-then-coin-toss'],
    ['1969-70 dropped play-offs for a coin toss', 'European Cup', '1969-70', 'R16', 'two-legs-away-goals-et-coin-toss'],
    ['penalties and extra-time away goals from 1970-71', 'European Cup', '1970-71', 'R16', 'two-legs-away-goals-incl-et-penalties'],
    ['the 1993-94 semi-finals were one match at the group winner\'s ground', 'European Cup / UEFA Champions League', '1993-94', 'Semi-finals', 'single-match-home-et-penalties'],
    ['golden goal in the late 1990s', 'UEFA Champions League', '1998-99', 'Quarter-finals', 'two-legs-away-goals-incl-et-penalties-golden-goal'],
    ['silver goal in 2003-04 two-legged ties', 'UEFA Champions League', '2003-04', 'R16', 'two-legs-away-goals-incl-et-penalties-silver-goal'],
    ['back to plain extra time from 2004-05', 'UEFA Champions League', '2004-05', 'R16', 'two-legs-away-goals-incl-et-penalties'],
    ['the last season with away goals, 2020-21', 'Champions League', '2020-21', 'Quarter-finals', 'two-legs-away-goals-incl-et-penalties'],
    ['away goals abolished from 2021-22', 'Champions League', '2021-22', 'Semi-finals', 'two-legs-et-penalties'],
    ['the 2025-26 knockout play-off has no away goals', 'UEFA Champions League', '2025-26', 'Knockout round play-offs', 'two-legs-et-penalties'],
    ['qualifying rounds follow the era\'s two-legged rules', 'UEFA Champions League', '2009-10', 'Third qualifying round', 'two-legs-away-goals-incl-et-penalties'],
    ['finals were replayed before 1970-71, with a coin toss behind', 'European Cup', '1964-65', 'Final', 'final-et-replay-then-coin-toss'],
    ['the 1974 final was replayed', 'European Cup', '1973-74', 'Final', 'final-et-replay-then-penalties'],
    ['finals go to penalties from 1975-76', 'European Cup', '1975-76', 'Final', 'final-et-penalties'],
    ['the 2001-02 final was the last with the golden goal', 'UEFA Champions League', '2001-02', 'Final', 'final-et-penalties-golden-goal'],
    ['the 2003 final had the silver goal', 'UEFA Champions League', '2002-03', 'Final', 'final-et-penalties-silver-goal'],
    ['a final today', 'UEFA Champions League', '2024-25', 'Final', 'final-et-penalties'],
    // Cup Winners' Cup
    ['the first Cup Winners\' Cup final was over two legs', "UEFA Cup Winners' Cup", '1960-61', 'Final', 'two-legs-replay-then-coin-toss'],
    ['the 1962 Cup Winners\' Cup final was replayed', "UEFA Cup Winners' Cup", '1961-62', 'Final', 'final-et-replay-then-coin-toss'],
    ['away goals came to the Cup Winners\' Cup in 1965-66', "UEFA Cup Winners' Cup", '1965-66', 'Second round', 'two-legs-away-goals-et-coin-toss'],
    ['1968-69 Cup Winners\' Cup: away goals then a play-off in the early rounds', "UEFA Cup Winners' Cup", '1968-69', 'First round', 'two-legs-away-goals-replay-then-coin-toss'],
    ['1968-69 Cup Winners\' Cup: play-offs from the quarter-finals regardless of away goals', "UEFA Cup Winners' Cup", '1968-69', 'Quarter-finals', 'two-legs-replay-then-coin-toss'],
    ['1969-70 Cup Winners\' Cup: away goals in the quarter-finals', "UEFA Cup Winners' Cup", '1969-70', 'Quarter-finals', 'two-legs-away-goals-replay-then-coin-toss'],
    ['1969-70 Cup Winners\' Cup: a play-off in the semi-finals', "UEFA Cup Winners' Cup", '1969-70', 'Semi-finals', 'two-legs-replay-then-coin-toss'],
    ['the 1971 Cup Winners\' Cup final was replayed', "Cup Winners' Cup", '1970-71', 'Final', 'final-et-replay-then-penalties'],
    ['the last Cup Winners\' Cup final, 1999', "UEFA Cup Winners' Cup", '1998-99', 'Final', 'final-et-penalties-golden-goal'],
    // UEFA Cup / Europa League
    ['UEFA Cup finals were two-legged with away goals from 1971-72', 'UEFA Cup', '1971-72', 'Final', 'two-legs-away-goals-incl-et-penalties'],
    ['the last two-legged UEFA Cup final, 1997', 'UEFA Cup', '1996-97', 'Final', 'two-legs-away-goals-incl-et-penalties-golden-goal'],
    ['the first one-match UEFA Cup final, 1998', 'UEFA Cup', '1997-98', 'Final', 'final-et-penalties-golden-goal'],
    ['the 2003 UEFA Cup final had the silver goal', 'UEFA Cup / UEFA Europa League', '2002-03', 'Final', 'final-et-penalties-silver-goal'],
    ['Europa League round of 32 in 2017-18', 'UEFA Europa League', '2017-18', 'Round of 32', 'two-legs-away-goals-incl-et-penalties'],
    ['Europa League without away goals from 2021-22', 'Europa League', '2021-22', 'Round of 16', 'two-legs-et-penalties'],
    // Conference League and a non-UEFA competition
    ['Conference League ties never had away goals', 'UEFA Europa Conference League', '2021-22', 'Knockout round play-offs', 'two-legs-et-penalties'],
    ['Conference League final', 'UEFA Conference League', '2024-25', 'Final', 'final-et-penalties'],
    // Single-match rounds inside two-legged eras
    ['the 2019-20 Champions League quarter-finals were single matches in Lisbon (Atalanta 1-2 Paris Saint-Germain)', 'UEFA Champions League', '2019-20', 'Quarter-finals', 'single-match-neutral-et-penalties'],
    ['the 2019-20 Champions League semi-finals too (Leipzig 0-3 Paris Saint-Germain)', 'UEFA Champions League', '2019-20', 'Semi-finals', 'single-match-neutral-et-penalties'],
    ['the 2019-20 Champions League round of 16 kept its second legs (Juventus v Lyon, 7 August 2020)', 'UEFA Champions League', '2019-20', 'Round of 16', 'two-legs-away-goals-incl-et-penalties'],
    ['the 2020 final in Lisbon', 'UEFA Champions League', '2019-20', 'Final', 'final-et-penalties'],
    ['the 2019-20 Europa League quarter-finals were single matches in Germany', 'UEFA Europa League', '2019-20', 'Quarter-finals', 'single-match-neutral-et-penalties'],
    ['the 2019-20 Europa League semi-finals too', 'UEFA Europa League', '2019-20', 'Semi-finals', 'single-match-neutral-et-penalties'],
    ['most 2019-20 Europa League round of 16 ties kept their second legs (Leverkusen v Rangers)', 'UEFA Europa League', '2019-20', 'Round of 16', 'two-legs-away-goals-incl-et-penalties'],
    ['2020-21 Champions League qualifying rounds were single matches', 'UEFA Champions League', '2020-21', 'Second qualifying round', 'single-match-home-et-penalties'],
    ['but the 2020-21 Champions League play-off round stayed two-legged', 'UEFA Champions League', '2020-21', 'Play-off round', 'two-legs-away-goals-incl-et-penalties'],
    ['the 2020-21 Europa League play-off round was single matches (Rangers 2-1 Galatasaray)', 'UEFA Europa League', '2020-21', 'Play-off round', 'single-match-home-et-penalties'],
    ['the 2020-21 Europa League third qualifying round too', 'UEFA Europa League', '2020-21', 'Third qualifying round', 'single-match-home-et-penalties'],
    ['the 2021-22 Europa League play-off round is two-legged again', 'UEFA Europa League', '2021-22', 'Play-off round', 'two-legs-et-penalties'],
    ['the 2019-20 Champions League play-off round was two-legged', 'UEFA Champions League', '2019-20', 'Play-off round', 'two-legs-away-goals-incl-et-penalties'],
    ['the Champions League preliminary round semi-finals are single matches from 2018-19', 'UEFA Champions League', '2018-19', 'Preliminary round semi-finals', 'single-match-home-et-penalties'],
    ['and its final', 'UEFA Champions League', '2023-24', 'Preliminary round final', 'single-match-home-et-penalties'],
    ['a preliminary round before 2018-19 is an ordinary two-legged qualifying round', 'UEFA Champions League', '2009-10', 'Preliminary round', 'two-legs-away-goals-incl-et-penalties'],
    ['the Champions League preliminary round from 2018-19, however named, is single matches', 'UEFA Champions League', '2019-20', 'Preliminary round', 'single-match-home-et-penalties'],
    ['the Europa League preliminary round of 2019-20 was still two legs', 'UEFA Europa League', '2019-20', 'Preliminary round', 'two-legs-away-goals-incl-et-penalties'],
    ['the 2020-21 Europa League preliminary round was a single match', 'UEFA Europa League', '2020-21', 'Preliminary round', 'single-match-home-et-penalties'],
    ['Copa Libertadores two-legged rounds skip extra time', 'Copa Libertadores', '2024', 'Semi-finals', 'two-legs-penalties-no-et'],
    ['Copa Libertadores final has extra time', 'CONMEBOL Libertadores', '2023', 'Final', 'final-et-penalties'],
  ])('%s', (_, competition, season, round, id) => {
    expect(findRuleSet(competition, season, round).id).toBe(id);
  });

  test.each([
    ['case, accents and punctuation do not matter', 'uefa  CHAMPIONS league', '2017-18'],
    ['a curly apostrophe matches', 'UEFA Cup Winners\u2019 Cup', '1980-81'],
    ['a missing apostrophe matches', 'UEFA Cup Winners Cup', '1980-81'],
    ['accented input matches', 'Européan Cup', '1980-81'],
    ['the season may use a slash', 'Champions League', '2017/18'],
    ['the season may spell both years', 'Champions League', '2017-2018'],
    ['the century turn is understood', 'Champions League', '1999-00'],
  ])('%s', (_, competition, season) => {
    expect(() => findRuleSet(competition, season)).not.toThrow();
  });

  test('without a round, the ordinary knockout rounds are meant, not the final', () => {
    expect(findRuleSet('European Cup', '1973-74').id).toBe('two-legs-away-goals-incl-et-penalties');
  });

  test.each([
    ['an unknown competition', 'Intertoto Cup', '1995-96', undefined, /unknown competition "Intertoto Cup"; the closest known are "UEFA Cup \/ UEFA Europa League", /],
    ['a season before the competition', 'Champions League', '1954-55', undefined, /no rule set for European Cup \/ UEFA Champions League, season 1954-55: the catalogue covers 1955-56 to date/],
    ['a season after the Cup Winners\' Cup ended', "UEFA Cup Winners' Cup", '1999-00', 'Final', /the catalogue covers 1960-61 to 1998-99/],
    ['a Conference League season before it existed', 'UEFA Conference League', '2020-21', undefined, /covers 2021-22 to date/],
    ['a season whose years do not follow', 'Champions League', '2017-19', undefined, /season "2017-19": the second year should be 18/],
    ['a season that is not a season', 'Champions League', '2017-18-19', undefined, /season "2017-18-19": expected "YYYY-YY"/],
    ['a group stage', 'Champions League', '2017-18', 'Group E', /is a group or league phase, not a knockout tie/],
  ])('rejects %s with a clear error', (_, competition, season, round, message) => {
    expect(() => findRuleSet(competition, season, round)).toThrow(RuleSetError);
    expect(() => findRuleSet(competition, season, round)).toThrow(message);
  });

  test('an explicit rule set id wins over the catalogue (what if)', () => {
    expect(resolveRuleSet({ competition: 'Champions League', season: '2021-22', round: 'Semi-finals', ruleSetId: 'two-legs-away-goals-incl-et-penalties' }).id).toBe(
      'two-legs-away-goals-incl-et-penalties',
    );
    expect(resolveRuleSet({ competition: 'Champions League', season: '2021-22', round: 'Semi-finals' }).id).toBe('two-legs-et-penalties');
    expect(() => ruleSetById('no-such-rules')).toThrow(/unknown rule set id "no-such-rules"; known ids: two-legs-replay-then-coin-toss, /);
  });

  test('ruleSetIdFor gives the importer the id for a season or a stage, with the seeds\' names', () => {
    expect(ruleSetIdFor('UEFA Champions League', '2025-26', 'Knockout phase play-offs')).toBe('two-legs-et-penalties');
    expect(ruleSetIdFor('UEFA Europa League', '2017-18', 'Round of 32')).toBe('two-legs-away-goals-incl-et-penalties');
    expect(ruleSetIdFor('UEFA Europa League', '2017-18', undefined)).toBe('two-legs-away-goals-incl-et-penalties');
    expect(() => ruleSetIdFor('Premier League', '2017-18', undefined)).toThrow(/unknown competition "Premier League"/);
  });

  test.each([
    ['Inter v Getafe, stated a single match in the 2019-20 Europa League round of 16, takes the row\'s other format', 'UEFA Europa League', '2019-20', 'Round of 16', 'singleMatch', 'single-match-neutral-et-penalties'],
    ['Leverkusen v Rangers, stated two legs in the same round, keeps the row\'s rule set', 'UEFA Europa League', '2019-20', 'Round of 16', 'twoLegs', 'two-legs-away-goals-incl-et-penalties'],
    ['a stated format that agrees with the row changes nothing', 'UEFA Champions League', '2019-20', 'Quarter-finals', 'singleMatch', 'single-match-neutral-et-penalties'],
  ] as const)('a stated format: %s', (_, competition, season, round, format, id) => {
    expect(findRuleSet(competition, season, round, format).id).toBe(id);
  });

  test.each([
    ['a 2019-20 Champions League quarter-final stated as two legs', 'UEFA Champions League', '2019-20', 'Quarter-finals', 'twoLegs', /stated to be two legs, but UEFA Champions League 2019-20 "Quarter-finals" was a single match \(rule set single-match-neutral-et-penalties: \[C19\]/],
    ['a 2017-18 round of 16 tie stated as a single match', 'UEFA Champions League', '2017-18', 'Round of 16', 'singleMatch', /stated to be a single match, but .* was two legs .* no rule set for that round played as a single match/],
  ] as const)('a stated format the catalogue cannot serve is refused: %s', (_, competition, season, round, format, message) => {
    expect(() => findRuleSet(competition, season, round, format)).toThrow(message);
  });

  test('the catalogue row says why', () => {
    expect(findCatalogueEntry('European Cup', '1969-70', 'R16').why).toMatch(/coin toss/);
  });
});

describe('seasonLabelFor', () => {
  test.each([
    ['a split-year season stays as it is', 'UEFA Champions League', '2022-23', '2022-23'],
    ['a slash is normalised', 'UEFA Champions League', '2022/23', '2022-23'],
    ['both years spelt out', 'Europa League', '2022-2023', '2022-23'],
    ['two-digit years', 'Champions League', '22/23', '2022-23'],
    ['the Copa Libertadores counts calendar years', 'Copa Libertadores', '2023', '2023'],
  ])('%s: %s "%s" is "%s"', (_, competition, input, label) => {
    expect(seasonLabelFor(competition, input)).toBe(label);
  });

  test.each([
    ['a single year for a split-year competition names both candidates', 'UEFA Champions League', '2018', /season "2018" is ambiguous: European Cup \/ UEFA Champions League seasons span two years; did you mean "2017-18" or "2018-19"\?/],
    ['a split season for a calendar-year competition names both candidates', 'Copa Libertadores', '2022-23', /CONMEBOL Libertadores seasons are calendar years; did you mean "2022" or "2023"\?/],
    ['words are not a season', 'Champions League', 'last year', /season "last year": expected a season like "2017-18"/],
    ['a misspelt competition names the closest known', 'Champions Leage', '2018-19', /unknown competition "Champions Leage"; the closest known are "European Cup \/ UEFA Champions League", /],
    ['a misspelt Libertadores is close to the real one', 'Copa Libertadore', '2023', /the closest known are "CONMEBOL Libertadores"/],
  ])('%s', (_, competition, input, message) => {
    expect(() => seasonLabelFor(competition, input)).toThrow(message);
  });
});

describe('the catalogue', () => {
  test.each(RULE_SETS.map((r) => [r.id, r] as const))('rule set %s is well formed and cites a source', (_, ruleSet) => {
    expect(() => assertRuleSet(ruleSet)).not.toThrow();
    expect(ruleSet.sources.length).toBeGreaterThan(0);
  });

  test('rule set ids are unique, every row points at one, and every rule set is used', () => {
    const ids = RULE_SETS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of CATALOGUE) expect(ids).toContain(entry.ruleSetId);
    for (const id of ids) expect(CATALOGUE.some((entry) => entry.ruleSetId === id)).toBe(true);
  });

  const rounds: RoundKind[] = ['qualifying', 'preliminary-round', 'preliminary-semi-final', 'preliminary-final', 'qualifying-play-off', 'knockout-play-off', 'first-round', 'second-round', 'third-round', 'round-of-32', 'round-of-16', 'quarter-final', 'semi-final', 'final', 'other'];
  const labels: Record<RoundKind, string> = {
    qualifying: 'Second qualifying round',
    'preliminary-round': 'Preliminary round',
    'preliminary-semi-final': 'Preliminary round semi-finals',
    'preliminary-final': 'Preliminary round final',
    'qualifying-play-off': 'Play-off round',
    'knockout-play-off': 'Knockout round play-offs',
    'first-round': 'First round',
    'second-round': 'Second round',
    'third-round': 'Third round',
    'round-of-32': 'Round of 32',
    'round-of-16': 'Round of 16',
    'quarter-final': 'Quarter-finals',
    'semi-final': 'Semi-finals',
    final: 'Final',
    group: 'Group A',
    other: 'Mystery round',
  };
  test.each(COMPETITIONS.map((c) => [c.name, c.key] as const))('%s: every season and round of its span has exactly one rule set', (_, key) => {
    const rows = CATALOGUE.filter((entry) => entry.competition === key);
    const from = Math.min(...rows.map((r) => r.seasons.from));
    const to = rows.some((r) => r.seasons.to === null) ? 2030 : Math.max(...rows.map((r) => r.seasons.to ?? 0));
    const name = COMPETITIONS.find((c) => c.key === key)!.name;
    for (let year = from; year <= to; year++) {
      for (const round of rounds) {
        expect(() => findCatalogueEntry(name, String(year), labels[round]), `${name} ${year} ${round}`).not.toThrow();
      }
    }
  });
});

describe('normalizeRound', () => {
  test.each([
    ['R16', 'round-of-16'],
    ['Round of 16', 'round-of-16'],
    ['Eighth-finals', 'round-of-16'],
    ['Round of 32', 'round-of-32'],
    ['Quarter-finals', 'quarter-final'],
    ['Semi-finals', 'semi-final'],
    ['Final', 'final'],
    ['First round', 'first-round'],
    ['Second round', 'second-round'],
    ['Preliminary round', 'preliminary-round'],
    ['Preliminary round, first qualifying', 'qualifying'],
    ['Third qualifying round', 'qualifying'],
    ['Qualifying play-off round', 'qualifying-play-off'],
    ['Play-off round', 'qualifying-play-off'],
    ['Preliminary round semi-finals', 'preliminary-semi-final'],
    ['Preliminary round - Final', 'preliminary-final'],
    ['Knockout round play-offs', 'knockout-play-off'],
    ['Knockout phase play-offs', 'knockout-play-off'],
    ['Group E', 'group'],
    ['League phase', 'group'],
    ['Mystery round', 'other'],
  ] as const)('"%s" is %s', (label, kind) => {
    expect(normalizeRound(label)).toBe(kind);
  });

  test.each([
    ['2017-18', 2017],
    ['1999-00', 1999],
    ['1999-2000', 1999],
    ['2022', 2022],
  ] as const)('season "%s" starts in %i', (season, year) => {
    expect(seasonStartYear(season)).toBe(year);
  });
});

describe('rules as data', () => {
  test.each([
    ['a rule set without an id', { ...ruleSetById('final-et-penalties'), id: '' }, /id: expected a non-empty string/],
    ['an unknown away-goals rule', { ...ruleSetById('final-et-penalties'), awayGoals: 'sometimes' }, /awayGoals: expected/],
    ['an unknown decider', { ...ruleSetById('final-et-penalties'), ifStillLevel: { kind: 'armWrestling' } }, /ifStillLevel.kind: expected/],
    ['a replay without its own fallback', { ...ruleSetById('final-et-penalties'), ifStillLevel: { kind: 'replay', venue: 'neutral', extraTime: { kind: 'none' } } }, /ifStillLevel.ifStillLevel: expected an object/],
  ])('rejects %s', (_, value, message) => {
    expect(isRuleSet(value)).toBe(false);
    expect(() => assertRuleSet(value)).toThrow(message);
  });

  test('a new competition needs only a rule set: a cup with no extra time that goes straight to penalties', () => {
    // As a rule set would arrive from a JSON file: validated, then used by the unchanged engine.
    const cup: unknown = JSON.parse(
      JSON.stringify({
        id: 'single-match-penalties-no-et',
        label: 'One match at the home club; no extra time; penalties',
        format: { kind: 'singleMatch', venue: 'home' },
        awayGoals: 'none',
        extraTime: { kind: 'none' },
        ifStillLevel: { kind: 'penalties' },
        sources: ['example only'],
      }),
    );
    assertRuleSet(cup);
    const rules: RuleSet = cup;
    const outcome = decideTie(tie([club('h', 'Home Town'), club('v', 'Visitors United')], [match('h', 'v', '2-2', { pens: '3-4' })]), rules);
    expect(outcome).toMatchObject({ decidedBy: 'PENALTIES', winner: { id: 'v' }, extraTimePlayed: false, explanation: 'Visitors United win 4-3 on penalties after a 2-2 draw.' });
  });
});
