/**
 * Everything one HTTP request may do with the database, bounded:
 *
 * - a deadline: every transaction gets the time left as its Neo4j transaction timeout, and when
 *   the deadline passes (or the client goes away) every open session is closed, which makes the
 *   driver send RESET and Neo4j terminate the running transaction;
 * - a share of the connection pool: at most `sessionsPerRequest` sessions at once, so one request
 *   with many aliased fields cannot hold every connection while other clients wait.
 *
 * `driver` is what the request's resolvers use: @neo4j/graphql gets it as `executionContext`, and
 * the Database seam as its driver (Database.forRequest), so both kinds of Cypher are bounded alike.
 */
import type { Driver, Session, SessionConfig } from "neo4j-driver";
import { Semaphore } from "./Semaphore.ts";

/** Why a request's database work was stopped. */
export type CancelReason = "TIMEOUT" | "CLIENT_CLOSED_REQUEST";

/** Thrown into resolvers whose database work the request's deadline (or the client) stopped. */
export class RequestCancelledError extends Error {
  constructor(readonly reason: CancelReason, timeoutMs: number) {
    super(reason === "TIMEOUT" ? `The request took longer than its deadline of ${timeoutMs} ms (PITCHGRAPH_REQUEST_TIMEOUT_MS)` : "The client closed the request");
    this.name = "RequestCancelledError";
  }
}

/** Sessions open right now, all requests together (for /metrics). */
let sessionsInUse = 0;
export const openSessionCount = () => sessionsInUse;

export class RequestScope {
  readonly deadline: number;
  /** Time spent waiting for the database (ms), for the request log. */
  databaseMs = 0;
  private cancelled: RequestCancelledError | null = null;
  /** Rejects when the request is cancelled: what every wait of the request races against. */
  private readonly cancelledSignal: Promise<never>;
  private rejectCancelled!: (error: RequestCancelledError) => void;
  private readonly openSessions = new Set<Session>();
  private readonly ownSlots: Semaphore;
  private heavy = false;
  /** True while the request holds a slot of the heavy lane for all of its work (holdHeavyLane). */
  private holdsHeavyLane = false;
  private readonly timer: NodeJS.Timeout;
  /** A driver for this request's resolvers: its sessions are bounded by the request (see the top). */
  readonly driver: Driver;

  constructor(
    sharedDriver: Driver,
    readonly options: {
      timeoutMs: number;
      sessionsPerRequest: number;
      /** Slots shared by every heavy request of the server (see markHeavy). */
      heavyLane: Semaphore;
    },
  ) {
    this.driver = new Proxy(sharedDriver, {
      get: (target, property, receiver) => {
        if (property === "session") return (config?: SessionConfig) => this.openSession(target, config);
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    this.ownSlots = new Semaphore(options.sessionsPerRequest);
    this.cancelledSignal = new Promise<never>((_, reject) => (this.rejectCancelled = reject));
    this.cancelledSignal.catch(() => {});
    this.deadline = Date.now() + options.timeoutMs;
    this.timer = setTimeout(() => this.cancel("TIMEOUT"), options.timeoutMs);
    this.timer.unref();
  }

  get cancellation(): RequestCancelledError | null {
    return this.cancelled;
  }

  msLeft(): number {
    return Math.max(0, this.deadline - Date.now());
  }

  /**
   * Marks the request as heavy (a graph walk, a relationship filter, a large estimated cost):
   * holdHeavyLane then makes it wait for a slot of the server's heavy lane, so heavy requests
   * together cannot take all of Neo4j's CPU, or this process's, from cheap ones.
   */
  markHeavy(): void {
    this.heavy = true;
  }

  /**
   * For a heavy request: waits for a slot of the heavy lane and keeps it until the request is
   * answered (finish) or cancelled, so the lane bounds all of its work, not only its
   * transactions: turning ten thousand rows into a response takes this process's CPU too, and
   * cheap requests wait behind every heavy one that does it at the same time. Rejects with
   * RequestCancelledError when the deadline passes (or the client leaves) while waiting.
   */
  async holdHeavyLane(): Promise<void> {
    if (!this.heavy || this.holdsHeavyLane) return;
    if (this.cancelled) throw this.cancelled;
    await this.options.heavyLane.acquire(this.cancelledSignal);
    if (this.cancelled) {
      this.options.heavyLane.release();
      throw this.cancelled;
    }
    this.holdsHeavyLane = true;
  }

  /** Stops all database work of the request: waiting sessions are refused, open ones closed. */
  cancel(reason: CancelReason): void {
    if (this.cancelled) return;
    this.cancelled = new RequestCancelledError(reason, this.options.timeoutMs);
    clearTimeout(this.timer);
    this.rejectCancelled(this.cancelled);
    for (const session of this.openSessions) void session.close().catch(() => {});
    this.releaseHeavyLane();
  }

  /** The request is answered: no more timer, the heavy lane's slot is free. Sessions still open are closed by their owners. */
  finish(): void {
    clearTimeout(this.timer);
    this.releaseHeavyLane();
  }

  private releaseHeavyLane(): void {
    if (!this.holdsHeavyLane) return;
    this.holdsHeavyLane = false;
    this.options.heavyLane.release();
  }

  /**
   * A session whose transactions wait for a free share of the pool, carry the time left as their
   * timeout, and fail with RequestCancelledError as soon as the request is cancelled.
   */
  private openSession(driver: Driver, config?: SessionConfig): Session {
    const session = driver.session(config);
    const run = async <T>(method: "executeRead" | "executeWrite", work: (tx: never) => Promise<T>, txConfig?: { timeout?: number; metadata?: Record<string, unknown> }): Promise<T> => {
      if (this.cancelled) throw this.cancelled;
      await this.ownSlots.acquire(this.cancelledSignal);
      const started = performance.now();
      this.openSessions.add(session);
      sessionsInUse += 1;
      try {
        // Neo4j takes whole milliseconds, and 0 would mean "no timeout".
        const timeout = Math.max(1, Math.min(txConfig?.timeout ?? Infinity, this.msLeft()));
        return await Promise.race([session[method](work as never, { ...txConfig, timeout }) as Promise<T>, this.cancelledSignal]);
      } catch (error) {
        throw this.cancelled ?? error;
      } finally {
        this.databaseMs += performance.now() - started;
        this.openSessions.delete(session);
        sessionsInUse -= 1;
        this.ownSlots.release();
      }
    };
    return new Proxy(session, {
      get: (target, property, receiver) => {
        if (property === "executeRead" || property === "executeWrite") {
          return (work: (tx: never) => Promise<unknown>, txConfig?: { timeout?: number; metadata?: Record<string, unknown> }) => run(property, work, txConfig);
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
}
