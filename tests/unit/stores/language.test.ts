import { describe, expect, it } from 'vitest';
import { $formatDate, $formatNumber, $language, $translate, setLanguage } from '../../../src/stores/language';

describe('language store', () => {
  it('starts in Dutch and translates with Dutch number format', () => {
    expect($language.get()).toBe('nl');
    expect($translate.get()('layers.title')).toBe('Kaartlagen');
    expect($formatNumber.get()(1240)).toBe('1.240');
  });

  it('switches to English labels and number format', () => {
    setLanguage('en');
    expect($translate.get()('layers.title')).toBe('Map layers');
    expect($formatNumber.get()(1240)).toBe('1,240');
    setLanguage('nl');
  });

  it('makes each language\'s formatters once, not on every read (an Intl formatter costs milliseconds to make)', () => {
    const dutch = [$translate.get(), $formatNumber.get(), $formatDate.get()];
    for (const [index, made] of [$translate.get(), $formatNumber.get(), $formatDate.get()].entries()) expect(made).toBe(dutch[index]);
    setLanguage('en');
    expect($formatNumber.get()).not.toBe(dutch[1]);
    expect($formatDate.get()('2026-02-24')).toBe('24 Feb 2026');
    setLanguage('nl');
    expect($formatNumber.get()).toBe(dutch[1]);
    expect($formatDate.get()('2026-02-24')).toBe('24 feb 2026');
  });
});
