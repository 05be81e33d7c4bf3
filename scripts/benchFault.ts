/**
 * `npx tsx scripts/benchFault.ts [--clients 10]`: the database-outage drill of tests/fault.test.ts
 * with figures. Starts PitchGraph on a temporary store (free ports), runs ten clients through the
 * HTTP server, kills the embedded JVM with SIGKILL and prints how long recovery took, how fast
 * requests failed meanwhile, and whether any acknowledged write was lost.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readConfig } from "../src/config.ts";
import { startPitchGraph } from "../src/startPitchGraph.ts";
import { failedInOutage, percentile, runFaultDrill, waitInOutageMs } from "../tests/support/faultDrill.ts";

const clientsIndex = process.argv.indexOf("--clients");
const clients = clientsIndex >= 0 ? Number(process.argv[clientsIndex + 1]) : 10;
const dataDir = await mkdtemp(path.join(os.tmpdir(), "pitchgraph-bench-fault-"));
const config = readConfig({ ...process.env, NEO4J_URI: "", PITCHGRAPH_DATA_DIR: dataDir, PITCHGRAPH_BOLT_PORT: "0", PORT: "0" });
const app = await startPitchGraph(config, (line) => console.log(`[app] ${line}`));
try {
  const drill = await runFaultDrill(app, { clients });
  const failed = failedInOutage(drill);
  const waits = failed.map((request) => waitInOutageMs(request, drill.killedAt));
  const ok = drill.requests.filter((request) => request.outcome === "ok");
  const ms = (value: number) => `${Math.round(value)} ms`;
  const count = (values: string[]) => [...new Map(values.map((value) => [value, values.filter((v) => v === value).length]))].map(([k, n]) => `${k} x${n}`).join(", ");
  console.log(`
fault drill: ${clients} clients, kill -9 of the embedded JVM (pid ${drill.killedPid})
  time to recover (kill -> first successful request): ${ms(drill.recoveredAfterMs)}
  requests: ${drill.requests.length} (${ok.length} ok, ${failed.length} failed during the outage)
  failed requests: outcomes ${count(failed.map((r) => r.outcome))}; HTTP ${count(failed.map((r) => String(r.status)))}
  failed requests, wait once the outage had begun: p50 ${ms(percentile(waits, 50))}, p99 ${ms(percentile(waits, 99))}, max ${ms(Math.max(...waits))}
  successful request duration: p50 ${ms(percentile(ok.map((r) => r.durationMs), 50))}, p99 ${ms(percentile(ok.map((r) => r.durationMs), 99))}
  writes: ${drill.acknowledgedWrites.length} acknowledged, ${drill.failedWrites} failed cleanly, ${drill.lostWrites.length} acknowledged but lost
  restarts by the supervisor: ${app.opened.embedded?.restarts()}`);
} finally {
  await app.stop();
  await rm(dataDir, { recursive: true, force: true });
}
