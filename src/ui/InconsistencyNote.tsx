// Shows, next to a figure, where the source contradicts itself (printed value kept, computed value shown).

import { isMessageKey } from '../i18n/catalogue';
import type { SourceInconsistency } from '../domain/housing';
import { useFormatNumber, useTranslate } from './useTranslate';

export function InconsistencyNote({ inconsistencies }: { inconsistencies: SourceInconsistency[] | undefined }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  if (!inconsistencies || inconsistencies.length === 0) return null;
  return (
    <div class="inconsistency" role="note">
      <strong>
        <span aria-hidden="true">⚠ </span>
        {t('inconsistency.label')}
      </strong>
      <ul>
        {inconsistencies.map((inconsistency) => {
          const params = {
            printed: formatNumber(inconsistency.printed),
            computed: formatNumber(inconsistency.computed),
            alternative: inconsistency.alternative === undefined ? '' : formatNumber(inconsistency.alternative),
          };
          return <li key={inconsistency.id}>{isMessageKey(inconsistency.code) ? t(inconsistency.code, params) : inconsistency.code}</li>;
        })}
      </ul>
    </div>
  );
}
