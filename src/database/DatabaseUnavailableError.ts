/**
 * Thrown by the database seam when Neo4j cannot be reached right now (the embedded server is
 * down or restarting, an external one is unreachable). The HTTP layer answers it with 503 and
 * Retry-After, and the GraphQL error code DATABASE_UNAVAILABLE; it never reaches a client as text
 * from the driver.
 */
export class DatabaseUnavailableError extends Error {
  /**
   * graphql-js copies an original error's `extensions` into the GraphQL error it wraps it in, so
   * the code reaches clients even before any error formatting.
   */
  readonly extensions: { code: "DATABASE_UNAVAILABLE"; retryAfterSeconds: number };

  constructor(
    message: string,
    /** Seconds a client should wait before trying again (the Retry-After header). */
    readonly retryAfterSeconds = 2,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
    this.extensions = { code: "DATABASE_UNAVAILABLE", retryAfterSeconds };
  }
}
