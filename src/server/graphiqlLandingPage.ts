/**
 * The GraphiQL playground, served by the app itself for browsers that open /graphql. The
 * page inlines GraphiQL's code (from @graphql-yoga/render-graphiql), so nothing loads from a
 * CDN and it works offline. It opens with one tab per example of operations/examples.json.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { exampleTabs } from "./exampleOperations.ts";
import { describeQueryLimits } from "./queryLimits.ts";

export function graphiqlLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      // Each tab opens with the query limits, so nobody meets QUERY_TOO_COMPLEX unwarned.
      const tabs = (await exampleTabs()).map((tab) => ({ ...tab, query: `# ${describeQueryLimits()}\n${tab.query}` }));
      const html = renderGraphiQL({
        title: "PitchGraph GraphiQL",
        endpoint: "/graphql",
        defaultTabs: tabs,
        defaultEditorToolsVisibility: "variables",
        // The first tab's variables: Yoga's GraphiQL fills the opening tab's variable editor from
        // `variables`, not from its entry in `defaultTabs` (the other tabs take theirs from there).
        ...({ variables: tabs[0]?.variables } as object),
      });
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
