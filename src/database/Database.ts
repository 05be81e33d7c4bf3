/**
 * The one seam for hand-written Cypher: custom queries, loaders, seeding and import go through
 * here. It owns the driver, runs managed transactions with parameters (never string-built
 * values) and maps driver errors to messages that say what went wrong.
 *
 * @neo4j/graphql gets the same driver (`database.driver`) for the Cypher it generates itself;
 * that driver is guarded like the seam's own calls, so both fail fast during an outage.
 *
 * Outages (docs/decisions/010-database-outage-and-bolt-auth.md): the seam keeps an availability
 * state. It turns false on the first connectivity error (ServiceUnavailable, SessionExpired,
 * ECONNREFUSED, ...) or when told so (`markUnavailable`, e.g. by the embedded Neo4j's exit
 * event); while false, every transaction fails at once with DatabaseUnavailableError instead of
 * waiting out the driver's 30 s retry window, and a probe (`ping`) runs every
 * `probeIntervalMs` until the database answers again. Work already running when the state turns
 * false is abandoned at once: its caller gets DatabaseUnavailableError, and a write that was
 * abandoned is rolled back, never committed later.
 */
import { randomUUID } from "node:crypto";
import neo4j, {
  isRetryableError,
  type Config as DriverConfig,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
  type Session,
} from "neo4j-driver";
import { DatabaseUnavailableError } from "./DatabaseUnavailableError.ts";

export type Params = Record<string, unknown>;

/** A unit of work inside one transaction: everything in it commits together or not at all. */
export type TransactionWork<T> = (tx: ManagedTransaction) => Promise<T>;

type TransactionConfig = Parameters<Session["beginTransaction"]>[0];

export class DatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseError";
  }
}

/** Why the availability changed, for logs and the /readyz body. */
export interface AvailabilityChange {
  available: boolean;
  reason: string;
}

export interface DatabaseOptions {
  uri: string;
  user?: string;
  password?: string;
  databaseName?: string;
  description?: string;
  /** Instrumentation hook (tests count round trips with it). */
  wrapDriver?: (driver: Driver) => Driver;
  /** Overrides of the driver settings below (connection timeouts, pool size). */
  driverConfig?: Partial<DriverConfig>;
  /** How often to probe while unavailable (default 500 ms). */
  probeIntervalMs?: number;
  /** Receives one line per availability change. */
  onLog?: (line: string) => void;
}

/**
 * Driver settings. Connecting to a dead server fails in milliseconds (ECONNREFUSED); these bound
 * the cases that do not: a black-holed host (connectionTimeout) and a full pool
 * (connectionAcquisitionTimeout), both shorter than a request's deadline.
 */
const defaultDriverConfig: Partial<DriverConfig> = {
  // Integers come back as JS numbers: our counts and scores are far below 2^53.
  disableLosslessIntegers: true,
  maxConnectionPoolSize: 50,
  connectionTimeout: 3_000,
  connectionAcquisitionTimeout: 5_000,
};

/** Retries of transient errors (deadlocks, leader switches) stop after this long. */
const maxRetryTimeMs = 5_000;
const defaultProbeIntervalMs = 500;
/** What Retry-After tells clients during an outage; an embedded restart takes several seconds. */
const retryAfterSeconds = 2;
/** Generous: the probe runs in the background, and a server just back (cold JVM) can be slow to answer its first query. */
const probeTimeoutMs = 5_000;

export class Database {
  /** The guarded driver: sessions from it fail fast while the database is unavailable. */
  readonly driver: Driver;
  readonly databaseName: string | undefined;
  /** Where the data lives, for start-up messages ("embedded store at .data/", "bolt://..."). */
  readonly description: string;

