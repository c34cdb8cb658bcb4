// Maps the category words people put in spreadsheets (Dutch or English, any case, with or without
// accents or punctuation) to facility categories; anything else is reported as unknown.

import type { FacilityCategory, TransitMode } from '../../domain/facility';
import { FACILITY_CATEGORIES } from '../../domain/facility';
import { normaliseHeader } from './coordinates';

export interface CategoryWordMatch {
  category: FacilityCategory;
  transitMode?: TransitMode;
}

/** Words per category, written normalised (lower case, letters and digits only). */
const CATEGORY_WORDS: ReadonlyArray<[FacilityCategory, readonly string[], TransitMode?]> = [
  ['zorg24uur', ['verpleeghuis', 'verpleeghuizen', 'verpleeghuiszorg', '24uurszorg', 'zorg24uur', 'nursinghome', 'nursinghomes', 'wlz', 'wlzlocatie', 'verpleegenverzorgingshuis']],
  ['woonzorgcentrum', ['woonzorgcentrum', 'woonzorgcentra', 'woonzorg', 'verzorgingshuis', 'verzorgingshuizen', 'zorgcentrum', 'serviceflat', 'aanleunwoning', 'aanleunwoningen', 'assistedliving', 'carehome', 'geclusterdwonen']],
  ['huisarts', ['huisarts', 'huisartsen', 'huisartsenpraktijk', 'huisartspraktijk', 'gezondheidscentrum', 'gp', 'generalpractitioner', 'familydoctor']],
  ['apotheek', ['apotheek', 'apotheken', 'pharmacy', 'pharmacies']],
  ['supermarkt', ['supermarkt', 'supermarkten', 'supermarket', 'supermarkets', 'grocery', 'kruidenier']],
  ['ovHalte', ['bushalte', 'bushaltes', 'busstop', 'bus'], 'bus'],
  ['ovHalte', ['tramhalte', 'tramstop', 'tram'], 'tram'],
  ['ovHalte', ['station', 'treinstation', 'trainstation', 'railwaystation', 'railstation', 'trein', 'train'], 'train'],
  ['ovHalte', ['ovhalte', 'halte', 'ovhaltes', 'stop', 'publictransport', 'openbaarvervoer'], 'unknown'],
  ['ontmoetingsplek', ['buurthuis', 'wijkcentrum', 'buurtcentrum', 'dorpshuis', 'ontmoetingsplek', 'ontmoetingsplaats', 'ontmoetingscentrum', 'mfa', 'multifunctioneleaccommodatie', 'communitycentre', 'communitycenter', 'socialcentre']],
  ['overig', ['overig', 'overige', 'anders', 'other']],
];

const WORD_TO_MATCH: ReadonlyMap<string, CategoryWordMatch> = (() => {
  const map = new Map<string, CategoryWordMatch>();
  for (const category of FACILITY_CATEGORIES) map.set(normaliseHeader(category), category === 'ovHalte' ? { category, transitMode: 'unknown' } : { category });
  for (const [category, words, transitMode] of CATEGORY_WORDS) {
    for (const word of words) map.set(word, transitMode === undefined ? { category } : { category, transitMode });
  }
  return map;
})();

/** The category a spreadsheet value stands for, or null when the word is not known. */
export function categoryFromWord(value: string): CategoryWordMatch | null {
  const normalised = normaliseHeader(value);
  if (normalised === '') return null;
  return WORD_TO_MATCH.get(normalised) ?? null;
}
