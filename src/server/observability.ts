/**
 * What operators see: one JSON log line per request (pino) and Prometheus metrics (prom-client)
 * at /metrics. The registry is per server, so two servers in one process (tests) never share counts.
 */
import { pino, type Logger } from "pino";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { openSessionCount } from "./RequestScope.ts";

export function createLogger(level: string): Logger {
  // Asynchronous writes (pino's own buffered destination, flushed at exit): a line per request
  // written synchronously cost about 5% of the server's CPU under load (scripts/benchAbuse.ts
  // with --cpu-prof), time every other request waited for.
  return pino(
    { level, base: { service: "pitchgraph" }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 1, sync: false }),
  );
}

export interface ServerMetrics {
  registry: Registry;
  requestDuration: Histogram<"operation" | "status">;
  errors: Counter<"code">;
  databaseUp: Gauge;
}

export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "pitchgraph_" });
  registerSessionsGauge(registry);
  return {
    registry,
    requestDuration: new Histogram({
      name: "pitchgraph_graphql_request_duration_seconds",
      help: "GraphQL requests by operation name and HTTP status, in seconds",
      labelNames: ["operation", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: "pitchgraph_graphql_errors_total",
      help: "Errors sent to clients, by code (BAD_USER_INPUT, QUERY_TOO_COMPLEX, TIMEOUT, ...)",
      labelNames: ["code"],
      registers: [registry],
    }),
    databaseUp: new Gauge({
      name: "pitchgraph_database_up",
      help: "1 when the last readiness round trip to Neo4j succeeded, 0 when it failed",
      registers: [registry],
    }),
  };
}

/** Pool use: the driver does not expose its pool, so we count the sessions requests hold. */
function registerSessionsGauge(registry: Registry): void {
  new Gauge({
    name: "pitchgraph_database_sessions_in_use",
    help: "Neo4j sessions held by requests right now (each holds one pooled connection while it runs)",
    registers: [registry],
    collect() {
      this.set(openSessionCount());
    },
  });
}
