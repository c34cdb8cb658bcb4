// What the app derives from the loaded facility datasets, in one pass that may be sliced (slicedWork.ts):
// the merged list (one facility once, mergeFacilities.ts), the merged facility for every record's key,
// and the merged facilities inside each municipality. The stores hold the result; the map, counts,
// nearest searches and tables read it.

import type { Facility } from '../domain/facility';
import { facilitiesPerMunicipalitySteps, type MunicipalityArea } from './facilitiesPerMunicipality';
import { mergedFacilitiesBySourceKeySteps, mergeFacilitiesSteps, type MergedFacility } from './mergeFacilities';
import type { Steps } from './slicedWork';

export interface FacilityModel {
  /** Facilities of the visible datasets, the same facility of several datasets merged into one. */
  active: MergedFacility[];
  /** The merged facility for the key of any record it stands for. */
  byKey: ReadonlyMap<string, MergedFacility>;
  /** The merged facilities inside each municipality (code → list; every municipality present). */
  byMunicipality: ReadonlyMap<string, MergedFacility[]>;
}

export const EMPTY_FACILITY_MODEL: FacilityModel = { active: [], byKey: new Map(), byMunicipality: new Map() };

/** `lists`: one list per visible dataset in merge priority order. */
export function* facilityModelSteps(
  lists: ReadonlyArray<readonly Facility[]>,
  municipalities: readonly MunicipalityArea[],
  locate: (point: [number, number]) => string | null,
): Steps<FacilityModel> {
  const active = yield* mergeFacilitiesSteps(lists);
  const byKey = yield* mergedFacilitiesBySourceKeySteps(active);
  const byMunicipality = yield* facilitiesPerMunicipalitySteps(active, municipalities, locate);
  return { active, byKey, byMunicipality };
}
