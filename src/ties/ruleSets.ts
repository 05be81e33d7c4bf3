/**
 * The catalogue: which rule set governed which knockout tie, by competition, season and round.
 *
 * Two tables, both plain data:
 *   - RULE_SETS: every distinct set of rules, with the evidence for it;
 *   - CATALOGUE: competition x seasons x rounds -> rule set id, each row citing why.
 * Adding a competition or a rule change is adding rows here (see docs/tie-rules.md); no code changes.
 *
 * Sources used (as retrieved for this catalogue; "data" means ../shared/data/uefa-ties/ties-1955-2016.json):
 *  [AG]   Away goals rule: first used by UEFA in the 1965-66 Cup Winners' Cup (Dukla Praha v Honved, second
 *         round); abolished in all UEFA club competitions from 2021-22 (UEFA decision of 24 June 2021).
 *         wikimili.com/en/Away_goals_rule; ewn.co.za 2021-06-24; scoresandtransfers.co.uk 2025-02-11.
 *  [EC67] 1967-68 European Cup: away goals introduced "only for the first round"; "extra time goals were not
 *         included in the rule" (Wikipedia 1967-68 European Cup, via wn.com; thecelticwiki.com). Data: the
 *         quarter-final Juventus v Eintracht Braunschweig went to a play-off although Juventus had more away goals.
 *  [EC68] 1968-69 European Cup: "the away goal rule was extended to the first and second rounds"
 *         (Wikipedia 1968-69 European Cup, via everything.explained.today). Data: QF Ajax v Benfica play-off.
 *  [EC69] 1969-70 European Cup: "For the first time in the European Cup, tiebreaker playoffs were abandoned in
 *         favour of the away goals rule; if both teams had scored the same number of away goals, one side was
 *         eliminated by the toss of a coin" (Wikipedia 1969-70 European Cup, via wikiwand). Celtic v Benfica:
 *         3-0, 0-3 after extra time, Celtic through on a coin toss (thecelticwiki.com, 26 Nov 1969).
 *  [CWC68] 1968-69 Cup Winners' Cup: away goals, then a play-off on neutral ground; from the quarter-finals a
 *         play-off regardless of away goals; final replayed if level after extra time (de.zxc.wiki).
 *  [CWC69] 1969-70 Cup Winners' Cup: away goals, then a play-off; a play-off level after extra time settled by a
 *         coin toss; semi-final Roma v Gornik went to a play-off (1-1, coin toss) although Roma had more away
 *         goals; quarter-final Levski v Gornik on away goals (memim.com; wiki-gateway.eudic.net).
 *  [CWC66] 1966-67 Cup Winners' Cup quarter-final Real Zaragoza v Rangers: 2-0 after extra time in the second
 *         leg (0-2 first leg), "Rangers qualified on a coin toss" (eurocups-uefa.ru).
 *  [PEN]  Penalty shoot-outs replaced coin tosses and play-offs from 1970-71: first European shoot-out in the
 *         1970-71 Cup Winners' Cup (Aberdeen v Honved); first in the European Cup, Borussia Moenchengladbach v
 *         Everton, 1970-71 (data); Celtic's complaint about the 1969 coin toss (thecelticwiki.com).
 *  [ETAG] Away goals scored in extra time counted from 1970-71: Rangers v Sporting CP, 1971-72 Cup Winners' Cup,
 *         3-2 and 3-4 after extra time: the referee ordered penalties, UEFA ruled Rangers through on away goals
 *         scored in extra time (rangers.co.uk; bbc.co.uk A Sporting Nation). "After extra time the away goals
 *         rule - taking into account all 210 minutes of the tie - can again be invoked" (uefa.com, 24 Feb 2005).
 *  [FIN75] "On 17 July 1975, UEFA adopted the use of penalty shootouts instead of replays to decide the finals of
 *         the European Cup, Cup Winners' Cup" (tdifh.blogspot.com); final replays: Cup Winners' Cup 1962, 1964,
 *         1971; European Cup 1974 (Bayern v Atletico Madrid, 4-0 in the replay).
 *  [GG]   Golden goal: in force in UEFA club competitions "for the past few seasons" before 2002-03 (Guardian,
 *         28 Apr 2003); decided the 2001 UEFA Cup final (uefa.com "The golden goal"); the 2002 final was the last.
 *  [SG]   Silver goal: first used in the May 2003 UEFA Cup and Champions League finals (Guardian 28 Apr 2003;
 *         uefa.com "The silver goal"); applied to all two-legged UEFA Cup and Champions League ties in 2003-04
 *         (uefa.com, German edition, 2003); dropped after Euro 2004.
 *  [UCF]  UEFA Cup finals two-legged from 1971-72 to 1996-97, one match from 1997-98 (data: 30 two-legged finals;
 *         1979-80 final Gladbach 3-2, Frankfurt 1-0: Frankfurt on away goals).
 *  [CL94] 1993-94 Champions League semi-finals: one match at the group winner's ground (data note "single-match
 *         round in this season"; AC Milan 3-0 Monaco, Barcelona 3-0 Porto).
 *  [C19]  UEFA Executive Committee, 17 June 2020 (uefa.com "Champions League final eight in Lisbon", 2020-06-17):
 *         the 2019-20 Champions League quarter-finals, semi-finals and final "single-leg fixtures" in Lisbon
 *         (Estadio da Luz, Estadio Jose Alvalade); the four outstanding round of 16 second legs played as
 *         second legs (7-8 August 2020). Amended 2019/20 Champions League regulations, Article on extra time
 *         and penalties for single-leg ties.
 *  [E19]  Same meeting, Europa League (uefa.com "Round of 16 venues confirmed", 2020-07-09): quarter-finals,
 *         semi-finals and final single-leg in Cologne, Duisburg, Duesseldorf and Gelsenkirchen; the round of 16
 *         ties whose first legs were postponed, Inter v Getafe and Sevilla v Roma, "played as single matches at
 *         German venues"; the other six round of 16 ties kept their second legs at the home clubs' grounds
 *         (Shakhtar v Wolfsburg, Leverkusen v Rangers, Wolves v Olympiacos, Man United v LASK, Basel v Frankfurt,
 *         Copenhagen v Basaksehir). Single-leg ties go to extra time and penalties (sporteconomy.it, 2020-06).
 *  [Q20]  2020-21 qualifying (UEFA Executive Committee, 17 June 2020; maltafootball.com 2020-06-17; 2020-21
 *         Champions League qualifying, Format): every qualifying round "played in single legs ... with the only
 *         exception of the UEFA Champions League Play-offs which will remain over two legs"; the draw decides the
 *         host, the Champions League preliminary round at a neutral venue; extra time, then penalties. Europa
 *         League 2020-21 play-off round single matches (Rangers 2-1 Galatasaray, 1 Oct 2020).
 *  [PR18] Champions League preliminary round from 2018-19: four clubs "playing one-legged semi-finals and final"
 *         hosted by one of them (2018-19 Champions League qualifying phase, Teams; hotnews.ro 2018-06).
 *  [LIB]  (the example in addedCompetitions.json) Copa Libertadores: CONMEBOL scrapped away goals for its club competitions (AP, Nov 2021); two-legged
 *         rounds: "extra time would not be played, and a penalty shoot-out would be used" (Regulations Article
 *         2.4.3); single-match final with extra time then penalties (Article 2.4.4) (tickerdossier.com, quoting the
 *         regulations of a recent edition).
 */
