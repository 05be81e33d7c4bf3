/**
 * Prints the number of nodes per label and relationships per type in the app's database (the
 * embedded store, or NEO4J_URI): `npm run count-labels`. The query it runs is printed first.
 */
import { readConfig } from "../src/config.ts";
import { openDatabase } from "../src/database/openDatabase.ts";

const labelQuery = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label";
const typeQuery = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type";

const opened = await openDatabase(readConfig(), () => {});
try {
  console.log(`nodes per label (${labelQuery}):`);
  for (const row of await opened.database.read<{ label: string; count: number }>(labelQuery)) console.log(`  ${row.label.padEnd(18)} ${row.count}`);
  console.log(`relationships per type (${typeQuery}):`);
  for (const row of await opened.database.read<{ type: string; count: number }>(typeQuery)) console.log(`  ${row.type.padEnd(18)} ${row.count}`);
} finally {
  await opened.close();
}
