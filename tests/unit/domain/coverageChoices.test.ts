import { describe, expect, it } from 'vitest';
import { completenessFromChoices, initialCoverageChoices, withCoverageCodes, withCoverageKind } from '../../../src/domain/coverageChoices';

const holding = new Map([
  ['huisarts', ['GM0193']],
  ['supermarkt', ['GM0150', 'GM0193']],
] as const);

describe('coverage choices', () => {
  it('start at "only these locations" with the municipalities holding points prefilled', () => {
    expect(initialCoverageChoices(['huisarts', 'supermarkt'], holding)).toEqual({
      huisarts: { kind: 'locationsOnly', codes: ['GM0193'] },
      supermarkt: { kind: 'locationsOnly', codes: ['GM0150', 'GM0193'] },
    });
  });

  it('start from an earlier declaration when there is one', () => {
    const choices = initialCoverageChoices(['huisarts', 'supermarkt'], holding, { huisarts: { kind: 'province' }, supermarkt: { kind: 'municipalities', codes: ['GM0166'] } });
    expect(choices).toEqual({ huisarts: { kind: 'province', codes: ['GM0193'] }, supermarkt: { kind: 'municipalities', codes: ['GM0166'] } });
  });

  it('keep the ticked municipalities while switching kinds', () => {
    let choices = initialCoverageChoices(['supermarkt'], holding);
    choices = withCoverageKind(choices, 'supermarkt', 'province');
    choices = withCoverageKind(choices, 'supermarkt', 'municipalities');
    expect(choices.supermarkt).toEqual({ kind: 'municipalities', codes: ['GM0150', 'GM0193'] });
  });

  it('store only the complete declarations; "only these locations" is the absence of one', () => {
    let choices = initialCoverageChoices(['huisarts', 'supermarkt'], holding);
    choices = withCoverageKind(choices, 'supermarkt', 'municipalities');
    choices = withCoverageCodes(choices, 'supermarkt', ['GM0193', 'GM0166', 'GM0193']);
    expect(completenessFromChoices(choices)).toEqual({ completeness: { supermarkt: { kind: 'municipalities', codes: ['GM0166', 'GM0193'] } }, missing: [] });
  });

  it('report a category set to municipalities without any ticked', () => {
    const choices = withCoverageCodes(withCoverageKind(initialCoverageChoices(['huisarts'], holding), 'huisarts', 'municipalities'), 'huisarts', []);
    expect(completenessFromChoices(choices)).toEqual({ completeness: {}, missing: ['huisarts'] });
  });
});
