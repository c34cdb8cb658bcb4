// Both distances for one category, "hemelsbreed 430 m · over straat 610 m (11 min)", where a street
// network is loaded; and the note on how the location's verdicts are measured (over straat, or
// hemelsbreed as a labelled fallback).

import type { FacilityCategory } from '../domain/facility';
import type { LocationReachability } from '../analysis/reachability';
import type { Translate } from '../stores/language';
import type { WalkAreaState } from '../stores/walkDetour';
import { issueText } from './issueText';

type FormatNumber = (value: number) => string;

/** The pair text, or null when over straat says nothing here (no network, or outside its area). */
export function distancePairText(result: LocationReachability, category: FacilityCategory, t: Translate, formatNumber: FormatNumber, compact = false): string | null {
  const comparison = result.comparison;
  if (!comparison || comparison.overStreet === null) return null;
  const straightMeters = comparison.straightLine[category];
  const street = comparison.overStreet[category];
  // no facility of the kind loaded: nothing to compare
  if (straightMeters === null) return null;
  if (compact && street.kind === 'noRoute') return t('reachUi.pair', { straight: t('reachUi.distanceMeters', { meters: formatNumber(Math.round(straightMeters)) }), street: t('reachUi.noRoute.short') });
  const straight = straightMeters === null ? '–' : t('reachUi.distanceMeters', { meters: formatNumber(Math.round(straightMeters)) });
  const streetText =
    street.kind === 'route'
      ? t('reachUi.streetRoute', { meters: formatNumber(Math.round(street.distanceMeters)), minutes: formatNumber(Math.ceil(street.walkingMinutes)) })
      : street.kind === 'noRoute'
        ? street.reason === 'notConnected'
          ? t('reachUi.noRoute.notConnected')
          : t('reachUi.noRoute.farFromStreet', { meters: formatNumber(comparison.maxSnapMeters) })
        : '–';
  return t('reachUi.pair', { straight, street: streetText });
}

/** How the verdicts at this location are measured, when it is not plain hemelsbreed without a network. */
export function MethodNote({ result, t, formatNumber }: { result: LocationReachability; t: Translate; formatNumber: FormatNumber }) {
  const comparison = result.comparison;
  if (!comparison) return null;
  if (comparison.chosen === 'overStraat' && (comparison.network === 'outsideNetwork' || comparison.network === 'noNetwork')) {
    return (
      <p class="warning distance-fallback" data-testid="reach-method-fallback">
        {t(comparison.network === 'outsideNetwork' ? 'reachUi.fallback.outsideNetwork' : 'reachUi.fallback.noNetwork')}
      </p>
    );
  }
  if (comparison.network === 'farFromStreet') {
    return (
      <p class="warning" data-testid="reach-far-from-street">
        {t('reachUi.farFromStreet', { meters: formatNumber(comparison.maxSnapMeters) })}
      </p>
    );
  }
  if (comparison.network === 'ok' && comparison.snapMeters !== null && comparison.snapMeters >= 1) {
    return (
      <p class="note" data-testid="reach-snap">
        {t('reachUi.snap', { meters: formatNumber(Math.round(comparison.snapMeters)) })}
      </p>
    );
  }
  return null;
}

/** What the walking-time areas on the map show, or why there are none (while switched on). */
export function WalkAreaStatus({ state, t, formatNumber }: { state: WalkAreaState; t: Translate; formatNumber: FormatNumber }) {
  if (state.status === 'off') return null;
  const text =
    state.status === 'pending'
      ? t('walkArea.pending')
      : state.status === 'outside'
        ? t('walkArea.outside')
        : state.status === 'farFromStreet'
          ? t('walkArea.farFromStreet', { meters: formatNumber(state.maxSnapMeters) })
          : state.status === 'ready'
            ? t('walkArea.ready', { speed: formatNumber(Math.round(state.speedKmh * 10) / 10) })
            : state.issues.map((issue) => issueText(issue, t)).join(' ');
  return (
    <p class={state.status === 'ready' || state.status === 'pending' ? 'note' : 'warning'} data-testid="walk-area-status">
      {text}
    </p>
  );
}

/** One line per row of the key-project table when over straat could not be used there, or null. */
export function methodRowNote(result: LocationReachability, t: Translate, formatNumber: FormatNumber): string | null {
  const comparison = result.comparison;
  if (!comparison) return null;
  if (comparison.network === 'farFromStreet') return t('reachUi.table.farFromStreet', { meters: formatNumber(comparison.maxSnapMeters) });
  if (comparison.chosen === 'overStraat' && comparison.network === 'outsideNetwork') return t('reachUi.table.outsideNetwork');
  return null;
}
