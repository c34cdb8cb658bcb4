import { describe, expect, it } from 'vitest';
import { LOCATION_PRECISIONS } from '../../../src/domain/keyProject';
import { catalogue, formatMessage, translate } from '../../../src/i18n/catalogue';

describe('message catalogue', () => {
  it('has an English text for every Dutch key and no extra keys', () => {
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.nl).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(catalogue.nl) as Array<keyof typeof catalogue.nl>) {
      expect(placeholders(catalogue.en[key]), key).toEqual(placeholders(catalogue.nl[key]));
    }
  });

  it('names every location precision of a key project in both languages', () => {
    for (const precision of LOCATION_PRECISIONS) {
      expect(catalogue.nl, precision).toHaveProperty([`precision.${precision}`]);
      expect(catalogue.en, precision).toHaveProperty([`precision.${precision}`]);
    }
  });

  it('has no empty text', () => {
    for (const language of ['nl', 'en'] as const) {
      for (const [key, text] of Object.entries(catalogue[language])) expect(text.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('{a} en {b}', { a: 1 })).toBe('1 en {b}');
    expect(translate('en', 'finder.noMatch', { query: 'x' })).toBe('No municipality found for "x".');
  });
});
