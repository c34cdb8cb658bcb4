// The bar shown over the map while a polygon is drawn (stores/polygonDrawing.ts): what is drawn, how,
// why the last try was refused, and the keyboard-operable buttons (corner at the map centre, Done, Cancel).

import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import { $polygonDrawing, addPolygonCornerAtCentre, cancelPolygonDrawing, finishPolygonDrawing } from '../stores/polygonDrawing';
import { useTranslate } from './useTranslate';

export function PolygonDrawingBar() {
  const t = useTranslate();
  const session = useStore($polygonDrawing);
  const heading = useRef<HTMLHeadingElement>(null);
  const sessionId = session?.id;
  // a new session: its instructions are read first
  useEffect(() => {
    if (sessionId !== undefined) heading.current?.focus();
  }, [sessionId]);
  if (!session) return null;
  return (
    <section class="polygon-drawing-bar" role="region" aria-label={t('polygonDrawing.region')} data-testid="polygon-drawing-bar">
      <h2 ref={heading} tabIndex={-1}>
        {session.title}
      </h2>
      <p id="polygon-drawing-help">{t(session.phase === 'draw' ? 'polygonDrawing.instructionsDraw' : 'polygonDrawing.instructionsEdit')}</p>
      <div role="alert" data-testid="polygon-drawing-refusal">
        {session.refusal && (
          <p class="field-error">
            <span aria-hidden="true">⚠ </span>
            {session.refusal}
          </p>
        )}
      </div>
      <div class="button-row">
        {session.phase === 'draw' && (
          <button type="button" aria-describedby="polygon-drawing-help" onClick={addPolygonCornerAtCentre}>
            {t('polygonDrawing.addCorner')}
          </button>
        )}
        <button type="button" onClick={finishPolygonDrawing}>
          {t('polygonDrawing.finish')}
        </button>
        <button type="button" onClick={cancelPolygonDrawing}>
          {t('polygonDrawing.cancel')}
        </button>
      </div>
    </section>
  );
}
