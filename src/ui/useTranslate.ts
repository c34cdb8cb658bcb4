// Hooks giving components the translate and number-format functions for the current language.
// They subscribe to the language atom: a store whose value is a function cannot go through useStore,
// because a state setter would call it as an updater.

import { useStore } from '@nanostores/preact';
import { $formatNumber, $language, $translate, type Translate } from '../stores/language';

export function useTranslate(): Translate {
  useStore($language);
  return $translate.get();
}

export function useFormatNumber(): (value: number) => string {
  useStore($language);
  return $formatNumber.get();
}
