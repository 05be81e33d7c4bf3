/** The operations GraphiQL opens with: they teach the API by example (also in README). */
export const exampleOperations = `# PitchGraph: football facts as a graph, with who-says-so for every fact.
# Press the run button (or Ctrl-Enter) and pick an operation.

query DortmundAtalanta2018 {
  tie(competition: "Europa League", season: "2017-18", club: "Dortmund", opponent: "Atalanta") {
    season
    stage
    legs {
      date
      homeClub { name }
      awayClub { name }
      homeScore
      awayScore
      stadium { name city }
      goals { minute scorer { name } club { name } sources { id } }
    }
    outcome { status winner { name } decidedBy explanation aggregate { club { name } goals } }
  }
}

query DortmundAtalanta2026 {
  tie(competition: "Champions League", season: "2025-26", club: "BVB", opponent: "Atalanta") {
    legs { homeClub { name } awayClub { name } homeScore awayScore homeScoreAfterExtraTime awayScoreAfterExtraTime }
    outcome { winner { name } decidedBy extraTimePlayed explanation }
  }
}

query SearchSchurrle {
  search(text: "schurrle") {
    __typename
    ... on Player { id name aliases }
    ... on Club { id name aliases }
  }
}
`;
