/**
 * The single relationships schema.graphql marks `@guaranteed`: present on every node of their
 * type (tests/guaranteedRelationships.test.ts checks the data), so the typed SDK makes them
 * non-null and checks them at run time.
 */
import { isObjectType, type GraphQLSchema } from "graphql";

export interface GuaranteedRelationship {
  typeName: string;
  fieldName: string;
}

export function guaranteedRelationships(schema: GraphQLSchema): GuaranteedRelationship[] {
  const found: GuaranteedRelationship[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.astNode?.directives?.some((directive) => directive.name.value === "guaranteed")) {
        found.push({ typeName: type.name, fieldName: field.name });
      }
    }
  }
  return found.sort((a, b) => `${a.typeName}.${a.fieldName}`.localeCompare(`${b.typeName}.${b.fieldName}`));
}
