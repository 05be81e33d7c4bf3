/**
 * Nodes by id through the query @neo4j/graphql generates, batched per request: every id asked
 * for with the same selection in one tick of the event loop (N aliased `tie(...)` fields, a
 * head-to-head's club and opponent) is fetched by one `ties(where: {id: {in: [...]}})` (or
 * `clubs(...)`) query, so the client's whole selection is still translated by the library.
 *
 * Selections that differ (one alias asks for `legs`, another for `outcome`) cannot share the
 * library's query: they form one batch each. The batch key is the printed selection set of the
 * field (fragments and variables are the operation's, the same for every field of a request).
 *
 * Made per request (see createRequestLoaders): nothing is cached across requests.
 */
import DataLoader from "dataloader";
import { Kind, print, type FieldNode, type GraphQLResolveInfo, type SelectionNode } from "graphql";
import { delegateToGeneratedQuery } from "./delegateToGeneratedQuery.ts";

/** The alias under which each batched node carries its id, whatever the client selected. */
const batchIdAlias = "pitchGraphBatchId";

interface NodeRequest {
  id: string;
  info: GraphQLResolveInfo;
}

/** The field nodes with `id` added under batchIdAlias, to map each returned node to its request. */
function withBatchId(fieldNodes: readonly FieldNode[]): FieldNode[] {
  const idField: SelectionNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: batchIdAlias },
    name: { kind: Kind.NAME, value: "id" },
  };
  return fieldNodes.map((node) => ({
    ...node,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [...(node.selectionSet?.selections ?? []), idField] },
  }));
}

export class GeneratedQueryLoader {
  /** One DataLoader per (generated field, selection): each batches the ids asked with that selection. */
  private readonly loaders = new Map<string, DataLoader<NodeRequest, unknown>>();

  constructor(
    private readonly context: unknown,
    private readonly maxBatchSize: number,
  ) {}

  /**
   * The node of `id` with the selection of `info`'s field, as the generated `generatedFieldName`
   * query returns it; null when no node has the id.
   */
  load(generatedFieldName: string, id: string, info: GraphQLResolveInfo): Promise<unknown> {
    const selection = info.fieldNodes.map((node) => (node.selectionSet ? print(node.selectionSet) : "")).join("\n");
    const key = `${generatedFieldName}\n${selection}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader((requests) => this.fetch(generatedFieldName, requests), { cacheKeyFn: (request) => request.id, maxBatchSize: this.maxBatchSize });
      this.loaders.set(key, loader);
    }
    return loader.load({ id, info });
  }

  private async fetch(generatedFieldName: string, requests: readonly NodeRequest[]): Promise<unknown[]> {
    const ids = requests.map((request) => request.id);
    const info = requests[0]!.info;
    const found = (await delegateToGeneratedQuery(
      generatedFieldName,
      { where: { id: { in: ids } }, limit: ids.length },
      this.context,
      { ...info, fieldNodes: withBatchId(info.fieldNodes) },
    )) as Record<string, unknown>[];
    const byId = new Map(found.map((node) => [node[batchIdAlias] as string, node]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
