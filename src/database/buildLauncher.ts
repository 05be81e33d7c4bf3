/**
 * `npm run neo4j:build`: builds the embedded Neo4j launcher (neo4j/target) if it is missing or out of date.
 * Starting the embedded Neo4j does this too; run it ahead of time to keep the first start fast.
 */
import { handleHelpAndVersion } from '../cli/commandLine.ts';
import { EmbeddedNeo4jError, ensureLauncherBuilt } from './embeddedNeo4j.ts';

handleHelpAndVersion(process.argv.slice(2), {
  usage: 'npm run neo4j:build',
  summary: 'Builds the embedded Neo4j launcher (neo4j/target) with Maven if it is missing or older than neo4j/pom.xml or its sources.',
  env: [],
});

try {
  await ensureLauncherBuilt((line) => console.log(line));
} catch (error) {
  console.error(error instanceof EmbeddedNeo4jError ? `${error.code}: ${error.message}` : error);
  process.exitCode = 1;
}
