/**
 * `import { PitchGraphClient } from "pitchgraph/sdk"`: the typed client, its error, and every
 * generated operation type and document (for `client.execute`).
 */
export { PitchGraphClient, type PitchGraphClientOptions, type Tie, type SearchHit, type PlayerWithGoals, type Neighbourhood, type GraphNode, type GraphEdge, type Connection, type Conflict, type HeadToHead } from "./PitchGraphClient.js";
export { PitchGraphError, isPitchGraphError, type PitchGraphGraphQLError } from "./PitchGraphError.js";
export * from "./generated/graphql.js";
