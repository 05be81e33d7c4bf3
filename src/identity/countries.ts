/**
 * Countries of Europe's clubs: the register's folder name, the English name the seeds use, and
 * the three-letter code openfootball's match files write after a club ("Borussia Dortmund (GER)",
 * FIFA's codes, with openfootball's "MCO" for Monaco). Data.
 */
export interface Country {
  code: string;
  name: string;
  /** Folder of openfootball/clubs (europe/<folder>/). */
  registerFolder: string;
}

export const countries: readonly Country[] = [
  { code: "ALB", name: "Albania", registerFolder: "albania" },
  { code: "AND", name: "Andorra", registerFolder: "andorra" },
  { code: "ARM", name: "Armenia", registerFolder: "armenia" },
  { code: "AUT", name: "Austria", registerFolder: "austria" },
  { code: "AZE", name: "Azerbaijan", registerFolder: "azerbaijan" },
  { code: "BLR", name: "Belarus", registerFolder: "belarus" },
  { code: "BEL", name: "Belgium", registerFolder: "belgium" },
  { code: "BIH", name: "Bosnia and Herzegovina", registerFolder: "bosnia-n-herzegovina" },
  { code: "BUL", name: "Bulgaria", registerFolder: "bulgaria" },
  { code: "CRO", name: "Croatia", registerFolder: "croatia" },
  { code: "CYP", name: "Cyprus", registerFolder: "cyprus" },
  { code: "CZE", name: "Czech Republic", registerFolder: "czech-republic" },
  { code: "DEN", name: "Denmark", registerFolder: "denmark" },
  { code: "ENG", name: "England", registerFolder: "england" },
  { code: "EST", name: "Estonia", registerFolder: "estonia" },
  { code: "FRO", name: "Faroe Islands", registerFolder: "faroe-islands" },
  { code: "FIN", name: "Finland", registerFolder: "finland" },
  { code: "FRA", name: "France", registerFolder: "france" },
  { code: "GEO", name: "Georgia", registerFolder: "georgia" },
  { code: "GER", name: "Germany", registerFolder: "germany" },
  { code: "GIB", name: "Gibraltar", registerFolder: "gibraltar" },
  { code: "GRE", name: "Greece", registerFolder: "greece" },
  { code: "HUN", name: "Hungary", registerFolder: "hungary" },
  { code: "ISL", name: "Iceland", registerFolder: "iceland" },
  { code: "IRL", name: "Republic of Ireland", registerFolder: "ireland" },
  { code: "ITA", name: "Italy", registerFolder: "italy" },
  { code: "KVX", name: "Kosovo", registerFolder: "kosovo" },
  { code: "LVA", name: "Latvia", registerFolder: "latvija" },
  { code: "LIE", name: "Liechtenstein", registerFolder: "liechtenstein" },
  { code: "LTU", name: "Lithuania", registerFolder: "lithuania" },
  { code: "LUX", name: "Luxembourg", registerFolder: "luxembourg" },
  { code: "MKD", name: "North Macedonia", registerFolder: "macedonia" },
  { code: "MLT", name: "Malta", registerFolder: "malta" },
  { code: "MDA", name: "Moldova", registerFolder: "moldova" },
  { code: "MCO", name: "Monaco", registerFolder: "monaco" },
  { code: "MNE", name: "Montenegro", registerFolder: "montenegro" },
  { code: "NED", name: "Netherlands", registerFolder: "netherlands" },
  { code: "NIR", name: "Northern Ireland", registerFolder: "northern-ireland" },
  { code: "NOR", name: "Norway", registerFolder: "norway" },
  { code: "POL", name: "Poland", registerFolder: "poland" },
  { code: "POR", name: "Portugal", registerFolder: "portugal" },
  { code: "ROU", name: "Romania", registerFolder: "romania" },
  { code: "RUS", name: "Russia", registerFolder: "russia" },
  { code: "SMR", name: "San Marino", registerFolder: "san-marino" },
  { code: "SCO", name: "Scotland", registerFolder: "scotland" },
  { code: "SRB", name: "Serbia", registerFolder: "serbia" },
  { code: "SVK", name: "Slovakia", registerFolder: "slovakia" },
  { code: "SVN", name: "Slovenia", registerFolder: "slovenia" },
  { code: "ESP", name: "Spain", registerFolder: "spain" },
  { code: "SWE", name: "Sweden", registerFolder: "sweden" },
  { code: "SUI", name: "Switzerland", registerFolder: "switzerland" },
  { code: "TUR", name: "Turkey", registerFolder: "turkey" },
  { code: "UKR", name: "Ukraine", registerFolder: "ukraine" },
  { code: "WAL", name: "Wales", registerFolder: "wales" },
];

/** Other codes and names sources use for the same countries. */
const otherSpellings: Record<string, string> = {
  MON: "MCO", KOS: "KVX", LAT: "LVA", IRE: "IRL", DEU: "GER", GBR: "ENG", CHE: "SUI", NLD: "NED", PRT: "POR",
  "IRELAND": "IRL", "MACEDONIA": "MKD", "CZECHIA": "CZE", "TÜRKIYE": "TUR", "TURKIYE": "TUR", "HOLLAND": "NED",
};

/**
 * The three-letter code of a country given by code ("GER", "ger", "MON") or English name
 * ("Germany"); null when it is not a European football country this table knows.
 */
export function countryCodeOf(country: string): string | null {
  const upper = country.trim().toUpperCase();
  const known = countries.find((entry) => entry.code === upper || entry.name.toUpperCase() === upper);
  return known?.code ?? otherSpellings[upper] ?? null;
}