import { distance } from 'fastest-levenshtein';
import { normalizeName } from '../names/normalizeName.ts';
import { normalizeSeasonLabel } from '../names/normalizeSeasonLabel.ts';
import addedCompetitionsData from './addedCompetitions.json' with { type: 'json' };
import { assertRuleSet, RuleSetError, type ExtraTimeRule, type LevelDecider, type RuleSet } from './ruleSet.ts';

const NO_EXTRA_TIME: ExtraTimeRule = { kind: 'none' };
const EXTRA_TIME: ExtraTimeRule = { kind: 'played', minutes: 30, decisiveGoal: 'none' };
const EXTRA_TIME_GOLDEN_GOAL: ExtraTimeRule = { kind: 'played', minutes: 30, decisiveGoal: 'goldenGoal' };
const EXTRA_TIME_SILVER_GOAL: ExtraTimeRule = { kind: 'played', minutes: 30, decisiveGoal: 'silverGoal' };
const PENALTIES: LevelDecider = { kind: 'penalties' };
const COIN_TOSS: LevelDecider = { kind: 'coinToss' };
/** A play-off on neutral ground with extra time; a coin toss if still level (pre-1970-71). */
const REPLAY_THEN_COIN_TOSS: LevelDecider = {
  kind: 'replay',
  venue: 'neutral',
  extraTime: EXTRA_TIME,
  ifStillLevel: COIN_TOSS,
};
const REPLAY_THEN_PENALTIES: LevelDecider = {
  kind: 'replay',
  venue: 'neutral',
  extraTime: EXTRA_TIME,
  ifStillLevel: PENALTIES,
};

