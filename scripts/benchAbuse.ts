/**
 * Measures what a well-behaved client sees while others abuse the server: the latency of a cheap
 * query and of /healthz, first on a quiet server, then while abusive clients run the issue's
 * kinds of query (refused ones and the heaviest ones the limits still allow). Prints numbers.
 *
 *   npm start                                  (with the 1955-2016 ties imported, see README)
 *   npx tsx scripts/benchAbuse.ts [http://127.0.0.1:4000/graphql] [seconds per phase, default 20]
 *
 * The abusive clients run in a child process of their own: in the measuring process, handling
 * their answers (up to 250 KB each, hundreds a second) would delay the well-behaved client's own
 * timings on the same event loop, and the bench would measure itself.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { aliasesOfNeighbourhood, nestedFilter, nestedMatches } from "../tests/support/abusiveQueries.ts";

const abuseOnly = process.argv[2] === "--abuse";
const endpoint = (abuseOnly ? process.argv[3] : process.argv[2]) ?? "http://127.0.0.1:4000/graphql";
const phaseSeconds = Number(process.argv[3] ?? 20);
const healthz = endpoint.replace(/\/graphql$/, "/healthz");

const cheapQuery = `{ competitions(limit: 1) { id name } }`;

/** The issue's abusive kinds; the last ones pass the limits and make the database work. */
const abusive: Record<string, string> = {
  crash: `{ ${["a", "b", "c"].map((alias) => `${alias}: ${nestedMatches(4, 100)}`).join(" ")} }`,
  nestedFilter: nestedFilter(4),
  aliases2500: aliasesOfNeighbourhood(2500, { id: "club:ger-bayern-munchen" }),
  deep20: `{ ${nestedMatches(10, 100)} }`,
  heaviestAllowedLists: `{ clubs(limit: 100) { homeMatches(limit: 100) { id date homeScore awayScore homeScoreAfterExtraTime awayScoreAfterExtraTime attendance played awayClub { name } } } }`,
  allowedAliasesOfNeighbourhood: aliasesOfNeighbourhood(15, { id: "club:ger-bayern-munchen", depth: 2, selection: "truncated nodes { id }" }),
  allowedNestedFilter: nestedFilter(2),
};

async function timed(request: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await request();
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

const post = (query: string) => () => fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measureWellBehaved(seconds: number): Promise<{ cheap: number[]; health: number[]; failures: number }> {
  const cheap: number[] = [];
  const health: number[] = [];
  let failures = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const query = await timed(post(cheapQuery));
    if (query.status !== 200) failures += 1;
    cheap.push(query.ms);
    health.push((await timed(() => fetch(healthz))).ms);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { cheap, health, failures };
}

function report(label: string, result: { cheap: number[]; health: number[]; failures: number }): void {
  const line = (values: number[]) =>
    `p50 ${percentile(values, 50).toFixed(0)} ms, p95 ${percentile(values, 95).toFixed(0)} ms, p99 ${percentile(values, 99).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms (n=${values.length})`;
  console.log(`${label}\n  cheap query: ${line(result.cheap)}, non-200: ${result.failures}\n  /healthz:    ${line(result.health)}`);
}

type Outcome = { count: number; statuses: Map<number, number>; codes: Map<string, number>; ms: number[] };

/** The child process: every abusive client in a loop until SIGTERM, then a line per kind on stdout. */
async function abuseUntilTerminated(): Promise<void> {
  const outcomes = new Map<string, Outcome>();
  let abusing = true;
  process.once("SIGTERM", () => (abusing = false));
  const abusers = Object.entries(abusive).map(async ([kind, query]) => {
    const outcome: Outcome = { count: 0, statuses: new Map(), codes: new Map(), ms: [] };
    outcomes.set(kind, outcome);
    while (abusing) {
      const started = performance.now();
      const response = await post(query)();
      const text = await response.text();
      outcome.ms.push(performance.now() - started);
      outcome.count += 1;
      outcome.statuses.set(response.status, (outcome.statuses.get(response.status) ?? 0) + 1);
      const code = /"code":"(\w+)"/.exec(text)?.[1] ?? "none";
      outcome.codes.set(code, (outcome.codes.get(code) ?? 0) + 1);
    }
  });
  await Promise.all(abusers);
  const lines = [...outcomes].map(
    ([kind, outcome]) =>
      `  abusive ${kind}: ${outcome.count} requests, statuses ${JSON.stringify(Object.fromEntries(outcome.statuses))}, codes ${JSON.stringify(Object.fromEntries(outcome.codes))}, max ${Math.max(...outcome.ms).toFixed(0)} ms`,
  );
  process.stdout.write(lines.join("\n") + "\n");
}

if (abuseOnly) {
  await abuseUntilTerminated();
} else {
  // Warm up (query plans), then a quiet phase, then the same under abuse.
  for (let round = 0; round < 5; round += 1) await timed(post(cheapQuery));
  report(`quiet (${phaseSeconds} s)`, await measureWellBehaved(phaseSeconds));

  const abusers = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--abuse", endpoint], { stdio: ["ignore", "pipe", "inherit"] });
  let abuseReport = "";
  abusers.stdout.on("data", (chunk: Buffer) => (abuseReport += chunk.toString()));
  const abusersExited = new Promise((resolve) => abusers.once("exit", resolve));
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // let every abusive client start
  const underAbuse = await measureWellBehaved(phaseSeconds);
  abusers.kill("SIGTERM");
  await abusersExited;
  report(`under abuse (${phaseSeconds} s, ${Object.keys(abusive).length} abusive clients in their own process)`, underAbuse);
  process.stdout.write(abuseReport);
}
