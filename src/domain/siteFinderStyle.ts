// How the Locatiezoeker's found sites are drawn, on the map (src/map/siteFinderLayers.ts) and in the
// legend alike: a numbered disc (rank in white) with a white ring; the rank and kern beside it.

/** Dark blue-violet, 10:1 against white and clear of the facility, key-project and site colours. */
export const SITE_FINDER_MARKER = { colour: '#1f1a5c', radius: 11, ringColour: '#ffffff', ringWidth: 2.5, numberColour: '#ffffff' } as const;

/** The drawn search area: a dashed outline in the marker's colour over a faint fill (the dashes, not the colour, tell it apart). */
export const SITE_FINDER_AREA = { outlineColour: '#1f1a5c', outlineWidth: 2.5, dash: [2, 1.5], fillColour: '#1f1a5c', fillOpacity: 0.08 } as const;

/** A point of the planner's own candidate list: an open circle (white inside, dark ring). */
export const SITE_FINDER_LIST_POINT = { radius: 5, fillColour: '#ffffff', ringColour: '#1f1a5c', ringWidth: 2 } as const;