const UEFA_RULE_SETS: readonly RuleSet[] = [
  {
    id: 'two-legs-replay-then-coin-toss',
    label: 'Two legs; level on aggregate: a play-off on neutral ground with extra time, then a coin toss',
    format: { kind: 'twoLegs' },
    awayGoals: 'none',
    extraTime: NO_EXTRA_TIME,
    ifStillLevel: REPLAY_THEN_COIN_TOSS,
    sources: ['[EC67] [EC68] play-offs before away goals; data: 30 European Cup play-offs 1955-56 to 1968-69, four settled by a coin toss after extra time'],
  },
  {
    id: 'two-legs-away-goals-replay-then-coin-toss',
    label: 'Two legs; away goals (normal time); then a play-off with extra time, then a coin toss',
    format: { kind: 'twoLegs' },
    awayGoals: 'normalTimeOnly',
    extraTime: NO_EXTRA_TIME,
    ifStillLevel: REPLAY_THEN_COIN_TOSS,
    sources: ['[CWC68] [CWC69]'],
  },
  {
    id: 'two-legs-away-goals-et-replay-then-coin-toss',
    label: 'Two legs; away goals (normal time); extra time in the second leg; then a play-off, then a coin toss',
    format: { kind: 'twoLegs' },
    awayGoals: 'normalTimeOnly',
    extraTime: EXTRA_TIME,
    ifStillLevel: REPLAY_THEN_COIN_TOSS,
    sources: [
      '[EC67] extra-time goals not counted as away goals',
      'data: 1967-68 first round Ajax v Real Madrid (1-1, 1-1, 2-1 after extra time) and Trakia Plovdiv v Rapid Bucuresti went to extra time in the second leg',
    ],
    caveats: [
      'what followed a level extra time is not established by the sources; no recorded tie reached it. Modelled as the play-off then coin toss still used in the later rounds of the same seasons.',
    ],
  },
  {
    id: 'two-legs-away-goals-et-coin-toss',
    label: 'Two legs; away goals (normal time); extra time in the second leg; then a coin toss',
    format: { kind: 'twoLegs' },
    awayGoals: 'normalTimeOnly',
    extraTime: EXTRA_TIME,
    ifStillLevel: COIN_TOSS,
    sources: ['[EC69] Celtic v Benfica and Spartak Trnava v Galatasaray, 1969-70: extra time, then a coin toss', '[CWC66]'],
    caveats: ['whether extra-time goals counted as away goals before 1970-71 is not established; no recorded tie depends on it'],
  },
  {
    id: 'two-legs-away-goals-incl-et-penalties',
    label: 'Two legs; away goals; extra time in the second leg with away goals counting again; then penalties',
    format: { kind: 'twoLegs' },
    awayGoals: 'includingExtraTime',
    extraTime: EXTRA_TIME,
    ifStillLevel: PENALTIES,
    sources: ['[PEN] [ETAG]'],
  },
  {
    id: 'two-legs-away-goals-incl-et-penalties-golden-goal',
    label: 'As two-legs-away-goals-incl-et-penalties, extra time ended by a golden goal',
    format: { kind: 'twoLegs' },
    awayGoals: 'includingExtraTime',
    extraTime: EXTRA_TIME_GOLDEN_GOAL,
    ifStillLevel: PENALTIES,
    sources: ['[GG]'],
    caveats: ['the first season of the golden goal in UEFA club competitions is not established by the sources; 1995-96 is assumed'],
  },
  {
    id: 'two-legs-away-goals-incl-et-penalties-silver-goal',
    label: 'As two-legs-away-goals-incl-et-penalties, extra time ended by a silver goal',
    format: { kind: 'twoLegs' },
    awayGoals: 'includingExtraTime',
    extraTime: EXTRA_TIME_SILVER_GOAL,
    ifStillLevel: PENALTIES,
    sources: ['[SG]'],
  },
  {
    id: 'two-legs-et-penalties',
    label: 'Two legs; no away goals; extra time in the second leg; then penalties',
    format: { kind: 'twoLegs' },
    awayGoals: 'none',
    extraTime: EXTRA_TIME,
    ifStillLevel: PENALTIES,
    sources: ['[AG] abolition of away goals from 2021-22'],
  },
  {
    id: 'final-et-replay-then-coin-toss',
    label: 'One match on neutral ground; extra time; a replay with extra time, then a coin toss',
    format: { kind: 'singleMatch', venue: 'neutral' },
    awayGoals: 'none',
    extraTime: EXTRA_TIME,
    ifStillLevel: REPLAY_THEN_COIN_TOSS,
    sources: ['[FIN75] final replays 1962 and 1964 (Cup Winners\' Cup)', '[CWC68]'],
    caveats: ['a level replayed final never happened; the coin toss after it mirrors the play-off rule of the time'],
  },
  {
    id: 'final-et-replay-then-penalties',
    label: 'One match on neutral ground; extra time; a replay with extra time, then penalties',
    format: { kind: 'singleMatch', venue: 'neutral' },
    awayGoals: 'none',
    extraTime: EXTRA_TIME,
    ifStillLevel: REPLAY_THEN_PENALTIES,
    sources: ['[FIN75] final replays 1971 (Cup Winners\' Cup) and 1974 (European Cup)', '[PEN]'],
    caveats: ['a level replayed final never happened; penalties after it follow the 1970-71 rule for other rounds'],
  },
  {
    id: 'final-et-penalties',
    label: 'One match on neutral ground; extra time; then penalties',
    format: { kind: 'singleMatch', venue: 'neutral' },
    awayGoals: 'none',
    extraTime: EXTRA_TIME,
    ifStillLevel: PENALTIES,
    sources: ['[FIN75]'],
  },
  {
    id: 'final-et-penalties-golden-goal',
    label: 'One match on neutral ground; extra time ended by a golden goal; then penalties',
    format: { kind: 'singleMatch', venue: 'neutral' },
    awayGoals: 'none',
    extraTime: EXTRA_TIME_GOLDEN_GOAL,
    ifStillLevel: PENALTIES,
    sources: ['[GG] 2001 UEFA Cup final Liverpool 5-4 Alaves, golden own goal in the 117th minute'],
    caveats: ['the first season of the golden goal in UEFA club competitions is not established by the sources; 1995-96 is assumed'],
  },
  {
    id: 'final-et-penalties-silver-goal',
    label: 'One match on neutral ground; extra time ended by a silver goal; then penalties',
    format: { kind: 'singleMatch', venue: 'neutral' },
    awayGoals: 'none',
    extraTime: EXTRA_TIME_SILVER_GOAL,
    ifStillLevel: PENALTIES,
    sources: ['[SG] 2003 UEFA Cup final Porto 3-2 Celtic (silver goal, Derlei)'],
  },
  {
    id: 'single-match-neutral-et-penalties',
    label: 'One match on neutral ground (not a final); extra time; then penalties',
    format: { kind: 'singleMatch', venue: 'neutral' },
    awayGoals: 'none',
    extraTime: EXTRA_TIME,
    ifStillLevel: PENALTIES,
    sources: ['[C19] [E19] the 2020 final tournaments in Lisbon and Germany', '[Q20] the 2020-21 Champions League preliminary round'],
  },
  {
    id: 'single-match-home-et-penalties',
    label: 'One match at one club\'s ground; extra time; then penalties',
    format: { kind: 'singleMatch', venue: 'home' },
    awayGoals: 'none',
    extraTime: EXTRA_TIME,
    ifStillLevel: PENALTIES,
    sources: ['[CL94]', '[Q20] 2020-21 single-leg qualifying ties hosted by the club drawn first', '[PR18] preliminary round mini-tournaments'],
  },
];

