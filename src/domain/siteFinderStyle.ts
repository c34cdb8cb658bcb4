// How the Locatiezoeker's found sites are drawn, on the map (src/map/siteFinderLayers.ts) and in the
// legend alike: a numbered disc (rank in white) with a white ring; the rank and kern beside it.

/** Dark blue-violet, 10:1 against white and clear of the facility, key-project and site colours. */
export const SITE_FINDER_MARKER = { colour: '#1f1a5c', radius: 11, ringColour: '#ffffff', ringWidth: 2.5, numberColour: '#ffffff' } as const;
