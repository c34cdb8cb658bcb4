// Where a figure comes from: every number on screen carries a SourceId that resolves to one of these.

/** A document table/page, or a dataset with licence and date. */
export interface Source {
  id: SourceId;
  /** Short title as a planner would cite it (Dutch, as the document is Dutch). */
  title: string;
  /** Short pointer into the document, shown after the title in a "Bron" line, e.g. 'Tabel 1, p. 6'. */
  part?: string;
  /** Publisher or author organisation. */
  publisher: string;
  /** Document section, table or page; or dataset layer/table name. */
  location: string;
  /** Date of the data or of the document (ISO date or year as the source gives it). */
  date: string;
  /** Licence for datasets; for policy documents: 'openbaar bestuursdocument'. */
  licence: string;
  /** How the data was derived from the original, when it was. */
  derivation?: string;
  /** Web address where the original can be read or downloaded. */
  url?: string;
}

export type SourceId = string;
