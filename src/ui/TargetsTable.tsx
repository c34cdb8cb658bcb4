// Older people's housing target per housing type, basis and trend scenario, with a total row: the
// printed total where the source prints one, else the sum of the types (labelled as such).

import { HOUSING_TYPES, totalHomes, type HomesPerType } from '../domain/housing';
import { useFormatNumber, useTranslate } from './useTranslate';

export interface PrintedTotals {
  basis: number | null;
  trend: number | null;
}

export function TargetsTable({ caption, basis, trend, printedTotals }: { caption: string; basis: HomesPerType; trend: HomesPerType; printedTotals?: PrintedTotals }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const printed = printedTotals && printedTotals.basis !== null && printedTotals.trend !== null ? printedTotals : null;
  const totalLabel = printedTotals === undefined ? t('housing.total') : printed ? t('municipality.printedTotal') : t('area.sumNotPrinted');
  const mismatch = printed !== null && (printed.basis !== totalHomes(basis) || printed.trend !== totalHomes(trend));
  return (
    <>
      <table class="figures" data-testid="targets-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('municipality.housingTypeColumn')}</th>
            <th scope="col">{t('targetScenario.basis')}</th>
            <th scope="col">{t('targetScenario.trend')}</th>
          </tr>
        </thead>
        <tbody>
          {HOUSING_TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">{t(`housing.${type}`)}</th>
              <td data-scenario="basis" data-type={type}>{formatNumber(basis[type])}</td>
              <td data-scenario="trend" data-type={type}>{formatNumber(trend[type])}</td>
            </tr>
          ))}
          <tr class="total-row">
            <th scope="row">{totalLabel}</th>
            <td data-scenario="basis" data-type="total">{formatNumber(printed ? printed.basis! : totalHomes(basis))}</td>
            <td data-scenario="trend" data-type="total">{formatNumber(printed ? printed.trend! : totalHomes(trend))}</td>
          </tr>
        </tbody>
      </table>
      {mismatch && printed && (
        <p class="inconsistency" role="note">
          {t('inconsistency.rowsDoNotAddUp', { printed: `${formatNumber(printed.basis!)} / ${formatNumber(printed.trend!)}`, computed: `${formatNumber(totalHomes(basis))} / ${formatNumber(totalHomes(trend))}` })}
        </p>
      )}
    </>
  );
}