  private readonly rawDriver: Driver;
  /**
   * Availability, shared by this Database and every per-request view of it (forRequest): a view
   * that sees an outage marks the one database down.
   */
  private readonly health: {
    available: boolean;
    reason: string;
    probeTimer: NodeJS.Timeout | null;
    closed: boolean;
    /** Run when the database answers again after an outage, before it counts as available (setWarmUpAfterOutage). */
    warmUp: (() => Promise<unknown>) | null;
    warming: boolean;
    /** Counts outages: a warm-up that an outage interrupted does not declare the database available. */
    outages: number;
  } = {
    available: true,
    reason: "",
    probeTimer: null,
    closed: false,
    warmUp: null,
    warming: false,
    outages: 0,
  };
  /** True on the view forWarmUp returns: its work runs while the database still counts as unavailable. */
  private readonly bypassesAvailability: boolean = false;
  /**
   * The secret a warm-up request carries (header `x-pitchgraph-warm-up`) so that the HTTP server
   * runs it on forWarmUp's view; random per process, so no client can skip the gate.
   */
  readonly warmUpToken = randomUUID();
  /** Where hand-written Cypher opens its sessions: the guarded shared driver, or a request's (forRequest). */
  private sessionDriver: Driver;
  private readonly availabilityListeners = new Set<(change: AvailabilityChange) => void>();
  /** Shared with per-request views (forRequest), like the availability. */
  private readonly writeListeners = new Set<() => void>();
  private readonly outageWaiters = new Set<(error: DatabaseUnavailableError) => void>();
  private readonly probeIntervalMs: number;
  private readonly log: (line: string) => void;

