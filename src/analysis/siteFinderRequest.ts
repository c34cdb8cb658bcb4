// Locatiezoeker (issue 13): the request for the site-finder worker, put together from the app's data:
// the demand (the dasymetric spread for the chosen age band, with its postcode-area pieces), the
// candidates of the chosen source with where facility data is not complete around them, the existing
// supply (the draft's sites with homes of the type and, if chosen, the 24-hour care locations) and the
// packed facilities for judging the norms. Pure: the store gathers the inputs and posts the result.

import type { DasymetricPopulation } from './dasymetric';
import { incompletePoints, type CompleteAreas } from './dataCoverage';
import { encodeIds, packedTransfer, type PackedFacilities } from './facilityIndex';
import { demandFromPopulation } from './siteFinder';
import type { SiteCandidates } from './siteFinderCandidates';
import { demandPieces, siteCountsAsSupply } from './siteFinderFigures';
import type { SiteFinderRunRequest, SiteFinderSettings } from './siteFinderProtocol';
import type { Facility } from '../domain/facility';
import type { NormProfile } from '../domain/norms';
import type { Site } from '../domain/scenario';

export interface SiteFinderRequestInput {
  runId: number;
  settings: SiteFinderSettings;
  profile: NormProfile;
  timeLimitSeconds: number;
  population: DasymetricPopulation;
  candidates: SiteCandidates;
  completeAreas: CompleteAreas;
  /** The open draft's sites (all of them; those with homes of the type count as supply). */
  sites: readonly Pick<Site, 'location' | 'homes'>[];
  /** The visible facilities, as packed for the worker and as a list (for the 24-hour care locations). */
  packed: PackedFacilities;
  facilities: readonly Facility[];
}

export interface SiteFinderRequestParts {
  request: SiteFinderRunRequest;
  /** How much existing supply counted: draft sites and 24-hour care locations. */
  supply: { sites: number; care: number };
  /** The buffers to transfer to the worker with the request. */
  transfer: ArrayBuffer[];
}

export function siteFinderRequest(input: SiteFinderRequestInput): SiteFinderRequestParts {
  const { settings, profile, population, candidates, packed } = input;
  const radius = new Map(profile.norms[settings.housingType].map((norm) => [norm.category, norm.maxDistanceMeters]));
  const incomplete = incompletePoints(candidates.coordinates, input.completeAreas, [...radius.keys()], (category) => radius.get(category) ?? 0);
  const demand = demandFromPopulation(population, settings.band);
  const pieces = demandPieces(population, settings.band, demand.cellPositions);
  const sites = input.sites.filter((site) => siteCountsAsSupply(site, settings.housingType));
  const care = settings.careCountsAsSupply ? input.facilities.filter((facility) => facility.category === 'zorg24uur') : [];
  const supply = Float64Array.from([...sites.map((site) => site.location), ...care.map((facility) => facility.location)].flat());
  const encodedIds = encodeIds(packed.ids);
  const request: SiteFinderRunRequest = {
    type: 'run',
    runId: input.runId,
    settings,
    profile,
    timeLimitSeconds: input.timeLimitSeconds,
    facilities: { ...packed, ids: [] },
    encodedIds,
    demand: { coordinates: demand.coordinates, weights: demand.weights },
    pieces,
    candidates: { ids: [...candidates.ids], coordinates: candidates.coordinates, cellPositions: candidates.cellPositions, labels: candidates.labels, incomplete },
    supply,
  };
  return {
    request,
    supply: { sites: sites.length, care: care.length },
    transfer: packedTransfer(packed, encodedIds),
  };
}
