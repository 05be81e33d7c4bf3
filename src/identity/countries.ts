/**
 * Countries of UEFA's clubs (Europe, and Israel and Kazakhstan, UEFA members outside it): the register's folder name, the English name the seeds use, and
 * the three-letter code openfootball's match files write after a club ("Borussia Dortmund (GER)",
 * FIFA's codes, with openfootball's "MCO" for Monaco). Data.
 */
export interface Country {
  code: string;
  name: string;
  /** Folder of openfootball/clubs ("europe/germany"). */
  registerFolder: string;
}

export const countries: readonly Country[] = [
  { code: "ALB", name: "Albania", registerFolder: "europe/albania" },
  { code: "AND", name: "Andorra", registerFolder: "europe/andorra" },
  { code: "ARM", name: "Armenia", registerFolder: "europe/armenia" },
  { code: "AUT", name: "Austria", registerFolder: "europe/austria" },
  { code: "AZE", name: "Azerbaijan", registerFolder: "europe/azerbaijan" },
  { code: "BLR", name: "Belarus", registerFolder: "europe/belarus" },
  { code: "BEL", name: "Belgium", registerFolder: "europe/belgium" },
  { code: "BIH", name: "Bosnia and Herzegovina", registerFolder: "europe/bosnia-n-herzegovina" },
  { code: "BUL", name: "Bulgaria", registerFolder: "europe/bulgaria" },
  { code: "CRO", name: "Croatia", registerFolder: "europe/croatia" },
  { code: "CYP", name: "Cyprus", registerFolder: "europe/cyprus" },
  { code: "CZE", name: "Czech Republic", registerFolder: "europe/czech-republic" },
  { code: "DEN", name: "Denmark", registerFolder: "europe/denmark" },
  { code: "ENG", name: "England", registerFolder: "europe/england" },
  { code: "EST", name: "Estonia", registerFolder: "europe/estonia" },
  { code: "FRO", name: "Faroe Islands", registerFolder: "europe/faroe-islands" },
  { code: "FIN", name: "Finland", registerFolder: "europe/finland" },
  { code: "FRA", name: "France", registerFolder: "europe/france" },
  { code: "GEO", name: "Georgia", registerFolder: "europe/georgia" },
  { code: "GER", name: "Germany", registerFolder: "europe/germany" },
  { code: "GIB", name: "Gibraltar", registerFolder: "europe/gibraltar" },
  { code: "GRE", name: "Greece", registerFolder: "europe/greece" },
  { code: "HUN", name: "Hungary", registerFolder: "europe/hungary" },
  { code: "ISR", name: "Israel", registerFolder: "middle-east/israel" },
  { code: "ISL", name: "Iceland", registerFolder: "europe/iceland" },
  { code: "IRL", name: "Republic of Ireland", registerFolder: "europe/ireland" },
  { code: "ITA", name: "Italy", registerFolder: "europe/italy" },
  { code: "KAZ", name: "Kazakhstan", registerFolder: "asia/kazakhstan" },
  { code: "KVX", name: "Kosovo", registerFolder: "europe/kosovo" },
  { code: "LVA", name: "Latvia", registerFolder: "europe/latvija" },
  { code: "LIE", name: "Liechtenstein", registerFolder: "europe/liechtenstein" },
  { code: "LTU", name: "Lithuania", registerFolder: "europe/lithuania" },
  { code: "LUX", name: "Luxembourg", registerFolder: "europe/luxembourg" },
  { code: "MKD", name: "North Macedonia", registerFolder: "europe/macedonia" },
  { code: "MLT", name: "Malta", registerFolder: "europe/malta" },
  { code: "MDA", name: "Moldova", registerFolder: "europe/moldova" },
  { code: "MCO", name: "Monaco", registerFolder: "europe/monaco" },
  { code: "MNE", name: "Montenegro", registerFolder: "europe/montenegro" },
  { code: "NED", name: "Netherlands", registerFolder: "europe/netherlands" },
  { code: "NIR", name: "Northern Ireland", registerFolder: "europe/northern-ireland" },
  { code: "NOR", name: "Norway", registerFolder: "europe/norway" },
  { code: "POL", name: "Poland", registerFolder: "europe/poland" },
  { code: "POR", name: "Portugal", registerFolder: "europe/portugal" },
  { code: "ROU", name: "Romania", registerFolder: "europe/romania" },
  { code: "RUS", name: "Russia", registerFolder: "europe/russia" },
  { code: "SMR", name: "San Marino", registerFolder: "europe/san-marino" },
  { code: "SCO", name: "Scotland", registerFolder: "europe/scotland" },
  { code: "SRB", name: "Serbia", registerFolder: "europe/serbia" },
  { code: "SVK", name: "Slovakia", registerFolder: "europe/slovakia" },
  { code: "SVN", name: "Slovenia", registerFolder: "europe/slovenia" },
  { code: "ESP", name: "Spain", registerFolder: "europe/spain" },
  { code: "SWE", name: "Sweden", registerFolder: "europe/sweden" },
  { code: "SUI", name: "Switzerland", registerFolder: "europe/switzerland" },
  { code: "TUR", name: "Turkey", registerFolder: "europe/turkey" },
  { code: "UKR", name: "Ukraine", registerFolder: "europe/ukraine" },
  { code: "WAL", name: "Wales", registerFolder: "europe/wales" },
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
