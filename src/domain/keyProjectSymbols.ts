// How key projects are drawn on the map and in lists and legends: a shape per status (never colour
// alone) and colours that stand out from the light basemap by at least 3:1 (WCAG 1.4.11).

export const KEY_PROJECT_COLOURS = { bestaand: '#5e3c99', nieuw: '#d45500' } as const;

/** The dashed ring of a row that only has an outlook after 2030. */
export const KEY_PROJECT_OUTLOOK_COLOUR = '#333333';

/** Each key-project status has its own shape. */
export const KEY_PROJECT_SHAPES = { bestaand: 'circle', nieuw: 'diamond', outlookOnly: 'dashedRing' } as const;

/** A draft site: a house shape (pentagon, point up), so it differs from key projects and facilities by shape, not colour alone. */
export const SITE_COLOUR = '#00665e';
