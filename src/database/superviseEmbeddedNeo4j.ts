/**
 * Keeps the app's embedded Neo4j running: when the JVM exits without being asked to (killed,
 * out of memory, crashed), it is started again on the same store and the same Bolt port, after
 * an exponential backoff (0.5 s, 1 s, 2 s, ... up to 30 s; the delay resets once an instance has
 * stayed up for a minute). Neo4j replays its transaction log on start, so every committed
 * transaction is there again. Each step is logged.
 */
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedNeo4jOptions } from "./embeddedNeo4j.ts";

export interface SupervisedNeo4j {
  /** Fixed for the supervisor's life: restarts reuse the first start's port, store and password. */
  uri: string;
  boltPort: number;
  dataDir: string;
  user: string;
  password: string;
  /** The JVM running now, or null while it is down or restarting. */
  current(): EmbeddedNeo4j | null;
  /** How many times the JVM has been started again after an unexpected exit. */
  restarts(): number;
  /** Stops supervising and stops the JVM. */
  stop(): Promise<void>;
}

export interface SupervisionOptions extends EmbeddedNeo4jOptions {
  /** The JVM exited unexpectedly: the database is down until `onUp`. */
  onDown?: (reason: string) => void;
  /** A restarted JVM serves Bolt again. */
  onUp?: (instance: EmbeddedNeo4j) => void;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/** An instance that stayed up this long is healthy: the next crash restarts after the initial delay again. */
const healthyAfterMs = 60_000;

export async function superviseEmbeddedNeo4j(options: SupervisionOptions): Promise<SupervisedNeo4j> {
  const log = options.onLog ?? (() => {});
  const initialBackoffMs = options.initialBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const first = await startEmbeddedNeo4j(options);
  let current: EmbeddedNeo4j | null = first;
  let restarts = 0;
  let stopped = false;
  let backoffMs = initialBackoffMs;
  let wakeUp: () => void = () => {};
  let pendingStart: Promise<EmbeddedNeo4j> | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function watch(instance: EmbeddedNeo4j): Promise<void> {
    const startedAt = Date.now();
    const { code, signal, expected } = await instance.exited;
    if (expected || stopped) return;
    current = null;
    if (Date.now() - startedAt > healthyAfterMs) backoffMs = initialBackoffMs;
    const reason = `embedded Neo4j (pid ${instance.pid}) exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`;
    options.onDown?.(reason);
    while (!stopped) {
      log(`restarting embedded Neo4j on ${first.dataDir} (port ${first.boltPort}) in ${(backoffMs / 1000).toFixed(1)} s`);
      await sleep(backoffMs);
      backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
      if (stopped) return;
      const restartedAt = Date.now();
      try {
        pendingStart = startEmbeddedNeo4j({ ...options, boltPort: first.boltPort });
        const restarted = await pendingStart.finally(() => {
          pendingStart = null;
        });
        if (stopped) return; // stop() stops it
        restarts += 1;
        current = restarted;
        log(`embedded Neo4j restarted (pid ${restarted.pid}) in ${((Date.now() - restartedAt) / 1000).toFixed(1)} s`);
        options.onUp?.(restarted);
        void watch(restarted);
        return;
      } catch (error) {
        log(`restarting embedded Neo4j failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      }
    }
  }

  void watch(first);
  return {
    uri: first.uri,
    boltPort: first.boltPort,
    dataDir: first.dataDir,
    user: first.user,
    password: first.password,
    current: () => current,
    restarts: () => restarts,
    async stop() {
      stopped = true;
      wakeUp();
      await current?.stop();
      await pendingStart?.then((instance) => instance.stop(), () => {});
    },
  };
}