/** The kinds of round a catalogue row can single out. Source labels are normalised by `normalizeRound`. */
export type RoundKind =
  | 'qualifying'
  /** Finer kinds of qualifying round: a row listing 'qualifying' covers them unless a row names them. */
  | 'preliminary-round'
  | 'preliminary-semi-final'
  | 'preliminary-final'
  | 'qualifying-play-off'
  | 'knockout-play-off'
  | 'first-round'
  | 'second-round'
  | 'third-round'
  | 'round-of-32'
  | 'round-of-16'
  | 'quarter-final'
  | 'semi-final'
  | 'final'
  | 'group'
  | 'other';

export interface Competition {
  readonly key: string;
  readonly name: string;
  /** Matched case-, accent- and punctuation-insensitively. */
  readonly aliases: readonly string[];
  /**
   * How the competition labels its seasons: "2017-18" (`splitYear`, the default: UEFA's autumn-to-spring
   * seasons) or "2023" (`calendarYear`, e.g. the Copa Libertadores).
   */
  readonly seasons?: SeasonStyle;
}

export type SeasonStyle = 'splitYear' | 'calendarYear';

export interface CatalogueEntry {
  readonly competition: string;
  /** Inclusive season start years; `to: null` means "to date". 1955 is the 1955-56 season. */
  readonly seasons: { readonly from: number; readonly to: number | null };
  /** The rounds this row governs; `'otherRounds'` covers every knockout round no row of the same season lists. */
  readonly rounds: readonly RoundKind[] | 'otherRounds';
  readonly ruleSetId: string;
  readonly why: string;
  /**
   * The rule set for a tie of this round that a results file states was played in the other format
   * (a round where only some ties became single matches, e.g. the 2019-20 Europa League round of 16).
   * Without it, a stated format that contradicts `ruleSetId` is refused.
   */
  readonly otherFormat?: { readonly ruleSetId: string; readonly why: string };
}

/** The format a results file may state for a tie (`"format"`), as the rule set's TieFormat kind. */
export type StatedFormat = 'singleMatch' | 'twoLegs';

/** Qualifying kinds that fall back to rows listing 'qualifying'. */
const QUALIFYING_KINDS: readonly RoundKind[] = ['preliminary-round', 'preliminary-semi-final', 'preliminary-final', 'qualifying-play-off'];

const UEFA_COMPETITIONS: readonly Competition[] = [
  {
    key: 'european-cup',
    name: 'European Cup / UEFA Champions League',
    aliases: ['European Cup / UEFA Champions League', 'UEFA Champions League', 'Champions League', 'European Cup', "European Champion Clubs' Cup", 'UCL'],
  },
  {
    key: 'cup-winners-cup',
    name: "UEFA Cup Winners' Cup",
    aliases: ["UEFA Cup Winners' Cup", "Cup Winners' Cup", "European Cup Winners' Cup"],
  },
  {
    key: 'uefa-cup',
    name: 'UEFA Cup / UEFA Europa League',
    aliases: ['UEFA Cup / UEFA Europa League', 'UEFA Europa League', 'Europa League', 'UEFA Cup', 'UEL'],
  },
  {
    key: 'conference-league',
    name: 'UEFA Conference League',
    aliases: ['UEFA Europa Conference League', 'UEFA Conference League', 'Europa Conference League', 'Conference League'],
  },
];

const EARLY_ROUNDS: readonly RoundKind[] = ['qualifying', 'first-round'];
const FIRST_TWO_ROUNDS: readonly RoundKind[] = ['qualifying', 'first-round', 'second-round', 'round-of-16'];

