// The README's SDK example (run: npm start, then `npx tsx sdk/example.ts`); tests/sdk.test.ts runs it.
import { PitchGraphClient, PitchGraphError } from "pitchgraph/sdk";

const client = new PitchGraphClient({ endpoint: process.env.PITCHGRAPH_URL ?? "http://localhost:4000/graphql" });
const tie = await client.getTie({ competition: "Europa League", season: "2017-18", club: "BVB", opponent: "Atalanta" });
console.log(tie?.outcome.explanation); // Borussia Dortmund win 4-3 on aggregate.
for (const moment of tie?.timeline ?? []) console.log(`leg ${moment.leg}:`, moment.scorer?.name ?? "full time", "→", moment.description);
const [hit] = await client.searchEntities({ text: "schurrle" }); // accents optional: André Schürrle
const around = await client.neighbourhood({ id: hit!.id, depth: 2 });
console.log(hit?.name, "is", around.edges.length, "relationships from", around.nodes.length - 1, "entities");
await client.neighbourhood({ id: "player:nobody" }).catch((error: unknown) => {
  if (error instanceof PitchGraphError) console.log(error.code, error.message); // NOT_FOUND Neighbourhood: No entity has the id "player:nobody"
});
