// Start-up action: load and validate the embedded datasets (src/data) and put them into the stores.

import type { FeatureCollection } from 'geojson';
import type { DataIssue } from '../domain/dataIssue';
import { DATASET_SOURCE_IDS, loadDatasets, type DatasetResult, type FetchText, type LoadedDatasets } from '../data/loadDatasets';
import { TRAIN_STATIONS_DATASET } from '../data/trainStations';
import { setLoadedData, type AppData } from './appData';
import { restoreFacilityDatasets } from './facilityActions';

function valueOf<T>(result: DatasetResult<T>): T | undefined {
  return result.ok ? result.value : undefined;
}

function collection<F>(features: F[]): FeatureCollection & { features: F[] } {
  return { type: 'FeatureCollection', features } as FeatureCollection & { features: F[] };
}

/** Shapes the validated datasets into what the map and panels read; absent parts stay absent. */
export function toAppData(loaded: LoadedDatasets): { data: Partial<AppData>; issues: DataIssue[] } {
  const data: Partial<AppData> = {};
  const municipalities = valueOf(loaded.municipalities);
  const regionByCode = new Map((municipalities ?? []).map((municipality) => [municipality.code, municipality.region]));
  if (municipalities) data.municipalities = municipalities;
  const boundaries = valueOf(loaded.municipalityBoundaries);
  if (boundaries) {
    data.municipalityBoundaries = collection(
      boundaries.map((feature) => ({
        ...feature,
        properties: { code: feature.properties.code, name: feature.properties.name, region: regionByCode.get(feature.properties.code) ?? null },
      })),
    );
  }
  const province = valueOf(loaded.provinceBoundary);
  if (province) data.province = collection([province]);
  const places = valueOf(loaded.places);
  if (places) {
    data.places = collection(
      places.map((place) => ({
        type: 'Feature' as const,
        properties: { name: place.name, type: place.type, inhabitants: place.inhabitants, municipalityCode: place.municipalityCode },
        geometry: { type: 'Point' as const, coordinates: place.location },
      })),
    );
  }
  const builtUpAreas = valueOf(loaded.builtUpAreas);
  if (builtUpAreas) data.builtUpAreas = collection(builtUpAreas);
  const postcodeAreas = valueOf(loaded.postcodePopulation);
  if (postcodeAreas) {
    data.olderPeople = collection(postcodeAreas);
    data.olderPeopleSource = DATASET_SOURCE_IDS.postcodePopulation;
  }
  const placedKeyProjects = valueOf(loaded.placedKeyProjects);
  if (placedKeyProjects) data.keyProjects = placedKeyProjects;
  const targets = valueOf(loaded.housingTargets);
  if (targets) {
    data.targets = targets.municipalTargets;
    data.regionTargets = targets.regionTargets;
  }
  const homesBuilt = valueOf(loaded.homesBuilt);
  if (homesBuilt) {
    data.homesBuilt = homesBuilt.rows;
    data.homesBuiltPrintedTotal = homesBuilt.printedTotal;
  }
  const outlook = valueOf(loaded.outlook2031To2035);
  if (outlook) {
    data.outlook = outlook.rows;
    data.outlookPrintedTotal = outlook.printedTotal;
  }
  const keyProjects = valueOf(loaded.keyProjects);
  if (keyProjects) {
    const { regionTotal, table2 } = keyProjects;
    data.keyProjectRegionFigures = {
      region: regionTotal.region,
      keyProjects: table2.total.keyProjects,
      homesWoondeal2022: regionTotal.homesWoondeal2022,
      homesWoondeal2022Footnote: regionTotal.homesWoondeal2022Footnote,
      homes2024To2030: regionTotal.homes2024To2030,
      homesAfter2030: regionTotal.homesAfter2030,
      source: regionTotal.source,
      keyProjectsSource: table2.source,
    };
  }
  data.inconsistencies = [
    ...(keyProjects?.inconsistencies ?? []),
    ...(targets?.inconsistencies ?? []),
    ...(homesBuilt?.inconsistencies ?? []),
    ...(outlook?.inconsistencies ?? []),
  ];
  const sources = valueOf(loaded.sources);
  if (sources) data.sources = sources;
  const issues = Object.values(loaded).flatMap((result: DatasetResult<unknown>) => result.issues);
  return { data, issues };
}

/** Loads the embedded datasets into the stores; the railway stations become the embedded facility dataset. */
export async function loadAppData(fetchText: FetchText): Promise<void> {
  const loaded = await loadDatasets(fetchText);
  const { data, issues } = toAppData(loaded);
  setLoadedData(data, issues);
  if (loaded.trainStations.ok) restoreFacilityDatasets([{ dataset: TRAIN_STATIONS_DATASET, facilities: loaded.trainStations.value }]);
}
