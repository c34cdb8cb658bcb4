// Where a figure comes from: every number on screen carries a SourceId that resolves to one of these.

/** A document table/page, or a dataset with licence and date. */
export interface Source {
  id: SourceId;
  /** Short title as a planner would cite it (as published: Dutch documents keep their Dutch title). */
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
  /** The same words in English; a field left out reads as the Dutch one (e.g. a licence name such as 'CC BY 4.0'). */
  en?: SourceTranslation;
}

/**
 * The fields a source has in words. A published document keeps its own (Dutch) title in English too, as it
 * is cited by it; only a title we wrote ourselves (e.g. 'Eigen aanname in deze kaart') has an English form.
 */
export const TRANSLATED_SOURCE_FIELDS = ['title', 'part', 'publisher', 'location', 'date', 'licence', 'derivation'] as const;
export type SourceTranslation = Partial<Pick<Source, (typeof TRANSLATED_SOURCE_FIELDS)[number]>>;

/** The source as a reader of `language` sees it: the register is Dutch, with its English forms beside it. */
export function sourceInLanguage(source: Source, language: 'nl' | 'en'): Source {
  return language === 'en' && source.en ? { ...source, ...source.en } : source;
}

export type SourceId = string;
