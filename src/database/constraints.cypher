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
// Lookup of ties by season label, and of entities by their normalised names (nameKeys holds
// the name and every alias, lower-cased without accents; see src/names/normalizeName.ts).
CREATE INDEX tie_season IF NOT EXISTS FOR (n:Tie) ON (n.season);
CREATE INDEX season_label IF NOT EXISTS FOR (n:Season) ON (n.label);
// Full-text search over names and aliases; the folding analyzer makes it accent-insensitive
// ("schurrle" finds "Schürrle").
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
  FOR (n:Player|Club|Stadium|Competition|Coach) ON EACH [n.name, n.aliasText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
