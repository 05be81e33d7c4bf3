/**
 * The raw baseline: a plain Node HTTP server on neo4j-driver that does the work of two GraphQL
 * requests with nothing in between, so `npm run bench` can say how much GraphQL costs.
 *
 *   GET /tie?competition=Europa%20League&season=2017-18&club=Dortmund&opponent=Atalanta
 *     The README's tie query: ONE Cypher statement finds the tie by normalised names (exact
 *     names and aliases, as Query.tie tries first) and fetches its legs, clubs, stadium and goals
 *     with scorer, club and sources; then the project's own pure `decideTie` decides it. The JSON
 *     has the shape of the GraphQL answer's `data`.
 *   GET /clubs?limit=10
 *     `clubs(limit: 10) { id name aliases }`.
 *
 *   npx tsx bench/rawServer.ts   (env BENCH_BOLT_URI, BENCH_RAW_PORT; prints "RAW_READY <url>")
 */
import http from "node:http";
import neo4j, { type Driver } from "neo4j-driver";
import { normalizeName } from "../src/names/normalizeName.ts";
import { normalizeSeasonLabel } from "../src/names/normalizeSeasonLabel.ts";
import { tieFactsFromGraph, type GraphTie } from "../src/graphql/tieFactsFromGraph.ts";
import { decideTie, ruleSetById, type ClubPair, type ClubRef } from "../src/ties/index.ts";

/** The legs with everything the README query and Tie.outcome's `requires` ask for, in one statement. */
export const tieStatement = `
MATCH (t:Tie {season: $season})-[:IN_COMPETITION]->(c:Competition)
WHERE $competition IN c.nameKeys
MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(a:Club) WHERE $club IN a.nameKeys
MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(b:Club) WHERE a <> b AND $opponent IN b.nameKeys
WITH DISTINCT t LIMIT 2
OPTIONAL MATCH (t)-[:RECORDED_WINNER]->(rw:Club)
CALL (t) {
  MATCH (t)-[:HAS_LEG]->(m:Match)
  OPTIONAL MATCH (m)-[:HOME_CLUB]->(home:Club)
  OPTIONAL MATCH (m)-[:AWAY_CLUB]->(away:Club)
  OPTIONAL MATCH (m)-[:PLAYED_AT]->(stadium:Stadium)
  CALL (m) {
    OPTIONAL MATCH (m)-[:HAS_GOAL]->(g:Goal)
    OPTIONAL MATCH (g)-[:FOR_CLUB]->(gc:Club)
    OPTIONAL MATCH (g)<-[:SCORED]-(p:Player)
    WITH g, gc, p ORDER BY g.order
    RETURN collect(CASE WHEN g IS NULL THEN NULL ELSE g {
      .order, .minute, .addedTime, .period, .penalty, .ownGoal,
      club: gc {.id, .name}, scorer: p {.id, .name},
      sources: COLLECT { MATCH (g)-[:REPORTED_BY]->(s:Source) RETURN s {.id} }
    } END) AS goals
  }
  WITH m, home, away, stadium, goals ORDER BY m.legNumber
  RETURN collect(m {
    .id, .legNumber, .isReplay, .played, date: toString(m.date), .homeScore, .awayScore,
    .homeScoreAfterExtraTime, .awayScoreAfterExtraTime, .homePenalties, .awayPenalties, .awarded, .awardedNote,
    homeClub: home {.id, .name, .aliases}, awayClub: away {.id, .name, .aliases},
    stadium: stadium {.name}, goals: goals
  }) AS legs
}
RETURN t {.id, .season, .stage, .ruleSetId, .recordedDecision, .recordedDecisionNote, recordedWinner: rw {.id, .name, .aliases}, legs: legs} AS tie`;

export const clubsStatement = `MATCH (c:Club) RETURN c {.id, .name, .aliases} AS club LIMIT $limit`;

interface Answer {
  status: number;
  body: unknown;
}

type FetchedLeg = GraphTie["legs"][number] & { stadium: { name: string } | null };
type FetchedTie = Omit<GraphTie, "legs"> & { stage: string | null; legs: FetchedLeg[] };

