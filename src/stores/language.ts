// The UI language (Dutch by default) and the translate function bound to it.

import { atom, computed } from 'nanostores';
import { translate, type Language, type MessageKey } from '../i18n/catalogue';

const languageStorageKey = 'woonzorgkaart.language';

function initialLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(languageStorageKey) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export const $language = atom<Language>(initialLanguage());

export function setLanguage(language: Language): void {
  $language.set(language);
  try {
    globalThis.localStorage?.setItem(languageStorageKey, language);
  } catch {
    // Private mode may forbid localStorage; the choice then lasts for this visit only.
  }
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * One value per language, made once: a computed store without subscribers recomputes on every get(),
 * and creating an Intl formatter costs milliseconds (tens for the first), so each get() made a new one.
 */
function oncePerLanguage<T>(make: (language: Language) => T): (language: Language) => T {
  const made = new Map<Language, T>();
  return (language) => {
    if (!made.has(language)) made.set(language, make(language));
    return made.get(language)!;
  };
}

export const $translate = computed(
  $language,
  oncePerLanguage((language): Translate => (key, params) => translate(language, key, params)),
);

/** Numbers as a Dutch or English reader writes them (1.039 vs 1,039). */
export const $formatNumber = computed(
  $language,
  oncePerLanguage((language) => {
    const format = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
    return (value: number) => format.format(value);
  }),
);

/** A date ('2026-02-24' or an ISO time) as a Dutch or English reader writes it (24 feb 2026 / 24 Feb 2026). */
export const $formatDate = computed(
  $language,
  oncePerLanguage((language) => {
    const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (isoDate: string) => {
      const date = new Date(isoDate.slice(0, 10) + 'T00:00:00Z');
      return Number.isNaN(date.getTime()) ? isoDate : format.format(date);
    };
  }),
);
