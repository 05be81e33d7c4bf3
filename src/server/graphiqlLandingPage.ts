/**
 * The GraphiQL playground, served by the app itself for browsers that open /graphql. The
 * page inlines GraphiQL's code (from @graphql-yoga/render-graphiql), so nothing loads from a
 * CDN and it works offline.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { exampleOperations } from "./exampleOperations.ts";

export function graphiqlLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      const html = renderGraphiQL({
        title: "PitchGraph GraphiQL",
        endpoint: "/graphql",
        defaultQuery: exampleOperations,
      });
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
