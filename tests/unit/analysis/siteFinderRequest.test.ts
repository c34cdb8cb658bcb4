// The site-finder worker's request, put together from hand-checkable inputs: the supply that counts,
// where facility data is not complete around a candidate, the demand of the band, the buffers moved.
import { describe, expect, it } from 'vitest';
import type { CompleteAreas } from '../../../src/analysis/dataCoverage';
import { decodeIds, packFacilities } from '../../../src/analysis/facilityIndex';
import { builtUpCellCandidates } from '../../../src/analysis/siteFinderCandidates';
import { siteFinderRequest } from '../../../src/analysis/siteFinderRequest';
import type { Facility } from '../../../src/domain/facility';
import { NAMED_NORM_PROFILES } from '../../../src/domain/norms';
import { emptySiteHomes } from '../../../src/domain/scenario';
import { DEFAULT_SITE_FINDER_SETTINGS } from '../../../src/stores/siteFinder';
import { cellPosition, dasymetricFixture, lonOf, pointAt } from '../../support/dasymetricFixture';

const facility = (id: string, category: Facility['category'], location: [number, number]): Facility => ({ id, name: id, category, location, datasetId: 'test', attributes: {} });

describe('siteFinderRequest', () => {
  const { grid, population } = dasymetricFixture();
  const candidates = builtUpCellCandidates(grid, population);
  // complete everywhere west of column 1, nowhere east of it
  const westComplete: CompleteAreas = {
    incompleteAround: () => new Set(),
    completeRadiusMeters: (_category, point, limit) => (point[0] < lonOf(grid, 1) ? limit : -1),
  };
  const sites = [
    { location: pointAt(grid, 0.5, 0.5), homes: { ...emptySiteHomes(), geclusterd: 20 } },
    { location: pointAt(grid, 1.5, 1.5), homes: { ...emptySiteHomes(), zorggeschikt: 12 } },
  ];
  const facilities = [facility('z1', 'zorg24uur', pointAt(grid, 2.5, 0.5)), facility('z2', 'zorg24uur', pointAt(grid, 3.5, 1.5)), facility('h1', 'huisarts', pointAt(grid, 0.5, 1.5))];
  const input = (careCountsAsSupply: boolean) => ({
    runId: 7,
    settings: { ...DEFAULT_SITE_FINDER_SETTINGS, housingType: 'geclusterd' as const, band: '75plus' as const, careCountsAsSupply },
    profile: NAMED_NORM_PROFILES.woonzorgzone,
    timeLimitSeconds: 10,
    population,
    candidates,
    completeAreas: westComplete,
    sites,
    packed: packFacilities(facilities),
    facilities,
  });

  it('counts the draft sites with homes of the type and, when chosen, the 24-hour care locations as supply', () => {
    const withCare = siteFinderRequest(input(true));
    expect(withCare.supply).toEqual({ sites: 1, care: 2 });
    expect([...withCare.request.supply]).toEqual([...sites[0]!.location, ...facilities[0]!.location, ...facilities[1]!.location]);
    const withoutCare = siteFinderRequest(input(false));
    expect(withoutCare.supply).toEqual({ sites: 1, care: 0 });
    expect([...withoutCare.request.supply]).toEqual([...sites[0]!.location]);
  });

  it('marks the candidates where facility data is not complete, and carries the band’s demand and the ids apart', () => {
    const { request, transfer } = siteFinderRequest(input(true));
    // built-up candidates are cells (0,0) and (1,1): only the first lies in the complete west
    expect(candidates.cellPositions).toEqual(Uint32Array.from([cellPosition(grid, 0, 0), cellPosition(grid, 1, 1)]));
    expect([...request.candidates.incomplete]).toEqual([0, 1]);
    // 75-plussers: A 30, B 10, C 5
    expect(request.demand.weights.reduce((sum, value) => sum + value, 0)).toBeCloseTo(45, 9);
    expect(request.runId).toBe(7);
    expect(request.facilities.ids).toEqual([]);
    expect(decodeIds(request.encodedIds)).toEqual(['test/z1', 'test/z2', 'test/h1']);
    // coordinates, categories and the one chunk of ids are transferred, not copied
    expect(transfer).toHaveLength(3);
    expect(transfer).toContain(request.encodedIds[0]!.buffer);
  });
});
