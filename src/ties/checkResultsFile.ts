/**
 * Decide every tie of a recorded-ties results file and compare with the recorded winners.
 *
 *   npx tsx src/ties/checkResultsFile.ts ../shared/data/uefa-ties/ties-1955-2016.json [--json]
 *
 * Prints the conformance table (competition x decidedBy: agree / disagree), then each disagreement with
 * the engine's reason. Exit code 1 when the file does not parse; disagreements are reported, not fatal.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compareWithRecorded, formatConformanceReport } from './conformance.ts';
import { conformanceCasesOf, parseResultsFile, ResultsFileError } from './resultsFile.ts';

function main(argv: readonly string[]): number {
  const path = argv.find((arg) => !arg.startsWith('--'));
  if (!path) {
    console.error('usage: npx tsx src/ties/checkResultsFile.ts <results-file.json> [--json]');
    return 2;
  }
  let file;
  try {
    file = parseResultsFile(JSON.parse(readFileSync(path, 'utf8')), basename(path));
  } catch (error) {
    console.error(error instanceof ResultsFileError || error instanceof SyntaxError ? error.message : error);
    return 1;
  }
  const cases = conformanceCasesOf(file);
  const report = compareWithRecorded(cases);
  console.log(argv.includes('--json') ? JSON.stringify(report, null, 2) : `${file.fileName}: ${file.ties.length} ties\n\n${formatConformanceReport(report)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
