// Starting coverage choices for a dataset being imported or edited: the municipalities holding its
// points are located on the loaded boundaries (the choices themselves: src/domain/coverageChoices.ts).

import { FACILITY_CATEGORIES, type DatasetCompleteness, type Facility } from '../domain/facility';
import { initialCoverageChoices, type CoverageChoices } from '../domain/coverageChoices';
import { municipalitiesHoldingFacilities } from '../analysis/dataCoverage';
import { $municipalityLocator } from './appData';

/** Starting choices for a dataset's facilities: municipalities holding points are located on the loaded boundaries. */
export function startingCoverageChoices(facilities: readonly Facility[], existing: DatasetCompleteness = {}): CoverageChoices {
  const locate = $municipalityLocator.get();
  const present = new Set(facilities.map((facility) => facility.category));
  return initialCoverageChoices(
    FACILITY_CATEGORIES.filter((category) => present.has(category)),
    municipalitiesHoldingFacilities(facilities, locate),
    existing,
  );
}
