// How each facility category is drawn on the map and in legends: a letter plus a colour, so meaning
// never rests on colour alone. Colours from the Okabe–Ito palette (distinguishable with colour-vision deficiencies).

import type { FacilityCategory } from './facility';

export interface FacilitySymbol {
  letter: string;
  colour: string;
  /** Text colour with at least 4.5:1 contrast on `colour`. */
  textColour: string;
}

export const FACILITY_SYMBOLS: Record<FacilityCategory | 'trainStation', FacilitySymbol> = {
  zorg24uur: { letter: 'Z', colour: '#D55E00', textColour: '#000000' },
  woonzorgcentrum: { letter: 'W', colour: '#CC79A7', textColour: '#000000' },
  huisarts: { letter: 'H', colour: '#0072B2', textColour: '#FFFFFF' },
  apotheek: { letter: 'A', colour: '#009E73', textColour: '#000000' },
  supermarkt: { letter: 'S', colour: '#E69F00', textColour: '#000000' },
  ovHalte: { letter: 'B', colour: '#56B4E9', textColour: '#000000' },
  trainStation: { letter: 'T', colour: '#1A1A1A', textColour: '#FFFFFF' },
  ontmoetingsplek: { letter: 'O', colour: '#F0E442', textColour: '#000000' },
  overig: { letter: '·', colour: '#999999', textColour: '#000000' },
};

/**
 * Every facility symbol is edged in this colour, so its outline stands out (at least 3:1, WCAG
 * 1.4.11) from the light basemap even where the fill colour (yellow, light blue) does not.
 */
export const FACILITY_SYMBOL_OUTLINE = '#1b1b1b';

/** The symbol key for one facility: train stations get their own among public-transport stops. */
export function facilitySymbolKey(category: FacilityCategory, transitMode?: string): FacilityCategory | 'trainStation' {
  return category === 'ovHalte' && transitMode === 'train' ? 'trainStation' : category;
}
