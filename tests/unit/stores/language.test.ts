import { describe, expect, it } from 'vitest';
import { $formatNumber, $language, $translate, setLanguage } from '../../../src/stores/language';

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
});
