// Constraints and indexes, applied at every start; each statement is idempotent (IF NOT EXISTS).
// @neo4j/graphql 7 no longer creates these itself.
CREATE CONSTRAINT competition_id IF NOT EXISTS FOR (n:Competition) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT season_id IF NOT EXISTS FOR (n:Season) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT stage_id IF NOT EXISTS FOR (n:Stage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tie_id IF NOT EXISTS FOR (n:Tie) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT match_id IF NOT EXISTS FOR (n:Match) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT goal_id IF NOT EXISTS FOR (n:Goal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT club_id IF NOT EXISTS FOR (n:Club) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT player_id IF NOT EXISTS FOR (n:Player) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT stadium_id IF NOT EXISTS FOR (n:Stadium) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT coach_id IF NOT EXISTS FOR (n:Coach) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
// Every other node type is looked up by id too (neighbourhood, connection: src/queries/entityById.ts).
CREATE INDEX card_id IF NOT EXISTS FOR (n:Card) ON (n.id);
CREATE INDEX substitution_id IF NOT EXISTS FOR (n:Substitution) ON (n.id);
CREATE INDEX disallowed_goal_id IF NOT EXISTS FOR (n:DisallowedGoal) ON (n.id);
CREATE INDEX penalty_award_id IF NOT EXISTS FOR (n:PenaltyAward) ON (n.id);
CREATE INDEX var_review_id IF NOT EXISTS FOR (n:VarReview) ON (n.id);
CREATE INDEX incident_id IF NOT EXISTS FOR (n:Incident) ON (n.id);
CREATE INDEX match_statistics_id IF NOT EXISTS FOR (n:MatchStatistics) ON (n.id);
CREATE INDEX standing_id IF NOT EXISTS FOR (n:Standing) ON (n.id);
CREATE INDEX conflict_id IF NOT EXISTS FOR (n:Conflict) ON (n.id);
CREATE INDEX claim_id IF NOT EXISTS FOR (n:Claim) ON (n.id);
CREATE INDEX name_match_id IF NOT EXISTS FOR (n:NameMatch) ON (n.id);
CREATE INDEX pitchgraph_meta_id IF NOT EXISTS FOR (n:PitchGraphMeta) ON (n.id);
// Lookup of ties by season label, and of entities by their normalised names (nameKeys holds
// the name and every alias, lower-cased without accents; see src/names/normalizeName.ts).
CREATE INDEX tie_season IF NOT EXISTS FOR (n:Tie) ON (n.season);
CREATE INDEX season_label IF NOT EXISTS FOR (n:Season) ON (n.label);
// What the API filters by: `clubs(where: {name: {eq: ...}})` and the like.
CREATE INDEX competition_name IF NOT EXISTS FOR (n:Competition) ON (n.name);
CREATE INDEX club_name IF NOT EXISTS FOR (n:Club) ON (n.name);
CREATE INDEX player_name IF NOT EXISTS FOR (n:Player) ON (n.name);
CREATE INDEX stadium_name IF NOT EXISTS FOR (n:Stadium) ON (n.name);
CREATE INDEX coach_name IF NOT EXISTS FOR (n:Coach) ON (n.name);
CREATE INDEX match_date IF NOT EXISTS FOR (n:Match) ON (n.date);
// The `tie` lookup finds clubs by whole keys (src/queries/findTies.ts): the keyword analyzer keeps
// each list element as one term, so `matchKeys:"EXACT:bayern munich"` is an index lookup.
CREATE FULLTEXT INDEX club_keys IF NOT EXISTS
  FOR (n:Club) ON EACH [n.matchKeys, n.registerKeys, n.userAliasKeys, n.nameKeys]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } };
// Full-text search over names and aliases; the folding analyzer makes it accent-insensitive
// ("schurrle" finds "Schürrle").
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
  FOR (n:Player|Club|Stadium|Competition|Coach) ON EACH [n.name, n.aliasText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
