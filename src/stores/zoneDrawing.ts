// Woonservicegebieden drawn by hand (marked "getekend"): drawing a new one, adjusting a drawn one's
// outline, deleting it. They live in the open draft as 'drawnZone' edits (undo/redo, saved, reloaded);
// the worker counts them with the computed zones (analysis/zoneAnalysis.ts). Drawing goes through
// the one polygon drawing session (stores/polygonDrawing.ts), as a site's outline does.

import { computed } from 'nanostores';
import type { DrawnZone } from '../domain/serviceZones';
import { drawnZoneIssue } from '../analysis/serviceZones';
import { roundCoordinate } from '../analysis/siteMove';
import { isMessageKey } from '../i18n/catalogue';
import { $translate } from './language';
import { cancelPolygonDrawing, startPolygonDrawing } from './polygonDrawing';
import { $activeScenarioId, $activeScenarioState, applyScenarioEdit, newSiteId } from './scenarios';

/** The open draft's drawn zones, in the order they were drawn (none without an open draft). */
export const $drawnZones = computed($activeScenarioState, (state): readonly DrawnZone[] => state?.drawnZones ?? []);

/** Drawing needs an open draft: that is where a drawn zone is kept. */
export const $canDrawZones = computed($activeScenarioState, (state) => state !== null);

/** The zone being drawn or adjusted ('new' for a new one), or null. */
let drawingFor: string | null = null;

/** A name not yet used: "Getekend gebied N" with the lowest free N from the number of drawn zones up. */
function freshName(): string {
  const t = $translate.get();
  const used = new Set($drawnZones.get().map((zone) => zone.name));
  for (let number = $drawnZones.get().length + 1; ; number++) {
    const name = t('zones.drawnName', { number });
    if (!used.has(name)) return name;
  }
}

/** The refusal in words, or null when the outline was saved as an edit. */
function save(zone: DrawnZone, before: DrawnZone | null): string | null {
  const issue = drawnZoneIssue(zone.outline, zone.name);
  if (issue) return isMessageKey(issue.code) ? $translate.get()(issue.code, issue.params) : issue.code;
  applyScenarioEdit({ kind: 'drawnZone', zoneId: zone.id, before, after: zone });
  drawingFor = null;
  return null;
}

function roundedOutline(coordinates: number[][][]): [number, number][][] {
  return coordinates.map((ring) => ring.map(([lon, lat]) => [roundCoordinate(lon!), roundCoordinate(lat!)] as [number, number]));
}

/** Starts drawing a new woonservicegebied on the map (click the corners); a crossing outline is refused with where it crosses. */
export function startZoneDrawing(): void {
  if (!$activeScenarioState.get()) return;
  const name = freshName();
  drawingFor = 'new';
  startPolygonDrawing({
    title: $translate.get()('zones.drawTitle', { name }),
    initial: null,
    onFinish: (polygon) => save({ id: newSiteId(), name, outline: roundedOutline(polygon.coordinates) }, null),
    onCancel: () => (drawingFor = null),
  });
}

/** Opens a drawn zone's outline for adjusting (drag its corners); saved as one edit. */
export function startZoneEditing(zoneId: string): void {
  const zone = $drawnZones.get().find((item) => item.id === zoneId);
  if (!zone) return;
  drawingFor = zoneId;
  startPolygonDrawing({
    title: $translate.get()('zones.editTitle', { name: zone.name }),
    initial: { type: 'Polygon', coordinates: zone.outline },
    onFinish: (polygon) => {
      const current = $drawnZones.get().find((item) => item.id === zoneId);
      if (!current) return null;
      const outline = roundedOutline(polygon.coordinates);
      if (JSON.stringify(outline) === JSON.stringify(current.outline)) {
        drawingFor = null;
        return null;
      }
      return save({ ...current, outline }, current);
    },
    onCancel: () => (drawingFor = null),
  });
}

/** Deletes a drawn zone from the open draft (one edit: undo brings it back). */
export function deleteDrawnZone(zoneId: string): void {
  const zone = $drawnZones.get().find((item) => item.id === zoneId);
  if (!zone) return;
  if (drawingFor === zoneId) cancelPolygonDrawing();
  applyScenarioEdit({ kind: 'drawnZone', zoneId, before: zone, after: null });
}

// A draft closed or switched while a zone was being drawn: the drawing ends.
$activeScenarioId.listen(() => {
  if (drawingFor !== null) cancelPolygonDrawing();
});
