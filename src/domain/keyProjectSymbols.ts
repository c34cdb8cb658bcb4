// How key projects are drawn on the map and in lists and legends: a shape per status (never colour
// alone) and colours that stand out from the light basemap by at least 3:1 (WCAG 1.4.11).

export const KEY_PROJECT_COLOURS = { bestaand: '#5e3c99', nieuw: '#d45500' } as const;

/** The dashed ring of a row that only has an outlook after 2030. */
export const KEY_PROJECT_OUTLOOK_COLOUR = '#333333';

/** Each key-project status has its own shape. */
export const KEY_PROJECT_SHAPES = { bestaand: 'circle', nieuw: 'diamond', outlookOnly: 'dashedRing' } as const;

/** A draft site: a house shape (pentagon, point up), so it differs from key projects and facilities by shape, not colour alone. */
export const SITE_COLOUR = '#00665e';

/** Symbol size by homes 2024–2030: [homes, scale of the map icon], linear between stops (map and legend alike). */
export const KEY_PROJECT_SIZE_STOPS: ReadonlyArray<readonly [homes: number, scale: number]> = [
  [0, 0.45],
  [500, 0.7],
  [3000, 1.15],
];
/** The drawn size (CSS px) of the key-project circle icon at scale 1. */
export const KEY_PROJECT_ICON_SIZE = 30;
/** Reference sizes the legend shows. */
export const KEY_PROJECT_REFERENCE_HOMES = [100, 500, 3000] as const;

export function keyProjectSymbolScale(homes: number): number {
  const stops = KEY_PROJECT_SIZE_STOPS;
  if (homes <= stops[0]![0]) return stops[0]![1];
  for (let index = 1; index < stops.length; index++) {
    const [toHomes, toScale] = stops[index]!;
    const [fromHomes, fromScale] = stops[index - 1]!;
    if (homes <= toHomes) return fromScale + ((homes - fromHomes) / (toHomes - fromHomes)) * (toScale - fromScale);
  }
  return stops[stops.length - 1]![1];
}