const UEFA_CATALOGUE: readonly CatalogueEntry[] = [
  // --- European Cup / UEFA Champions League -------------------------------------------------
  { competition: 'european-cup', seasons: { from: 1955, to: 1966 }, rounds: 'otherRounds', ruleSetId: 'two-legs-replay-then-coin-toss', why: 'no away goals before 1967-68 [EC67]; play-offs in the data' },
  { competition: 'european-cup', seasons: { from: 1967, to: 1967 }, rounds: EARLY_ROUNDS, ruleSetId: 'two-legs-away-goals-et-replay-then-coin-toss', why: 'away goals in the first round only, ET goals excluded [EC67]' },
  { competition: 'european-cup', seasons: { from: 1967, to: 1967 }, rounds: 'otherRounds', ruleSetId: 'two-legs-replay-then-coin-toss', why: '[EC67] Juventus v Braunschweig play-off' },
  { competition: 'european-cup', seasons: { from: 1968, to: 1968 }, rounds: FIRST_TWO_ROUNDS, ruleSetId: 'two-legs-away-goals-et-replay-then-coin-toss', why: 'away goals extended to the first and second rounds [EC68]' },
  { competition: 'european-cup', seasons: { from: 1968, to: 1968 }, rounds: 'otherRounds', ruleSetId: 'two-legs-replay-then-coin-toss', why: '[EC68] Ajax v Benfica play-off' },
  { competition: 'european-cup', seasons: { from: 1969, to: 1969 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-et-coin-toss', why: 'play-offs abandoned, coin toss [EC69]' },
  { competition: 'european-cup', seasons: { from: 1970, to: 1994 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-incl-et-penalties', why: '[PEN] [ETAG]' },
  { competition: 'european-cup', seasons: { from: 1995, to: 2002 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-incl-et-penalties-golden-goal', why: '[GG]; 2002-03 two-legged ties still before the silver goal [SG]' },
  { competition: 'european-cup', seasons: { from: 2003, to: 2003 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-incl-et-penalties-silver-goal', why: '[SG]' },
  { competition: 'european-cup', seasons: { from: 2004, to: 2020 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-incl-et-penalties', why: '[ETAG] (uefa.com 2005)' },
  { competition: 'european-cup', seasons: { from: 2021, to: null }, rounds: 'otherRounds', ruleSetId: 'two-legs-et-penalties', why: '[AG] abolition from 2021-22' },
  { competition: 'european-cup', seasons: { from: 1993, to: 1993 }, rounds: ['semi-final'], ruleSetId: 'single-match-home-et-penalties', why: '[CL94]' },
  { competition: 'european-cup', seasons: { from: 2018, to: null }, rounds: ['preliminary-round', 'preliminary-semi-final', 'preliminary-final'], ruleSetId: 'single-match-home-et-penalties', why: '[PR18] one-legged semi-finals and final hosted by one club' },
  { competition: 'european-cup', seasons: { from: 2019, to: 2019 }, rounds: ['quarter-final', 'semi-final'], ruleSetId: 'single-match-neutral-et-penalties', why: '[C19] final tournament in Lisbon, August 2020' },
  { competition: 'european-cup', seasons: { from: 2020, to: 2020 }, rounds: ['qualifying'], ruleSetId: 'single-match-home-et-penalties', why: '[Q20] single-leg qualifying rounds (the preliminary round at a neutral venue, but away goals never apply to one match)' },
  { competition: 'european-cup', seasons: { from: 2020, to: 2020 }, rounds: ['qualifying-play-off'], ruleSetId: 'two-legs-away-goals-incl-et-penalties', why: '[Q20] the Champions League play-offs stayed two-legged' },
  { competition: 'european-cup', seasons: { from: 1955, to: 1969 }, rounds: ['final'], ruleSetId: 'final-et-replay-then-coin-toss', why: '[FIN75] replays until 1975' },
  { competition: 'european-cup', seasons: { from: 1970, to: 1974 }, rounds: ['final'], ruleSetId: 'final-et-replay-then-penalties', why: '[FIN75] 1974 final replay' },
  { competition: 'european-cup', seasons: { from: 1975, to: 1994 }, rounds: ['final'], ruleSetId: 'final-et-penalties', why: '[FIN75]' },
  { competition: 'european-cup', seasons: { from: 1995, to: 2001 }, rounds: ['final'], ruleSetId: 'final-et-penalties-golden-goal', why: '[GG]' },
  { competition: 'european-cup', seasons: { from: 2002, to: 2003 }, rounds: ['final'], ruleSetId: 'final-et-penalties-silver-goal', why: '[SG] 2003 and 2004 finals' },
  { competition: 'european-cup', seasons: { from: 2004, to: null }, rounds: ['final'], ruleSetId: 'final-et-penalties', why: '[SG] dropped after 2003-04' },

  // --- UEFA Cup Winners' Cup (1960-61 to 1998-99) ---------------------------------------------
  { competition: 'cup-winners-cup', seasons: { from: 1960, to: 1960 }, rounds: 'otherRounds', ruleSetId: 'two-legs-replay-then-coin-toss', why: 'first edition, final over two legs (Rangers v Fiorentina, data)' },
  { competition: 'cup-winners-cup', seasons: { from: 1960, to: 1960 }, rounds: ['final'], ruleSetId: 'two-legs-replay-then-coin-toss', why: 'two-legged final (data)' },
  { competition: 'cup-winners-cup', seasons: { from: 1961, to: 1964 }, rounds: 'otherRounds', ruleSetId: 'two-legs-replay-then-coin-toss', why: 'before away goals [AG]' },
  { competition: 'cup-winners-cup', seasons: { from: 1965, to: 1967 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-et-coin-toss', why: 'away goals from 1965-66 [AG]; extra time then coin toss [CWC66]' },
  { competition: 'cup-winners-cup', seasons: { from: 1968, to: 1968 }, rounds: FIRST_TWO_ROUNDS, ruleSetId: 'two-legs-away-goals-replay-then-coin-toss', why: '[CWC68]' },
  { competition: 'cup-winners-cup', seasons: { from: 1968, to: 1968 }, rounds: 'otherRounds', ruleSetId: 'two-legs-replay-then-coin-toss', why: '[CWC68] play-off from the quarter-finals regardless of away goals' },
  { competition: 'cup-winners-cup', seasons: { from: 1969, to: 1969 }, rounds: ['qualifying', 'first-round', 'second-round', 'round-of-16', 'quarter-final'], ruleSetId: 'two-legs-away-goals-replay-then-coin-toss', why: '[CWC69]' },
  { competition: 'cup-winners-cup', seasons: { from: 1969, to: 1969 }, rounds: 'otherRounds', ruleSetId: 'two-legs-replay-then-coin-toss', why: '[CWC69] Roma v Gornik semi-final play-off' },
  { competition: 'cup-winners-cup', seasons: { from: 1970, to: 1994 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-incl-et-penalties', why: '[PEN] [ETAG]' },
  { competition: 'cup-winners-cup', seasons: { from: 1995, to: 1998 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-incl-et-penalties-golden-goal', why: '[GG]' },
  { competition: 'cup-winners-cup', seasons: { from: 1961, to: 1969 }, rounds: ['final'], ruleSetId: 'final-et-replay-then-coin-toss', why: '[FIN75] 1962 and 1964 final replays' },
  { competition: 'cup-winners-cup', seasons: { from: 1970, to: 1974 }, rounds: ['final'], ruleSetId: 'final-et-replay-then-penalties', why: '[FIN75] 1971 final replay' },
  { competition: 'cup-winners-cup', seasons: { from: 1975, to: 1994 }, rounds: ['final'], ruleSetId: 'final-et-penalties', why: '[FIN75] 1980 final Valencia v Arsenal on penalties (data)' },
  { competition: 'cup-winners-cup', seasons: { from: 1995, to: 1998 }, rounds: ['final'], ruleSetId: 'final-et-penalties-golden-goal', why: '[GG]' },

  // --- UEFA Cup / UEFA Europa League (from 1971-72) -------------------------------------------
  { competition: 'uefa-cup', seasons: { from: 1971, to: 1994 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-incl-et-penalties', why: 'from its first season [PEN] [ETAG]' },
  { competition: 'uefa-cup', seasons: { from: 1971, to: 1994 }, rounds: ['final'], ruleSetId: 'two-legs-away-goals-incl-et-penalties', why: 'two-legged finals with away goals [UCF]' },
  { competition: 'uefa-cup', seasons: { from: 1995, to: 2002 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-incl-et-penalties-golden-goal', why: '[GG]' },
  { competition: 'uefa-cup', seasons: { from: 1995, to: 1996 }, rounds: ['final'], ruleSetId: 'two-legs-away-goals-incl-et-penalties-golden-goal', why: 'last two-legged finals [UCF] [GG]' },
  { competition: 'uefa-cup', seasons: { from: 1997, to: 2001 }, rounds: ['final'], ruleSetId: 'final-et-penalties-golden-goal', why: 'one-match finals from 1997-98 [UCF] [GG]' },
  { competition: 'uefa-cup', seasons: { from: 2002, to: 2003 }, rounds: ['final'], ruleSetId: 'final-et-penalties-silver-goal', why: '[SG]' },
  { competition: 'uefa-cup', seasons: { from: 2003, to: 2003 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-incl-et-penalties-silver-goal', why: '[SG]' },
  { competition: 'uefa-cup', seasons: { from: 2004, to: 2020 }, rounds: 'otherRounds', ruleSetId: 'two-legs-away-goals-incl-et-penalties', why: '[ETAG] (uefa.com 2005)' },
  { competition: 'uefa-cup', seasons: { from: 2004, to: null }, rounds: ['final'], ruleSetId: 'final-et-penalties', why: '[SG] dropped after 2003-04' },
  { competition: 'uefa-cup', seasons: { from: 2021, to: null }, rounds: 'otherRounds', ruleSetId: 'two-legs-et-penalties', why: '[AG] abolition from 2021-22' },
  { competition: 'uefa-cup', seasons: { from: 2019, to: 2019 }, rounds: ['quarter-final', 'semi-final'], ruleSetId: 'single-match-neutral-et-penalties', why: '[E19] final tournament in Germany, August 2020' },
  {
    competition: 'uefa-cup', seasons: { from: 2019, to: 2019 }, rounds: ['round-of-16'], ruleSetId: 'two-legs-away-goals-incl-et-penalties',
    why: '[E19] six round of 16 ties kept their second legs',
    otherFormat: { ruleSetId: 'single-match-neutral-et-penalties', why: '[E19] Inter v Getafe and Sevilla v Roma, single matches in Germany (5-6 August 2020)' },
  },
  { competition: 'uefa-cup', seasons: { from: 2020, to: 2020 }, rounds: ['qualifying'], ruleSetId: 'single-match-home-et-penalties', why: '[Q20] every Europa League qualifying round and the play-offs single-leg' },

  // --- UEFA Conference League (from 2021-22) ---------------------------------------------------
  { competition: 'conference-league', seasons: { from: 2021, to: null }, rounds: 'otherRounds', ruleSetId: 'two-legs-et-penalties', why: 'created after the abolition of away goals [AG]' },
  { competition: 'conference-league', seasons: { from: 2021, to: null }, rounds: ['final'], ruleSetId: 'final-et-penalties', why: 'one-match final' },

];

/**
 * Competitions added as data (addedCompetitions.json), checked here so a mistake in that file
 * fails at start with the entry and field named, not later with a wrong outcome.
 */
export function addedCompetitions(data: unknown): { ruleSets: RuleSet[]; competitions: Competition[]; catalogue: CatalogueEntry[] } {
  const file = 'src/ties/addedCompetitions.json';
  const fail = (where: string, problem: string): never => {
    throw new RuleSetError(`${file}: ${where}: ${problem}`);
  };
  const record = (typeof data === 'object' && data !== null ? data : fail('top level', 'expected an object')) as Record<string, unknown>;
  const list = (key: string): unknown[] => (Array.isArray(record[key]) ? (record[key] as unknown[]) : fail(key, 'expected an array'));
  const ruleSets = list('ruleSets').map((value, i) => {
    try {
      assertRuleSet(value);
    } catch (error) {
      fail(`ruleSets[${i}]`, (error as Error).message);
    }
    return value as RuleSet;
  });
  const competitions = list('competitions').map((value, i) => {
    const competition = value as Competition;
    if (typeof competition?.key !== 'string' || typeof competition.name !== 'string' || !Array.isArray(competition.aliases)) {
      fail(`competitions[${i}]`, 'expected { key, name, aliases }');
    }
    if (competition.seasons !== undefined && competition.seasons !== 'splitYear' && competition.seasons !== 'calendarYear') {
      fail(`competitions[${i}].seasons`, 'expected "splitYear" or "calendarYear"');
    }
    return competition;
  });
  const catalogue = list('catalogue').map((value, i) => {
    const entry = value as CatalogueEntry;
    const rounds = entry?.rounds;
    if (typeof entry?.competition !== 'string' || typeof entry.ruleSetId !== 'string' || typeof entry.why !== 'string') {
      fail(`catalogue[${i}]`, 'expected { competition, seasons, rounds, ruleSetId, why }');
    }
    if (typeof entry.seasons?.from !== 'number' || !(entry.seasons.to === null || typeof entry.seasons.to === 'number')) {
      fail(`catalogue[${i}].seasons`, 'expected { from: year, to: year or null }');
    }
    if (rounds !== 'otherRounds' && !(Array.isArray(rounds) && rounds.every((round) => ROUND_KINDS.includes(round)))) {
      fail(`catalogue[${i}].rounds`, `expected "otherRounds" or a list of ${ROUND_KINDS.join(', ')}`);
    }
    return entry;
  });
  return { ruleSets, competitions, catalogue };
}

const ROUND_KINDS: readonly RoundKind[] = [
  'qualifying', 'preliminary-round', 'preliminary-semi-final', 'preliminary-final', 'qualifying-play-off', 'knockout-play-off', 'first-round', 'second-round', 'third-round', 'round-of-32', 'round-of-16',
  'quarter-final', 'semi-final', 'final',
];

const added = addedCompetitions(addedCompetitionsData);

/** Every rule set: the UEFA history here, then those added as data. */
export const RULE_SETS: readonly RuleSet[] = [...UEFA_RULE_SETS, ...added.ruleSets];
/** Every competition the catalogue knows, with the names it answers to. */
export const COMPETITIONS: readonly Competition[] = [...UEFA_COMPETITIONS, ...added.competitions];
/** Which rule set governed which competition, seasons and rounds. */
export const CATALOGUE: readonly CatalogueEntry[] = [...UEFA_CATALOGUE, ...added.catalogue];

/** The rule set with this id; throws a RuleSetError listing the known ids if there is none. */
export function ruleSetById(id: string): RuleSet {
  const found = RULE_SETS.find((ruleSet) => ruleSet.id === id);
  if (!found) {
    throw new RuleSetError(`unknown rule set id "${id}"; known ids: ${RULE_SETS.map((r) => r.id).join(', ')}`);
  }
  return found;
}

/**
 * The rule set that governed a knockout tie.
 * `season`: "2017-18", "2017/18", "1999-00", "1999-2000", or a calendar year ("2022") for one-year competitions.
 * `round`: the round as the source names it ("R16", "Quarter-finals", "Final", "Second qualifying round" ...);
 * omitted means "an ordinary knockout round" (not the final).
 * Throws a RuleSetError saying what the catalogue covers when nothing matches.
 */
export function findRuleSet(competition: string, season: string, round?: string, statedFormat?: StatedFormat): RuleSet {
  const found = findCatalogueEntry(competition, season, round);
  const ruleSet = ruleSetById(found.ruleSetId);
  if (statedFormat === undefined || ruleSet.format.kind === statedFormat) return ruleSet;
  const other = found.otherFormat ? ruleSetById(found.otherFormat.ruleSetId) : null;
  if (other && other.format.kind === statedFormat) return other;
  throw new RuleSetError(
    `the tie is stated to be ${describeFormat(statedFormat)}, but ${competition} ${season}${round === undefined ? '' : ` "${round}"`} ` +
      `was ${describeFormat(ruleSet.format.kind)} (rule set ${ruleSet.id}: ${found.why}), and the catalogue knows no rule set for that round played as ${describeFormat(statedFormat)}`,
  );
}

function describeFormat(format: StatedFormat): string {
  return format === 'singleMatch' ? 'a single match' : 'two legs';
}

/** As findRuleSet, but an explicit rule set id (a "what if") wins over the catalogue. */
export function resolveRuleSet(query: { competition: string; season: string; round?: string; ruleSetId?: string }): RuleSet {
  if (query.ruleSetId !== undefined) return ruleSetById(query.ruleSetId);
  return findRuleSet(query.competition, query.season, query.round);
}

/** The catalogue row behind findRuleSet, for callers that want to show why. */
export function findCatalogueEntry(competitionName: string, season: string, round?: string): CatalogueEntry {
  const competition = findCompetition(competitionName);
  const year = seasonStartYear(season);
  const roundKind: RoundKind = round === undefined ? 'other' : normalizeRound(round);
  if (roundKind === 'group') {
    throw new RuleSetError(`"${round}" is a group or league phase, not a knockout tie; no tie rules apply`);
  }
  const inSeason = CATALOGUE.filter(
    (entry) => entry.competition === competition.key && entry.seasons.from <= year && (entry.seasons.to === null || year <= entry.seasons.to),
  );
  const listing = (kind: RoundKind) => inSeason.filter((entry) => entry.rounds !== 'otherRounds' && entry.rounds.includes(kind));
  const specific = listing(roundKind);
  // A preliminary semi-final or a play-off round is a qualifying round unless a row names it.
  const parent = specific.length === 0 && QUALIFYING_KINDS.includes(roundKind) ? listing('qualifying') : [];
  const general = inSeason.filter((entry) => entry.rounds === 'otherRounds');
  const candidates = specific.length > 0 ? specific : parent.length > 0 ? parent : general;
  const [only, ...others] = candidates;
  if (only === undefined) {
    const covered = CATALOGUE.filter((entry) => entry.competition === competition.key);
    const from = Math.min(...covered.map((entry) => entry.seasons.from));
    const to = covered.some((entry) => entry.seasons.to === null) ? null : Math.max(...covered.map((entry) => entry.seasons.to ?? 0));
    throw new RuleSetError(
      `no rule set for ${competition.name}, season ${season}${round === undefined ? '' : `, round "${round}"`}: ` +
        `the catalogue covers ${formatSeason(from)} to ${to === null ? 'date' : formatSeason(to)}`,
    );
  }
  if (others.length > 0) {
    throw new RuleSetError(`catalogue is ambiguous for ${competition.name} ${season} ${round ?? ''}: ${candidates.map((c) => c.ruleSetId).join(', ')}`);
  }
  return only;
}

export function findCompetition(name: string): Competition {
  const wanted = normalizeName(name);
  const found = COMPETITIONS.find((competition) => competition.aliases.some((alias) => normalizeName(alias) === wanted));
  if (!found) {
    const closest = closestCompetitions(name).map((c) => `"${c}"`);
    throw new RuleSetError(`unknown competition "${name}"; the closest known are ${closest.slice(0, -1).join(', ')} and ${closest.at(-1)}`);
  }
  return found;
}

/**
 * The names of the known competitions closest to a name nobody knows, nearest first (edit distance
 * between normalised names, over every alias; one name per competition).
 */
export function closestCompetitions(name: string, count = 3): string[] {
  const wanted = normalizeName(name);
  return COMPETITIONS.map((competition) => ({
    name: competition.name,
    distance: Math.min(...competition.aliases.map((alias) => distance(normalizeName(alias), wanted))),
  }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .map((entry) => entry.name);
}

/**
 * A season label as this competition writes it: "2017-18" for split-year competitions (also from
 * "2017/18", "2017-2018", "17/18"), "2023" for calendar-year ones. Throws a RuleSetError naming the
 * candidates when the label fits the other style: "2018" for the Champions League is "2017-18" or
 * "2018-19"; "2022-23" for the Copa Libertadores is "2022" or "2023".
 */
export function seasonLabelFor(competitionName: string, input: string): string {
  const competition = findCompetition(competitionName);
  const label = normalizeSeasonLabel(input);
  const calendar = competition.seasons === 'calendarYear';
  if (label === null) {
    throw new RuleSetError(`season "${input}": expected ${calendar ? 'a year, e.g. "2023"' : 'a season like "2017-18" (or "2017/18", "2017-2018", "17/18")'}`);
  }
  const year = Number(label.slice(0, 4));
  if (!calendar && /^\d{4}$/.test(label)) {
    throw new RuleSetError(
      `season "${input}" is ambiguous: ${competition.name} seasons span two years; did you mean "${formatSeason(year - 1)}" or "${formatSeason(year)}"?`,
    );
  }
  if (calendar && !/^\d{4}$/.test(label)) {
    throw new RuleSetError(`season "${input}": ${competition.name} seasons are calendar years; did you mean "${year}" or "${year + 1}"?`);
  }
  return label;
}

/** "2017-18" -> 2017; also "2017/18", "2017-2018", "1999-00", and a calendar year "2022". */
export function seasonStartYear(season: string): number {
  const match = /^\s*(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?\s*$/.exec(season);
  if (!match) {
    throw new RuleSetError(`season "${season}": expected "YYYY-YY" (e.g. "2017-18") or a year`);
  }
  const start = Number(match[1]);
  const end = match[2];
  if (end !== undefined) {
    const expected = end.length === 2 ? String((start + 1) % 100).padStart(2, '0') : String(start + 1);
    if (end !== expected) {
      throw new RuleSetError(`season "${season}": the second year should be ${expected}`);
    }
  }
  return start;
}

function formatSeason(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** Maps a source's round label to a RoundKind ("R16" -> round-of-16, "Third qualifying round" -> qualifying ...). */
export function normalizeRound(round: string): RoundKind {
  const r = normalizeName(round);
  if (/\bgroup\b|league phase|league stage/.test(r)) return 'group';
  if (/\bknockout (round |phase |stage )?play ?offs?\b/.test(r)) return 'knockout-play-off';
  if (/preliminar/.test(r) && /semi/.test(r)) return 'preliminary-semi-final';
  if (/preliminar/.test(r) && /\bfinals?\b/.test(r)) return 'preliminary-final';
  if (/play ?offs?\b/.test(r) && !/preliminar/.test(r)) return 'qualifying-play-off';
  if (/^preliminary round$/.test(r)) return 'preliminary-round';
  if (/qualif|preliminar/.test(r)) return 'qualifying';
  if (/semi/.test(r)) return 'semi-final';
  if (/quarter/.test(r)) return 'quarter-final';
  if (/^(the )?finals?$/.test(r)) return 'final';
  if (/\br ?16\b|round of 16|last 16|eighth|1 8 final/.test(r)) return 'round-of-16';
  if (/\br ?32\b|round of 32|last 32|sixteenth|1 16 final/.test(r)) return 'round-of-32';
  if (/^(1st|first) round$|^round 1$/.test(r)) return 'first-round';
  if (/^(2nd|second) round$|^round 2$/.test(r)) return 'second-round';
  if (/^(3rd|third) round$|^round 3$/.test(r)) return 'third-round';
  return 'other';
}
