// A reachability verdict as icon AND text (✓ voldaan / ✗ niet voldaan / ? geen gegevens), never colour alone.

import type { Verdict } from '../analysis/reachability';
import { useTranslate } from './useTranslate';

const ICONS: Record<Verdict, string> = { met: '✓', notMet: '✗', noData: '?' };

export function VerdictText({ verdict }: { verdict: Verdict }) {
  const t = useTranslate();
  return (
    <span class={`verdict verdict-${verdict}`} data-verdict={verdict}>
      <span class="verdict-icon" aria-hidden="true">
        {ICONS[verdict]}
      </span>{' '}
      {t(`reachUi.verdict.${verdict}`)}
    </span>
  );
}
