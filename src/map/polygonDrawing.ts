// Drawing one polygon on the map with terra-draw and its MapLibre adapter, for every session started
// through stores/polygonDrawing.ts (see the usage there). New polygon: click the corners, then click
// the first corner again, press Enter or "Klaar". Editing (a given polygon, or one that was refused):
// drag its corners or the midpoints between them. Escape or "Annuleren" cancels; "Punt op het
// kaartmidden" adds a corner at the map's centre (with the arrow keys panning the map, the keyboard
// way to draw). One terra-draw instance lives per session and is stopped when the session ends.

import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Polygon } from 'geojson';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { $polygonDrawing, cancelPolygonDrawing, registerPolygonDrawingController, showPolygonDrawingRefusal, submitDrawnPolygon, type PolygonDrawingSession } from '../stores/polygonDrawing';
import { $translate } from '../stores/language';

/** The key terra-draw's polygon mode finishes on: none a user presses (Enter is handled here, once). */
const FINISH_KEY = 'woonzorgkaart-finish';
const COLOUR = '#1a1a1a';
const EDGE_COLOUR = '#d4006a';
/** Six decimals: about 0.1 m, like the sites' locations. */
const COORDINATE_PRECISION = 6;

type Ring = [number, number][];

function polygonOf(feature: GeoJSONStoreFeatures | undefined): Polygon | null {
  if (!feature || feature.geometry.type !== 'Polygon') return null;
  return { type: 'Polygon', coordinates: feature.geometry.coordinates.map((ring) => ring.map(([lon, lat]) => [lon!, lat!])) as Ring[] };
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(target.tagName));
}

export function addPolygonDrawing(map: MapLibreMap): () => void {
  const container = map.getContainer();
  let draw: TerraDraw | null = null;
  let polygonMode: TerraDrawPolygonMode | null = null;
  let sessionId: number | null = null;
  /** The id of the closed polygon being edited (given, or drawn and refused). */
  let editedId: string | number | null = null;

  const report = () => {
    const feature = editedId !== null ? draw?.getSnapshotFeature(editedId) : undefined;
    const polygon = polygonOf(feature);
    container.dataset['drawnPolygon'] = polygon ? JSON.stringify(polygon.coordinates) : '';
  };

  const stop = () => {
    if (draw) {
      draw.stop();
      draw = null;
    }
    polygonMode = null;
    editedId = null;
    sessionId = null;
    container.classList.remove('drawing-polygon');
    delete container.dataset['drawnPolygon'];
  };

  const editFeature = (id: string | number) => {
    if (!draw) return;
    editedId = id;
    draw.setMode('select');
    draw.selectFeature(id);
    report();
  };

  const submit = () => {
    const polygon = editedId !== null ? polygonOf(draw?.getSnapshotFeature(editedId)) : null;
    if (polygon) submitDrawnPolygon(polygon);
  };

  const start = (session: PolygonDrawingSession) => {
    stop();
    sessionId = session.id;
    polygonMode = new TerraDrawPolygonMode({
      keyEvents: { cancel: null, finish: FINISH_KEY },
      styles: { fillColor: EDGE_COLOUR, fillOpacity: 0.15, outlineColor: EDGE_COLOUR, outlineWidth: 3, closingPointColor: '#ffffff', closingPointOutlineColor: COLOUR, closingPointWidth: 7, closingPointOutlineWidth: 2 },
    });
    const selectMode = new TerraDrawSelectMode({
      keyEvents: null,
      flags: {
        polygon: { feature: { draggable: false, selfIntersectable: true, coordinates: { draggable: true, midpoints: true, deletable: true } } },
      },
      styles: {
        selectedPolygonColor: EDGE_COLOUR,
        selectedPolygonFillOpacity: 0.15,
        selectedPolygonOutlineColor: EDGE_COLOUR,
        selectedPolygonOutlineWidth: 3,
        selectionPointColor: '#ffffff',
        selectionPointOutlineColor: COLOUR,
        selectionPointWidth: 6,
        selectionPointOutlineWidth: 2,
        midPointColor: EDGE_COLOUR,
        midPointOutlineColor: '#ffffff',
      },
    });
    draw = new TerraDraw({ adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: COORDINATE_PRECISION }), modes: [polygonMode, selectMode] });
    draw.start();
    container.classList.add('drawing-polygon');
    draw.on('finish', (id, context) => {
      if (context.mode === 'polygon' && context.action === 'draw') {
        editFeature(id);
        submit();
      } else report();
    });
    draw.on('change', report);
    if (session.initial) {
      const [result] = draw.addFeatures([{ type: 'Feature', geometry: session.initial, properties: { mode: 'polygon' } }]);
      if (result?.valid && result.id !== undefined) editFeature(result.id);
    } else draw.setMode('polygon');
  };

  const finish = () => {
    if (!draw) return;
    if (editedId !== null) return submit();
    // still placing corners: terra-draw closes the polygon when it has three (then 'finish' fires)
    polygonMode?.onKeyUp({ key: FINISH_KEY, heldKeys: [], preventDefault: () => {} });
    if (editedId === null) showPolygonDrawingRefusal($translate.get()('polygonDrawing.tooFewCorners'));
  };

  registerPolygonDrawingController({
    finish,
    addCornerAtCentre() {
      if (!draw || !polygonMode || editedId !== null) return;
      const centre = map.getCenter();
      const { x, y } = map.project(centre);
      polygonMode.onClick({ lng: centre.lng, lat: centre.lat, containerX: x, containerY: y, button: 'left', heldKeys: [], isContextMenu: false });
    },
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (sessionId === null) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancelPolygonDrawing();
    } else if (event.key === 'Enter' && !isTyping(event.target)) {
      event.preventDefault();
      event.stopPropagation();
      finish();
    }
  };
  // capture: ahead of the map's own Enter (adding a site, choosing a location)
  document.addEventListener('keydown', onKeyDown, true);

  const unsubscribe = $polygonDrawing.subscribe((session) => {
    if (!session) stop();
    else if (session.id !== sessionId) start(session);
  });
  return () => {
    unsubscribe();
    document.removeEventListener('keydown', onKeyDown, true);
    registerPolygonDrawingController(null);
    stop();
  };
}
