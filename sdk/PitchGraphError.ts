/** A GraphQL error as the server reports it (see the GraphQL over HTTP response format). */
export interface PitchGraphGraphQLError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  /** `code` says what kind of error: BAD_USER_INPUT, NOT_FOUND, AMBIGUOUS_NAME, ... */
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * Every failure of a PitchGraphClient call: the server could not be reached (`status` null),
 * answered with an HTTP error, or answered with GraphQL errors (`errors`, with any partial
 * `data`). Never swallowed: a call either returns its data or throws this.
 */
export class PitchGraphError extends Error {
  /** The operation that failed, e.g. "GetTie". */
  readonly operationName: string;
  /** HTTP status of the response; null when there was none (network error, timeout). */
  readonly status: number | null;
  readonly errors: PitchGraphGraphQLError[];
  /** What data the server sent along with its errors, if any. */
  readonly data: unknown;

  constructor(
    message: string,
    details: { operationName: string; status: number | null; errors?: PitchGraphGraphQLError[]; data?: unknown; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.name = "PitchGraphError";
    this.operationName = details.operationName;
    this.status = details.status;
    this.errors = details.errors ?? [];
    this.data = details.data ?? null;
  }

  /** The first error's code, e.g. "NOT_FOUND"; undefined when the server gave none. */
  get code(): string | undefined {
    return this.errors.find((error) => typeof error.extensions?.code === "string")?.extensions?.code;
  }
}

/** True for a PitchGraphError, also one from another copy of the SDK (where instanceof fails). */
export function isPitchGraphError(value: unknown): value is PitchGraphError {
  return value instanceof PitchGraphError || (value instanceof Error && value.name === "PitchGraphError" && "operationName" in value);
}
