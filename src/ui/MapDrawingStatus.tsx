// Says when the map shows only part of a large facility list, while the rest is still being handed
// to it (src/map/facilityLayers.ts), or while a very large list is still being merged and counted
// (src/stores/facilities.ts): the dots and cluster counts are then an even thinning of the
// list, not all of it. Empty (and invisible) once the map holds the whole list.

import { useStore } from '@nanostores/preact';
import { $mapDrawing } from '../stores/mapDrawing';
import { $facilityModelPending } from '../stores/facilities';
import { useFormatNumber, useTranslate } from './useTranslate';

export function MapDrawingStatus() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const drawing = useStore($mapDrawing);
  const processing = useStore($facilityModelPending);
  const lines = [
    processing && t('map.processingFacilities'),
    drawing.facilities && t('map.drawingFacilities', { drawn: formatNumber(drawing.facilities.drawn), total: formatNumber(drawing.facilities.total) }),
    drawing.preview && t('map.drawingPreview', { drawn: formatNumber(drawing.preview.drawn), total: formatNumber(drawing.preview.total) }),
  ].filter((line): line is string => Boolean(line));
  return (
    <p class="map-drawing-status" role="status" data-testid="map-drawing-status">
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </p>
  );
}
