/**
 * Lets a hand-written root field answer with the query @neo4j/graphql generates, so that the
 * client's whole selection (legs, goals, sources, computed outcome...) is still translated
 * into one Cypher query by the library.
 *
 * Example: `Query.tie(competition, season, club, opponent)` works out which tie is meant in
 * TypeScript (name matching, ambiguity errors), then delegates to the generated
 * `ties(where: {id: {eq: ...}})` with the same selection set. The library builds its query from
 * `info`, so the field node is renamed to the generated field and its own arguments dropped.
 */
import { astFromValue, GraphQLError, Kind, type ArgumentNode, type FieldNode, type GraphQLResolveInfo } from "graphql";

export async function delegateToGeneratedQuery(
  generatedFieldName: string,
  args: Record<string, unknown>,
  context: unknown,
  info: GraphQLResolveInfo,
): Promise<unknown[]> {
  const generatedField = info.schema.getQueryType()?.getFields()[generatedFieldName];
  if (!generatedField?.resolve) {
    throw new GraphQLError(`Internal error: no generated query field "${generatedFieldName}"`);
  }
  const fieldNodes: FieldNode[] = info.fieldNodes.map((node) => ({
    ...node,
    name: { kind: Kind.NAME, value: generatedFieldName },
    alias: undefined,
    arguments: [],
  }));
  // As the root field it is: also from a field of another type (HeadToHead.matches).
  const delegatedInfo: GraphQLResolveInfo = {
    ...info,
    fieldName: generatedFieldName,
    fieldNodes,
    returnType: generatedField.type,
    parentType: info.schema.getQueryType()!,
  };
  const result = await generatedField.resolve(undefined, args, context, delegatedInfo);
  return Array.isArray(result) ? result : [];
}

/**
 * The same field with other argument values. @neo4j/graphql reads a field's arguments from the
 * query document (`info`), not from the resolver's `args`, so changed arguments must be written
 * into the field node as literals.
 */
export function withArguments(info: GraphQLResolveInfo, args: Record<string, unknown>): GraphQLResolveInfo {
  const field = info.parentType.getFields()[info.fieldName];
  const argumentNodes: ArgumentNode[] = Object.entries(args).map(([name, value]) => {
    const definition = field?.args.find((arg) => arg.name === name);
    const literal = definition ? astFromValue(value, definition.type) : null;
    if (!literal) throw new GraphQLError(`Internal error: cannot pass argument "${name}" to ${info.fieldName}`);
    return { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value: literal };
  });
  return { ...info, fieldNodes: info.fieldNodes.map((node) => ({ ...node, arguments: argumentNodes })) };
}
