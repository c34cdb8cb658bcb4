import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/catalogue';
import type { Translate } from '../../../src/stores/language';
import { issueText } from '../../../src/ui/issueText';

const t: Translate = (key, params) => translate('nl', key, params);

describe('an issue in words', () => {
  it('names the file the issue carries', () => {
    expect(issueText({ code: 'data.wrongShape', file: 'gemeenten.json', params: { reason: 'geen lijst' } }, t)).toBe(
      'Bestand gemeenten.json heeft niet de verwachte vorm: geen lijst.',
    );
  });

  it("fills in a caller's value, which the issue's own parameters override", () => {
    const issue = { code: 'norms.distanceNotPositive', file: 'norms', record: 'nultreden/supermarkt', params: { value: '-5' } };
    expect(issueText(issue, t, { record: 'Supermarkt, Nultreden' })).toBe('Afstand bij Supermarkt, Nultreden moet groter dan 0 m zijn, niet -5.');
    expect(issueText(issue, t, { record: 'x', value: 'overridden' })).toContain('niet -5');
  });

  it('shows a code that is not in the catalogue as itself', () => {
    expect(issueText({ code: 'from.data', file: 'f' }, t)).toBe('from.data');
  });
});
