// What the planner is choosing about a dataset's coverage, per category, while editing it (in the
// import dialog or the dataset list): the kind of declaration and the municipalities ticked. The
// ticked municipalities are kept while switching kinds, so going back to "gemeente(n)" loses nothing.

import { declarationFor, type CoverageDeclaration, type DatasetCompleteness, type FacilityCategory } from './facility';

export type CoverageKind = CoverageDeclaration['kind'];
export const COVERAGE_KINDS: readonly CoverageKind[] = ['locationsOnly', 'municipalities', 'province'];

export interface CoverageChoice {
  kind: CoverageKind;
  /** Municipality codes for kind 'municipalities' (kept, but unused, for the other kinds). */
  codes: string[];
}

export type CoverageChoices = Partial<Record<FacilityCategory, CoverageChoice>>;

/**
 * Starting choices for the categories: what the dataset declared before (when replacing or
 * editing), otherwise "only these locations" (the default: complete nowhere). The municipality
 * list is prefilled with the municipalities that hold points of the category.
 */
export function initialCoverageChoices(
  categories: readonly FacilityCategory[],
  holding: ReadonlyMap<FacilityCategory, readonly string[]>,
  existing: DatasetCompleteness = {},
): CoverageChoices {
  const choices: CoverageChoices = {};
  for (const category of categories) {
    const declared = declarationFor({ completeness: existing }, category);
    choices[category] =
      declared.kind === 'municipalities' ? { kind: 'municipalities', codes: [...declared.codes].sort() } : { kind: declared.kind, codes: [...(holding.get(category) ?? [])] };
  }
  return choices;
}

export function withCoverageKind(choices: CoverageChoices, category: FacilityCategory, kind: CoverageKind): CoverageChoices {
  return { ...choices, [category]: { codes: [], ...choices[category], kind } };
}

export function withCoverageCodes(choices: CoverageChoices, category: FacilityCategory, codes: readonly string[]): CoverageChoices {
  return { ...choices, [category]: { kind: 'municipalities', ...choices[category], codes: [...new Set(codes)].sort() } };
}

/** The declarations to store; categories set to "municipalities" without any ticked come back as `missing`. */
export function completenessFromChoices(choices: CoverageChoices): { completeness: DatasetCompleteness; missing: FacilityCategory[] } {
  const completeness: DatasetCompleteness = {};
  const missing: FacilityCategory[] = [];
  for (const [category, choice] of Object.entries(choices) as Array<[FacilityCategory, CoverageChoice]>) {
    if (choice.kind === 'province') completeness[category] = { kind: 'province' };
    else if (choice.kind === 'municipalities') {
      if (choice.codes.length === 0) missing.push(category);
      else completeness[category] = { kind: 'municipalities', codes: [...choice.codes] };
    }
  }
  return { completeness, missing };
}
