/**
 * A club as one source names it, before identity is resolved: what every importer hands to the
 * one club resolver (src/identity), so that every format resolves names the same way.
 */
export interface ClubMention {
  /** The name as the source writes it ("Bayern München", "Inter Mailand"). */
  name: string;
  /** Country code as the source gives it (openfootball's "GER", "ENG"; FIFA codes), when given. */
  country?: string;
  /** A club register id stated by the record, when given: it wins over the name. */
  registerId?: string;
  /** Where the name stands, for errors and the import summary: file, record and field. */
  at: { file: string; record: string; field: string };
}

/** Resolves the club mentions of one import to club ids (existing clubs, or new ones it records). */
export interface ClubResolver {
  idOf(mention: ClubMention): string;
}
