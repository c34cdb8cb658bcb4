// Starting coverage choices for a dataset being imported or edited: the municipalities holding its
// points are located on the loaded boundaries (the choices themselves: src/domain/coverageChoices.ts).

import { type DatasetCompleteness, type Facility } from '../domain/facility';
import { initialCoverageChoices, type CoverageChoices } from '../domain/coverageChoices';
import { municipalitiesHoldingFacilities, municipalitiesHoldingFacilitiesSteps } from '../analysis/dataCoverage';
import { categoriesIn } from '../analysis/categoryCompleteness';
import { runInSlices } from '../analysis/slicedWork';
import { $municipalityLocator } from './appData';

/** Starting choices for a dataset's facilities: municipalities holding points are located on the loaded boundaries. */
export function startingCoverageChoices(facilities: readonly Facility[], existing: DatasetCompleteness = {}): CoverageChoices {
  return initialCoverageChoices(categoriesIn(facilities), municipalitiesHoldingFacilities(facilities, $municipalityLocator.get()), existing);
}

/** The same, located in slices between which the page stays responsive (a very large file); null when `stillWanted` turns false meanwhile. */
export async function startingCoverageChoicesInSlices(
  facilities: readonly Facility[],
  existing: DatasetCompleteness,
  stillWanted: () => boolean,
): Promise<CoverageChoices | null> {
  const holding = await runInSlices(municipalitiesHoldingFacilitiesSteps(facilities, $municipalityLocator.get()), { stillWanted });
  return holding === null ? null : initialCoverageChoices(categoriesIn(facilities), holding, existing);
}
