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
import { compareWithRecorded, formatConformanceReport, type ConformanceCase } from './conformance.ts';
import { decideTie } from './decideTie.ts';
import { parseResultsFile, recordedMethod, ResultsFileError, tieFactsFromRecord } from './resultsFile.ts';
import { findRuleSet } from './ruleSets.ts';

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
  const cases: ConformanceCase[] = file.ties.map((tie) => ({
    tieId: tie.id,
    competition: tie.competition,
    recordedWinner: tie.winner,
    recordedMethod: recordedMethod(tie),
    outcome: decideTie(tieFactsFromRecord(tie), findRuleSet(tie.competition, tie.season, tie.round)),
  }));
  const report = compareWithRecorded(cases);
  console.log(argv.includes('--json') ? JSON.stringify(report, null, 2) : `${file.fileName}: ${file.ties.length} ties\n\n${formatConformanceReport(report)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
