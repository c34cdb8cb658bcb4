// The dasymetric method named in words with its sources, and what the spread had to do differently
// (areas without a built-up part, CBS-suppressed counts). One component for every panel that shows
// people from the spread (woonservicegebieden coverage, locatiezoeker).

import { DASYMETRIC_SOURCE_IDS, type DasymetricPopulation } from '../analysis/dasymetric';
import { SourceReference } from './SourceReference';
import { useTranslate } from './useTranslate';

export function DasymetricMethod({ population, cellSize }: { population: Pick<DasymetricPopulation, 'fallbacks' | 'suppressed'> | null; cellSize: number }) {
  const t = useTranslate();
  return (
    <div class="dasymetric-method">
      <p>{t('dasymetric.method', { cellSize: String(cellSize) })}</p>
      {population && population.fallbacks.length > 0 && (
        <p>{t('dasymetric.fallbacks', { count: String(population.fallbacks.length), postcodes: population.fallbacks.map((fallback) => fallback.postcode).join(', ') })}</p>
      )}
      {population && population.suppressed.length > 0 && (
        <p>{t('dasymetric.suppressed', { postcodes: population.suppressed.map((entry) => entry.postcode).join(', ') })}</p>
      )}
      <p>{t('dasymetric.rounding')}</p>
      <SourceReference ids={[...DASYMETRIC_SOURCE_IDS]} />
    </div>
  );
}
