/**
 * The DataLoaders of one request (graphql/dataloader): lookups that repeat or fan out across the
 * fields of a request are sent to the database together. Made by createContext for every
 * request and dropped with it, so nothing is shared or cached across requests.
 */
import DataLoader from "dataloader";
import type { Database } from "../database/Database.ts";
import { findTiesForLookups, type TieLookup, type TieLookupResult } from "../queries/findTies.ts";
import { GeneratedQueryLoader } from "./generatedQueryLoader.ts";

/** The library's cap on a generated list (`@limit(max: 100)` in schema.graphql) bounds a batch too. */
const maxBatchSize = 100;

export interface RequestLoaders {
  /** The ties matching each `tie(...)` lookup's names: every lookup of the request in one statement. */
  tieLookups: DataLoader<TieLookup, TieLookupResult, string>;
  /** Nodes by id with the field's selection, through the generated queries: one statement per selection. */
  generated: GeneratedQueryLoader;
}

export function createRequestLoaders(database: Database, context: unknown): RequestLoaders {
  return {
    tieLookups: new DataLoader((lookups) => findTiesForLookups(database, lookups), { cacheKeyFn: (lookup) => JSON.stringify(lookup), maxBatchSize }),
    generated: new GeneratedQueryLoader(context, maxBatchSize),
  };
}
