/**
 * Runs the GraphiQL examples (operations/examples.json: the queries a new user runs first, the
 * README's tie first) once through the server's own HTTP front door. A fresh process answers its
 * first query seconds late: the driver opens its connections, Neo4j plans and compiles each
 * Cypher statement, @neo4j/graphql and the JIT of both runtimes see the code paths for the first
 * time. The start pays that for the first example (the README's tie) before it says "Ready",
 * so that "Ready" means ready. Only the first: each example costs about as much as the first
 * again (its own Cypher to plan), and warming them after "Ready" slowed the user's first answer.
 *
 * A query that fails (the graph may lack an example's data, e.g. other seeds) does not fail
 * the start: warming is an optimisation, and the query's own error is logged by the server.
 */
import { readExamples, readOperations } from "./exampleOperations.ts";

export interface WarmUpResult {
  /** Operations sent. */
  queries: number;
  /** Those answered with errors, or not at all within the time allowed. */
  failed: number;
}

/** How long one warm-up query may take before the start goes on without its answer. */
const queryTimeoutMs = 15_000;

/**
 * Sends the examples `which` picks (by position in examples.json) to `graphqlUrl`, one after
 * another; resolves when all have answered (or timed out).
 */
export async function warmUp(graphqlUrl: string, which: (index: number) => boolean = () => true, headers: Record<string, string> = {}): Promise<WarmUpResult> {
  const [operations, allExamples] = await Promise.all([readOperations(), readExamples()]);
  const examples = allExamples.filter((_example, index) => which(index));
  let failed = 0;
  for (const example of examples) {
    const operation = operations.find((candidate) => candidate.name === example.operation);
    const answer = await fetch(graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": `warm-up-${example.tab}`, ...headers },
      body: JSON.stringify({ query: operation?.text ?? "", operationName: example.operation, variables: example.variables }),
      signal: AbortSignal.timeout(queryTimeoutMs),
    }).then(
      async (response) => (response.ok ? ((await response.json()) as { errors?: unknown[] }) : null),
      () => null,
    );
    if (!answer || answer.errors?.length) failed += 1;
  }
  return { queries: examples.length, failed };
}