async function answerTie(driver: Driver, query: URLSearchParams): Promise<Answer> {
  const season = normalizeSeasonLabel(query.get("season") ?? "");
  const keys = {
    competition: normalizeName(query.get("competition") ?? ""),
    club: normalizeName(query.get("club") ?? ""),
    opponent: normalizeName(query.get("opponent") ?? ""),
  };
  if (!season || !keys.competition || !keys.club || !keys.opponent) {
    return { status: 400, body: { error: "competition, season (like 2017-18), club and opponent are required" } };
  }
  const { records } = await driver.executeQuery(tieStatement, { ...keys, season }, { routing: neo4j.routing.READ });
  if (records.length > 1) return { status: 200, body: { errors: [{ message: "The names are ambiguous" }] } };
  const tie = records[0]?.get("tie") as FetchedTie | undefined;
  if (!tie) return { status: 200, body: { data: { tie: null } } };
  return { status: 200, body: { data: { tie: readmeShape(tie) } } };
}

/** The README query's selection, with `outcome` decided by src/ties as Tie.outcome does. */
function readmeShape(tie: FetchedTie) {
  const facts = tieFactsFromGraph(tie);
  const outcome = facts ? decideTie(facts, ruleSetById(tie.ruleSetId)) : null;
  const clubNames = new Map(tie.legs.flatMap((leg) => [leg.homeClub, leg.awayClub]).flatMap((club) => (club ? [[club.id, club.name] as const] : [])));
  const club = (ref: ClubRef) => ({ name: clubNames.get(ref.id) ?? ref.name });
  const scores = (pair: ClubPair | null) => (pair ?? []).map((entry) => ({ club: club(entry.club), goals: entry.goals }));
  return {
    stage: tie.stage,
    legs: tie.legs.map((leg) => ({
      date: leg.date,
      homeClub: leg.homeClub ? { name: leg.homeClub.name } : null,
      awayClub: leg.awayClub ? { name: leg.awayClub.name } : null,
      homeScore: leg.homeScore,
      awayScore: leg.awayScore,
      stadium: leg.stadium,
      goals: (leg.goals ?? []).map((goal) => {
        const scored = goal as typeof goal & { club: { name: string } | null; sources: { id: string }[] };
        return { minute: goal.minute, scorer: goal.scorer ? { name: goal.scorer.name } : null, club: scored.club ? { name: scored.club.name } : null, sources: scored.sources };
      }),
    })),
    outcome: outcome
      ? { winner: outcome.winner ? club(outcome.winner) : null, decidedBy: outcome.decidedBy, explanation: outcome.explanation, aggregate: scores(outcome.aggregate) }
      : { winner: null, decidedBy: null, explanation: "No match of this tie is known yet.", aggregate: [] },
  };
}

async function answerClubs(driver: Driver, query: URLSearchParams): Promise<Answer> {
  const limit = Math.min(Math.max(Number(query.get("limit") ?? 10) || 10, 1), 100);
  const { records } = await driver.executeQuery(clubsStatement, { limit: neo4j.int(limit) }, { routing: neo4j.routing.READ });
  return { status: 200, body: { data: { clubs: records.map((record) => record.get("club")) } } };
}

export interface RawServer {
  url: string;
  stop(): Promise<void>;
}

export async function startRawServer(options: { boltUri: string; user?: string; password?: string; port: number; host?: string }): Promise<RawServer> {
  // The same driver settings as src/database/Database.ts, so the comparison is about what sits above it.
  const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? "") : undefined;
  const driver = neo4j.driver(options.boltUri, auth, { disableLosslessIntegers: true, maxConnectionPoolSize: 50 });
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const route = url.pathname === "/tie" ? answerTie : url.pathname === "/clubs" ? answerClubs : null;
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    route(driver, url.searchParams).then(
      (answer) => {
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(JSON.stringify(answer.body));
      },
      (error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: (error as Error).message }));
      },
    );
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const boltUri = process.env.BENCH_BOLT_URI;
  if (!boltUri) throw new Error("BENCH_BOLT_URI must name the Bolt URI of a PitchGraph Neo4j, e.g. bolt://127.0.0.1:7707");
  const raw = await startRawServer({ boltUri, user: process.env.BENCH_BOLT_USER, password: process.env.BENCH_BOLT_PASSWORD, port: Number(process.env.BENCH_RAW_PORT ?? 4108) });
  console.log(`RAW_READY ${raw.url}`);
  const stop = () => void raw.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
