/**
 * Every node type a graph explorer can be asked about is found by an index seek: the label list
 * of matchEntityById covers the @node types of schema.graphql, and each has an index on `id`.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { readTypeDefs } from "../graphql/createSchema.ts";
import { entityLabels, matchEntityById } from "./entityById.ts";

const nodeTypes = async () => [...(await readTypeDefs()).matchAll(/^type (\w+) @node\b/gm)].map((match) => match[1]!);
const constraintsScript = () => readFile(new URL("../database/constraints.cypher", import.meta.url), "utf8");

describe("entity lookup by id", () => {
  test("covers every @node type of schema.graphql but Source", async () => {
    expect([...entityLabels].sort()).toEqual((await nodeTypes()).filter((type) => type !== "Source").sort());
  });

  test.each(entityLabels)("%s has an index or uniqueness constraint on id", async (label) => {
    const script = await constraintsScript();
    const onId = new RegExp(`FOR \\(n:${label}\\) (REQUIRE n\\.id IS UNIQUE|ON \\(n\\.id\\))`);
    expect(script).toMatch(onId);
  });

  test("every branch of the union names a label", () => {
    const cypher = matchEntityById("n", "$id");
    expect(cypher.match(/MATCH \(n:\w+ \{id: \$id\}\)/g)).toHaveLength(entityLabels.length);
    expect(cypher).not.toMatch(/MATCH \(n \{/);
  });
});