  constructor(options: DatabaseOptions) {
    const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? "") : undefined;
    const driver = neo4j.driver(options.uri, auth, { ...defaultDriverConfig, ...options.driverConfig });
    this.rawDriver = options.wrapDriver ? options.wrapDriver(driver) : driver;
    this.driver = this.guardDriver(this.rawDriver);
    this.sessionDriver = this.driver;
    this.databaseName = options.databaseName;
    this.description = options.description ?? options.uri;
    this.probeIntervalMs = options.probeIntervalMs ?? defaultProbeIntervalMs;
    this.log = options.onLog ?? (() => {});
  }

  /** Runs a read query and returns its records as plain objects. */
  async read<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.inSession("READ", async (tx) => recordsOf<T>(await tx.run<T>(cypher, params)));
  }

  /** Runs a write query in its own transaction and returns its records. */
  async write<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.inSession("WRITE", async (tx) => recordsOf<T>(await tx.run<T>(cypher, params)));
  }

  /** Runs several statements in one write transaction: all of it commits, or nothing does. */
  async writeTransaction<T>(work: TransactionWork<T>): Promise<T> {
    return this.inSession("WRITE", work);
  }

  async readTransaction<T>(work: TransactionWork<T>): Promise<T> {
    return this.inSession("READ", work);
  }

  /**
   * A view of this database for one request: the same methods and the same availability, with
   * sessions opened through `driver` (a RequestScope's, which bounds them by the request's
   * deadline and share). `driver` must wrap this database's own `driver`.
   */
  forRequest(driver: Driver): Database {
    const view = Object.create(this) as Database;
    Object.defineProperty(view, "driver", { value: driver, enumerable: true });
    Object.defineProperty(view, "sessionDriver", { value: driver });
    return view;
  }

  /**
   * A view of this database for warming it up after an outage: its transactions run while the
   * database still counts as unavailable (every other caller is refused meanwhile), on the
   * driver without the fail-fast guard. `driver` is for @neo4j/graphql.
   */
  forWarmUp(): Database {
    const view = Object.create(this) as Database;
    Object.defineProperty(view, "driver", { value: this.rawDriver, enumerable: true });
    Object.defineProperty(view, "sessionDriver", { value: this.rawDriver });
    Object.defineProperty(view, "bypassesAvailability", { value: true });
    return view;
  }

  /**
   * After an outage, when the database answers again, `warmUp` runs before the database counts
   * as available: a restarted Neo4j answers its first queries seconds late (cold plan cache and
   * JIT), and requests sent meanwhile would wait out their deadline instead of getting
   * DATABASE_UNAVAILABLE at once. The warm-up's own work goes through forWarmUp's view.
   */
  setWarmUpAfterOutage(warmUp: () => Promise<unknown>): void {
    this.health.warmUp = warmUp;
  }

  /** Calls `listener` after every committed write through this seam (the response cache forgets); returns a function that unsubscribes it. */
  onWrite(listener: () => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** False between a connectivity failure (or `markUnavailable`) and the next successful round trip. */
  isAvailable(): boolean {
    return this.health.available;
  }

  /** Calls `listener` on every change of availability; returns a function that unsubscribes it. */
  onAvailabilityChange(listener: (change: AvailabilityChange) => void): () => void {
    this.availabilityListeners.add(listener);
    return () => this.availabilityListeners.delete(listener);
  }

  /**
   * Declares the database down (the embedded JVM exited, say): transactions fail at once with
   * DatabaseUnavailableError, running ones are abandoned, and probing starts.
   */
  markUnavailable(reason: string): void {
    if (this.health.closed) return;
    this.health.outages += 1;
    if (this.health.available) {
      this.health.available = false;
      this.health.reason = reason;
      this.log(`database unavailable: ${reason}`);
      const error = this.unavailableError();
      for (const abandon of [...this.outageWaiters]) abandon(error);
      this.notify({ available: false, reason });
    }
    this.scheduleProbe();
  }

  /** Declares the database reachable again (any successful round trip does this too). */
  markAvailable(reason = "a round trip succeeded"): void {
    if (this.health.available || this.health.closed || this.health.warming) return;
    const warmUp = this.health.warmUp;
    if (!warmUp) return this.declareAvailable(reason);
    this.health.warming = true;
    const outages = this.health.outages;
    this.log(`database answers again (${reason}); warming it up before serving`);
    void warmUp()
      .catch((error: unknown) => this.log(`warm-up failed (serving anyway): ${messageOf(error)}`))
      .finally(() => {
        this.health.warming = false;
        // Down again while warming: the probe that outage started decides.
        if (this.health.outages === outages) this.declareAvailable(`${reason}, warmed up`);
        else this.scheduleProbe();
      });
  }

  private declareAvailable(reason: string): void {
    if (this.health.available || this.health.closed) return;
    this.health.available = true;
    this.health.reason = "";
    this.log(`database available again: ${reason}`);
    this.notify({ available: true, reason });
  }

  /**
   * One round trip (`RETURN 1` in a read transaction) bounded by `timeoutMs`; for /readyz and the
   * outage probe. Resolves with the round-trip time in milliseconds; rejects with
   * DatabaseUnavailableError when the database does not answer in time. A success marks the
   * database available; a connectivity failure (not a slow answer: a busy database is still up)
   * marks it unavailable. Unlike other calls it runs while unavailable.
   */
  async ping(timeoutMs: number): Promise<number> {
    const startedAt = performance.now();
    const session = this.rawDriver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const roundTrip = session.run("RETURN 1", {}, { timeout: timeoutMs });
    try {
      await Promise.race([roundTrip, timeout]);
      this.markAvailable("ping answered");
      return performance.now() - startedAt;
    } catch (error) {
      roundTrip.then(undefined, () => {});
      if (this.health.closed) throw new DatabaseUnavailableError("The database connection is closed.", retryAfterSeconds, { cause: error });
      if (isConnectivityError(error)) this.markUnavailable(`ping failed: ${messageOf(error)}`);
      throw this.unavailableError(error);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => {});
    }
  }

  /** Fails with a clear message when the server cannot be reached. */
  async verifyConnectivity(): Promise<void> {
    try {
      await this.rawDriver.getServerInfo({ database: this.databaseName });
    } catch (error) {
      throw new DatabaseError(`Cannot reach Neo4j at ${this.description}: ${messageOf(error)}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    this.health.closed = true;
    if (this.health.probeTimer) clearTimeout(this.health.probeTimer);
    this.health.probeTimer = null;
    await this.rawDriver.close();
  }

  private async inSession<T>(mode: "READ" | "WRITE", work: TransactionWork<T>): Promise<T> {
    if (!this.health.available && !this.bypassesAvailability) throw this.unavailableError();
    const session = this.sessionDriver.session({
      database: this.databaseName,
      // READ sessions go to followers / read replicas in a cluster; the shared bookmark manager
      // (the one @neo4j/graphql uses too) keeps reads after writes causally consistent there.
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.rawDriver.executeQueryBookmarkManager,
    });
    try {
      // Through the session's own executeRead/executeWrite: the guarded session runs them fail-fast
      // (runManaged), and a request's session (forRequest) first bounds them by its deadline and share.
      if (mode === "READ") return await session.executeRead(work);
      const written = await session.executeWrite(work);
      for (const listener of this.writeListeners) listener();
      return written;
    } catch (error) {
      throw toDatabaseError(error);
    } finally {
      void session.close().catch(() => {});
    }
  }

  /**
   * A managed transaction like the driver's executeRead/executeWrite, but one that fails fast:
   * connectivity errors are not retried for 30 s (they mark the database unavailable), only
   * transient ones (deadlocks) are, for up to `maxRetryTimeMs`. It commits only if its caller is
   * still waiting, so a write reported as failed never commits later.
   */
  private async runManaged<T>(session: Session, work: TransactionWork<T>, config?: TransactionConfig): Promise<T> {
    if (!this.health.available) throw this.unavailableError();
    let abandoned = false;
    const attempt = (async () => {
      const startedAt = Date.now();
      for (let retryDelayMs = 100; ; retryDelayMs *= 2) {
        // The transaction is used without awaiting its begin: a wrapped driver (countingDriver)
        // sees every statement run on it.
        const tx = session.beginTransaction(config);
        try {
          // A transaction offers everything a managed one does (run), and more.
          const result = await work(tx as unknown as ManagedTransaction);
          if (abandoned) throw this.unavailableError();
          await tx.commit();
          return result;
        } catch (error) {
          if (tx.isOpen()) await tx.rollback().catch(() => {});
          const retry = !abandoned && !isConnectivityError(error) && isRetryableError(error) && Date.now() - startedAt + retryDelayMs < maxRetryTimeMs;
          if (!retry) throw error;
        }
        await delay(retryDelayMs);
      }
    })();
    let abandon: (error: DatabaseUnavailableError) => void = () => {};
    const outage = new Promise<never>((_, reject) => {
      abandon = reject;
    });
    this.outageWaiters.add(abandon);
    try {
      const result = await Promise.race([attempt, outage]);
      this.markAvailable();
      return result;
    } catch (error) {
      abandoned = true;
      attempt.then(undefined, () => {});
      if (error instanceof DatabaseUnavailableError) throw error;
      if (isConnectivityError(error)) {
        this.markUnavailable(messageOf(error));
        throw this.unavailableError(error);
      }
      throw error;
    } finally {
      this.outageWaiters.delete(abandon);
    }
  }

  /**
   * The driver @neo4j/graphql runs on: its sessions' executeRead/executeWrite/run go through
   * runManaged's fail-fast path; everything else is the driver's own.
   */
  private guardDriver(driver: Driver): Driver {
    const guardSession = (session: Session): Session =>
      new Proxy(session, {
        get: (target, property, receiver) => {
          const value = Reflect.get(target, property, receiver);
          if (property === "executeRead" || property === "executeWrite") {
            return (work: (tx: ManagedTransaction) => Promise<unknown>, config?: TransactionConfig) => this.runManaged(target, work, config);
          }
          if (property === "run") {
            return (...args: unknown[]) => {
              if (!this.health.available) throw this.unavailableError();
              return value.apply(target, args);
            };
          }
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    return new Proxy(driver, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (property === "session") return (...args: unknown[]) => guardSession(value.apply(target, args));
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  /** Clients see this message; the driver's text (addresses, Java names) stays in `cause` and the log. */
  private unavailableError(cause?: unknown): DatabaseUnavailableError {
    return new DatabaseUnavailableError("The database is unavailable right now (restarting or unreachable); try again shortly.", retryAfterSeconds, {
      cause: cause ?? (this.health.reason ? new Error(this.health.reason) : undefined),
    });
  }

  private notify(change: AvailabilityChange): void {
    for (const listener of this.availabilityListeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure must not stop the state change or the other listeners.
      }
    }
  }

  private scheduleProbe(): void {
    if (this.health.probeTimer || this.health.closed || this.health.available) return;
    this.health.probeTimer = setTimeout(() => {
      this.health.probeTimer = null;
      this.ping(probeTimeoutMs).catch(() => this.scheduleProbe());
    }, this.probeIntervalMs);
    this.health.probeTimer.unref();
  }
}

/**
 * Errors that mean "cannot reach the server" rather than "the query failed": the driver's
 * ServiceUnavailable and SessionExpired, and socket errors it passes through.
 */
export function isConnectivityError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED) return true;
  // The server answers, but its database is not online (still starting after a restart, or
  // stopped): as unreachable for our purposes. Retried as a transient error it would hold every
  // request until its deadline instead of failing fast while the probe waits for the database.
  if (code === "Neo.TransientError.General.DatabaseUnavailable") return true;
  if (typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/.test(code)) return true;
  return error.cause !== undefined && error.cause !== error && isConnectivityError(error.cause);
}

function recordsOf<T extends RecordShape>(result: QueryResult<T>): T[] {
  return result.records.map((record) => record.toObject());
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Driver errors carry a Neo4j status code; keep it visible, keep our own errors unchanged. */
function toDatabaseError(error: unknown): Error {
  if (error instanceof DatabaseError || error instanceof DatabaseUnavailableError) return error;
  if (error instanceof neo4j.Neo4jError) {
    return new DatabaseError(`Neo4j error ${error.code}: ${error.message}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
