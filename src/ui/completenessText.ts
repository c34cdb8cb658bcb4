// Words for how complete a facility count is (see src/analysis/categoryCompleteness.ts), shared by the
// layer panel, the municipality panel and the reachability section so they say the same thing.

import type { CountCompleteness } from '../analysis/categoryCompleteness';
import type { Translate } from '../stores/language';

/**
 * The count with its completeness, e.g. "36 treinstations; bus- en tramhaltes ontbreken".
 * For a complete count: the bare number inside a municipality, "volledig voor …" for the province.
 */
export function completenessText(
  completeness: CountCompleteness,
  t: Translate,
  formatNumber: (value: number) => string,
  municipalityName: (code: string) => string,
  scope: 'province' | 'municipality',
): string {
  switch (completeness.kind) {
    case 'complete':
      return scope === 'municipality' ? formatNumber(completeness.count) : t('completeness.completeProvince');
    case 'completeIn':
      return t('completeness.completeIn', { areas: completeness.municipalityCodes.map(municipalityName).join(', ') });
    case 'trainStationsOnly':
      return completeness.count === 1 ? t('completeness.trainStationsOnlyOne') : t('completeness.trainStationsOnly', { count: formatNumber(completeness.count) });
    case 'knownOnly':
      return t('completeness.knownOnly', { count: formatNumber(completeness.count) });
    case 'none':
      return t('facilities.noDataShort');
  }
}
