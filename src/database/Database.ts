/**
 * The one seam for hand-written Cypher: custom queries, loaders, seeding and import go through
 * here. It owns the driver, runs managed transactions with parameters (never string-built
 * values) and maps driver errors to messages that say what went wrong.
 *
 * @neo4j/graphql gets the same driver (`database.driver`) for the Cypher it generates itself.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from "neo4j-driver";

export type Params = Record<string, unknown>;

/** A unit of work inside one transaction: everything in it commits together or not at all. */
export type TransactionWork<T> = (tx: ManagedTransaction) => Promise<T>;

export class DatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseError";
  }
}

export class Database {
  readonly driver: Driver;
  readonly databaseName: string | undefined;
  /** Where the data lives, for start-up messages ("embedded store at .data/", "bolt://..."). */
  readonly description: string;

  constructor(options: {
    uri: string;
    user?: string;
    password?: string;
    databaseName?: string;
    description?: string;
    /** Instrumentation hook (tests count round trips with it). */
    wrapDriver?: (driver: Driver) => Driver;
  }) {
    const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? "") : undefined;
    const driver = neo4j.driver(options.uri, auth, {
      // Integers come back as JS numbers: our counts and scores are far below 2^53.
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      // Fail a request waiting for a connection well before its deadline (PITCHGRAPH_REQUEST_TIMEOUT_MS).
      connectionAcquisitionTimeout: 5_000,
    });
    this.driver = options.wrapDriver ? options.wrapDriver(driver) : driver;
    this.databaseName = options.databaseName;
    this.description = options.description ?? options.uri;
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

  /** Fails with a clear message when the server cannot be reached. */
  async verifyConnectivity(): Promise<void> {
    try {
      await this.driver.getServerInfo({ database: this.databaseName });
    } catch (error) {
      throw new DatabaseError(`Cannot reach Neo4j at ${this.description}: ${messageOf(error)}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async inSession<T>(mode: "READ" | "WRITE", work: TransactionWork<T>): Promise<T> {
    const session = this.driver.session({
      database: this.databaseName,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return mode === "READ" ? await session.executeRead(work) : await session.executeWrite(work);
    } catch (error) {
      throw toDatabaseError(error);
    } finally {
      await session.close();
    }
  }
}

function recordsOf<T extends RecordShape>(result: QueryResult<T>): T[] {
  return result.records.map((record) => record.toObject());
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Driver errors carry a Neo4j status code; keep it visible, keep our own errors unchanged. */
function toDatabaseError(error: unknown): Error {
  if (error instanceof DatabaseError) return error;
  if (error instanceof neo4j.Neo4jError) {
    return new DatabaseError(`Neo4j error ${error.code}: ${error.message}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
