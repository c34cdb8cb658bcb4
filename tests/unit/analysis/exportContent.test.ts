import { describe, expect, it } from 'vitest';
import { citeSource, exportSubtitle, sourceLines } from '../../../src/analysis/exportContent';
import type { Source } from '../../../src/domain/source';

const cbs: Source = { id: 'cbs', title: 'CBS Gebiedsindelingen 2026: gemeenten', publisher: 'CBS en Kadaster, via PDOK', location: 'laag gemeenten', date: '2026', licence: 'CC BY 4.0' };
const woondeal: Source = { id: 'wd', title: 'Actualisatie Woondeal', part: 'Bijlage 1', publisher: 'Provincie Overijssel', location: 'Bijlage 1', date: '2025-03-20', licence: 'openbaar bestuursdocument' };

describe('export sources', () => {
  it('cites by publisher, title (with its part), date and licence', () => {
    expect(citeSource(cbs)).toBe('CBS en Kadaster, via PDOK: CBS Gebiedsindelingen 2026: gemeenten, 2026, CC BY 4.0');
    expect(citeSource(woondeal)).toBe('Provincie Overijssel: Actualisatie Woondeal, Bijlage 1, 2025-03-20, openbaar bestuursdocument');
  });

  it('lists each source once, unknown ids left out, extra lines last and once', () => {
    const byId = new Map([cbs, woondeal].map((source) => [source.id, source]));
    expect(sourceLines(['wd', 'cbs', 'wd', 'missing'], byId, ['© OpenStreetMap-bijdragers, ODbL', '© OpenStreetMap-bijdragers, ODbL'])).toEqual([
      citeSource(woondeal),
      citeSource(cbs),
      '© OpenStreetMap-bijdragers, ODbL',
    ]);
  });

  it('builds the subtitle from what is there', () => {
    expect(exportSubtitle({ theme: 'Totaal, Basisscenario', scenario: 'Scenario: Zwolle Noord', date: '1 december 2026' })).toBe('Totaal, Basisscenario · Scenario: Zwolle Noord · 1 december 2026');
    expect(exportSubtitle({ theme: null, scenario: null, date: '1 december 2026' })).toBe('1 december 2026');
  });
});
