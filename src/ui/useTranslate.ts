// Hooks giving components the translate and number-format functions for the current language.
// They subscribe to the language atom: a store whose value is a function cannot go through useStore,
// because a state setter would call it as an updater.

import { useStore } from '@nanostores/preact';
import { $formatDate, $formatNumber, $language, $translate, type Translate } from '../stores/language';
import { TRAIN_STATIONS_DATASET_ID } from '../data/trainStations';
import type { FacilityDataset } from '../domain/facility';

export function useTranslate(): Translate {
  useStore($language);
  return $translate.get();
}

export function useFormatNumber(): (value: number) => string {
  useStore($language);
  return $formatNumber.get();
}

export function useFormatDate(): (isoDate: string) => string {
  useStore($language);
  return $formatDate.get();
}

/** A dataset's name on screen: the shipped railway stations in the UI language, the planner's own as given. */
export function useDatasetName(): (dataset: Pick<FacilityDataset, 'id' | 'name'>) => string {
  const t = useTranslate();
  return (dataset) => (dataset.id === TRAIN_STATIONS_DATASET_ID ? t('facilities.trainStationsDataset') : dataset.name);
}
