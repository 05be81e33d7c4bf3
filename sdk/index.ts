/**
 * `import { PitchGraphClient } from "pitchgraph/sdk"`: the typed client, its error, and every
 * generated operation type and document (for `client.execute`).
 */
export { PitchGraphClient, type PitchGraphClientOptions, type Tie, type SearchHit, type PlayerWithGoals, type Neighbourhood, type GraphNode, type GraphEdge, type Connection, type Conflict } from "./PitchGraphClient.ts";
export { PitchGraphError, isPitchGraphError, type PitchGraphGraphQLError } from "./PitchGraphError.ts";
export * from "./generated/graphql.ts";
