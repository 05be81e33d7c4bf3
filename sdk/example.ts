// The README's SDK example; tests/sdkConsumer.test.ts runs it from fresh ESM and CommonJS projects.
import { PitchGraphClient, PitchGraphError } from "pitchgraph/sdk";

async function main() {
  const client = new PitchGraphClient({ endpoint: "http://localhost:4000/graphql" });
  const tie = await client.getTie({ competition: "Europa League", season: "2017-18", club: "BVB", opponent: "Atalanta" });
  console.log(tie?.outcome.explanation); // Borussia Dortmund win 4-3 on aggregate.
  for (const leg of tie?.legs ?? []) {
    // homeClub, awayClub and each goal's club are never null: the data guarantees them.
    console.log(`${leg.date}: ${leg.homeClub.name} ${leg.homeScore}-${leg.awayScore} ${leg.awayClub.name}`);
    for (const goal of leg.goals) console.log(`  ${goal.time} ${goal.scorer?.name} (${goal.club.name}), reported by ${goal.sources.map((source) => `${source.title} (${source.publishedOn ?? "undated"})`).join("; ")}`);
  }
  const [hit] = await client.searchEntities({ text: "schurrle" }); // accents optional: André Schürrle
  if (hit) {
    const around = await client.neighbourhood({ id: hit.id, depth: 2 });
    console.log(hit.name, "is", around.edges.length, "relationships from", around.nodes.length - 1, "entities");
  }
  await client.neighbourhood({ id: "player:nobody" }).catch((error: unknown) => {
    if (error instanceof PitchGraphError) console.log(error.code, error.message); // NOT_FOUND Neighbourhood: No entity has the id "player:nobody"
  });
}

// A failure rejects main: Node prints it and exits with code 1.
void main();
