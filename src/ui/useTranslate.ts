// Hooks giving components the translate and number-format functions for the current language.

import { useStore } from '@nanostores/preact';
import { $formatNumber, $translate } from '../stores/language';

export function useTranslate() {
  return useStore($translate);
}

export function useFormatNumber() {
  return useStore($formatNumber);
}
