import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql ships CommonJS and ESM builds. @neo4j/graphql (CommonJS) loads the first; Vite would
// hand our ESM imports the second, and graphql refuses to mix schema objects of two copies.
// Pointing every import at the CommonJS build gives one graphql, as under plain Node.
const graphqlCommonJs = createRequire(import.meta.url).resolve("graphql");

// Test tiers by what they need: `unit` tests are pure and live beside the code; `integration`
// tests run against a real embedded Neo4j that tests/support/globalSetup.ts starts once.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCommonJs }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "sdk/**/*.test.ts", "explore/**/*.test.ts"],
          // Building the schema takes seconds on a busy machine (six jobs on two cores).
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          globalSetup: ["tests/support/globalSetup.ts"],
          // One JVM on two cores: files run one after another, not against each other.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
