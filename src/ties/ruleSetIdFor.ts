/**
 * The rule set id for a season or a stage, in the shape the importer and seed loader take
 * (src/importing/writeFacts.ts RuleSetResolver). A one-line adapter over the catalogue.
 * Throws a RuleSetError naming the competition, season and stage when the catalogue has no rule set.
 */
import { findRuleSet } from './ruleSets.ts';

export function ruleSetIdFor(competitionName: string, seasonLabel: string, stageName: string | undefined): string {
  return findRuleSet(competitionName, seasonLabel, stageName).id;
}
