// Class breaks and colours for choropleth maps: quantile classes over a colour-blind-safe palette.

/**
 * Sequential palette safe for the common colour-vision deficiencies (ColorBrewer YlGnBu, 5 classes,
 * marked colour-blind safe by ColorBrewer). Light to dark, so order also reads in greyscale.
 */
export const SEQUENTIAL_PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

/** Colour for areas without data; drawn with a hatch pattern as well so it is not colour-only. */
export const NO_DATA_COLOUR = '#d9d9d9';

export interface ClassBreaks {
  /** Upper bounds (inclusive) of each class; the last equals the maximum. */
  upperBounds: number[];
  colours: string[];
  minimum: number;
}

/**
 * Quantile breaks over the finite values, merged where equal so no class is empty.
 * Returns null when there are no finite values.
 */
export function quantileBreaks(values: readonly number[], classCount = SEQUENTIAL_PALETTE.length): ClassBreaks | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const upperBounds: number[] = [];
  for (let classIndex = 1; classIndex <= classCount; classIndex++) {
    const position = Math.ceil((classIndex / classCount) * sorted.length) - 1;
    const bound = sorted[Math.min(Math.max(position, 0), sorted.length - 1)]!;
    if (upperBounds.length === 0 || bound > upperBounds[upperBounds.length - 1]!) upperBounds.push(bound);
  }
  const palette = pickColours(upperBounds.length);
  return { upperBounds, colours: palette, minimum: sorted[0]! };
}

/** Spreads n colours over the palette so few classes still span light to dark. */
function pickColours(count: number): string[] {
  if (count === 1) return [SEQUENTIAL_PALETTE[2]];
  return Array.from({ length: count }, (_, index) =>
    SEQUENTIAL_PALETTE[Math.round((index * (SEQUENTIAL_PALETTE.length - 1)) / (count - 1))]!,
  );
}

export function classIndexOf(value: number, breaks: ClassBreaks): number {
  const index = breaks.upperBounds.findIndex((bound) => value <= bound);
  return index === -1 ? breaks.upperBounds.length - 1 : index;
}
