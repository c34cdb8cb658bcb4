// "Afstand meten": hemelsbreed or over straat (where walking routes are loaded), and the walking-time
// areas of the analysis point.

import { useStore } from '@nanostores/preact';
import type { DistanceMethodId } from '../analysis/distanceMethod';
import { $distanceMethod, setDistanceMethod } from '../stores/norms';
import { $walkNetworks } from '../stores/walkNetworks';
import { $walkAreasVisible, setWalkAreasVisible } from '../stores/walkDetour';
import { useTranslate } from './useTranslate';

const METHODS: readonly DistanceMethodId[] = ['hemelsbreed', 'overStraat'];

export function DistanceMethodChoice() {
  const t = useTranslate();
  const method = useStore($distanceMethod);
  const networks = useStore($walkNetworks);
  const areasVisible = useStore($walkAreasVisible);
  return (
    <fieldset class="distance-method" data-testid="distance-method">
      <legend>{t('reach.distanceMethod.legend')}</legend>
      {METHODS.map((id) => (
        <label class="option" key={id}>
          <input type="radio" name="distance-method" value={id} checked={method === id} onChange={() => setDistanceMethod(id)} />
          {t(`reach.distanceMethod.${id}`)}
        </label>
      ))}
      <p class="note" data-testid="distance-method-note">
        {networks.length === 0
          ? t('reach.distanceMethod.noNetwork')
          : t('reach.distanceMethod.loaded', { areas: networks.map((entry) => entry.areaName).join(', ') })}
      </p>
      <label class="option">
        <input type="checkbox" checked={areasVisible} onChange={(event) => setWalkAreasVisible(event.currentTarget.checked)} data-testid="walk-areas-toggle" />
        {t('walkArea.toggle')}
      </label>
    </fieldset>
  );
}
