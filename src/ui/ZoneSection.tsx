// Sidebar section "Woonservicegebieden / zorgzame gemeenschappen": show the zones, edit the active
// definition (refused values are marked at their field), the zones per municipality, every key
// project and draft site inside / outside / no data with what is missing, and the GeoJSON export.

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { DataIssue } from '../domain/dataIssue';
import { NORM_SOURCES } from '../domain/norms';
import {
  MAX_ZONE_DISTANCE_METERS,
  MIN_ZONE_DISTANCE_METERS,
  validateZoneDistance,
  withRequirement,
  withZoneDistance,
  ZONE_CARE_CATEGORY,
  type ZoneAmenityCategory,
  type ZoneDefinition,
  type ZoneDistance,
} from '../domain/serviceZones';
import { zoneExportCollection } from '../analysis/zoneAnalysis';
import { $municipalitiesByCode, $appData } from '../stores/appData';
import { $facilityDatasets } from '../stores/facilities';
import { $activeZoneDefinition, $zoneDefinitions, $zoneNoDataCodes, $zoneResult, $zoneSiteRows, $zonesVisible, setZoneDefinitions, setZonesVisible } from '../stores/serviceZones';
import { issueText } from './issueText';
import { NumberField } from './NumberField';
import { useFormatNumber, useTranslate } from './useTranslate';
import { downloadFile } from './downloadFile';
import { $canDrawZones, $drawnZones, deleteDrawnZone, startZoneDrawing, startZoneEditing } from '../stores/zoneDrawing';
import { $polygonDrawing } from '../stores/polygonDrawing';
import { $language } from '../stores/language';
import { outlineAreaHectares } from '../analysis/polygonOutline';
import { formatHectares } from './scenarioEditText';

type Field = typeof ZONE_CARE_CATEGORY | ZoneAmenityCategory;

function sourceTitle(distance: ZoneDistance): string {
  return NORM_SOURCES.find((source) => source.id === distance.source)?.title ?? distance.source;
}

function replaceActive(definition: ZoneDefinition): void {
  const set = $zoneDefinitions.get();
  setZoneDefinitions({ ...set, definitions: set.definitions.map((item) => (item.id === definition.id ? definition : item)) });
}

function DistanceField({ field, distance, label }: { field: Field; distance: ZoneDistance; label: string }) {
  const t = useTranslate();
  const [issue, setIssue] = useState<DataIssue | null>(null);
  const commit = (value: string) => {
    const parsed = value.trim() === '' ? Number.NaN : Number(value.replace(',', '.'));
    const issues = validateZoneDistance(parsed, field);
    if (issues.length > 0) {
      setIssue(issues[0]!);
      return;
    }
    setIssue(null);
    replaceActive(withZoneDistance($activeZoneDefinition.get(), field, parsed));
  };
  return (
    <NumberField
      id={`zone-distance-${field}`}
      class="zone-field"
      label={label}
      value={distance.maxDistanceMeters}
      error={issue ? issueText(issue, t, { record: label }) : null}
      errorTestId="zone-field-error"
      hint={distance.isPolicyChoice ? t('zones.assumption') : `${t('zones.assumption')}; ${t('zones.defaultFrom', { source: sourceTitle(distance) })}`}
      onCommit={commit}
    />
  );
}

function DefinitionEditor() {
  const t = useTranslate();
  const definition = useStore($activeZoneDefinition);
  const set = useStore($zoneDefinitions);
  const copy = () => {
    const id = `definitie-${Date.now().toString(36)}`;
    setZoneDefinitions({ definitions: [...set.definitions, { ...definition, id, name: t('zones.copyName', { name: definition.name }) }], activeId: id });
  };
  return (
    <fieldset class="zone-definition" key={definition.id}>
      <legend>{t('zones.definitionChoice')}</legend>
      <select aria-label={t('zones.definitionChoice')} value={set.activeId} onChange={(event) => setZoneDefinitions({ ...set, activeId: event.currentTarget.value })}>
        {set.definitions.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={copy}>
        {t('zones.copyDefinition')}
      </button>
      <p class="note">{t('zones.range', { min: MIN_ZONE_DISTANCE_METERS, max: MAX_ZONE_DISTANCE_METERS })}</p>
      <DistanceField key={`${definition.id}-care`} field={ZONE_CARE_CATEGORY} distance={definition.care} label={t('zones.careDistance')} />
      {definition.requirements.map((requirement) => (
        <div key={`${definition.id}-${requirement.category}`} class="zone-requirement">
          <label>
            <input type="checkbox" checked={requirement.required} onChange={(event) => replaceActive(withRequirement($activeZoneDefinition.get(), requirement.category, event.currentTarget.checked))} />{' '}
            {t('zones.required', { category: t(`category.${requirement.category}`) })}
          </label>
          {requirement.required && <DistanceField field={requirement.category} distance={requirement} label={t('zones.distanceLabel', { category: t(`category.${requirement.category}`) })} />}
        </div>
      ))}
    </fieldset>
  );
}

/** Drawing a woonservicegebied by hand, and the drawn ones of the open draft with adjust and delete. */
function DrawnZones() {
  const t = useTranslate();
  const zones = useStore($drawnZones);
  const canDraw = useStore($canDrawZones);
  const drawing = useStore($polygonDrawing);
  const language = useStore($language);
  return (
    <section class="zone-drawn" aria-labelledby="zone-drawn-title" data-testid="zone-drawn">
      <h3 id="zone-drawn-title">{t('zones.drawnTitle')}</h3>
      <p class="note">{canDraw ? t('zones.drawnIntro') : t('zones.drawnNeedsScenario')}</p>
      {canDraw && (
        <>
          {zones.length === 0 ? (
            <p class="note">{t('zones.drawnNone')}</p>
          ) : (
            <ul class="zone-drawn-list" data-testid="zone-drawn-list">
              {zones.map((zone) => (
                <li key={zone.id}>
                  <span>{t('zones.drawnItem', { name: zone.name, area: formatHectares(outlineAreaHectares(zone.outline), language) })}</span>{' '}
                  <button type="button" aria-label={t('zones.editDrawnLabel', { name: zone.name })} disabled={drawing !== null} onClick={() => startZoneEditing(zone.id)}>
                    {t('zones.editDrawn')}
                  </button>{' '}
                  <button type="button" aria-label={t('zones.deleteDrawnLabel', { name: zone.name })} onClick={() => deleteDrawnZone(zone.id)}>
                    {t('zones.deleteDrawn')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" disabled={drawing !== null} onClick={startZoneDrawing}>
            {t('zones.drawButton')}
          </button>
        </>
      )}
    </section>
  );
}

/** A zone's name as the panel shows it: the planner's name of a drawn zone, else "Woonservicegebied N". */
function zoneName(zone: { id: string; name: string | null }, t: ReturnType<typeof useTranslate>): string {
  return zone.name ?? t('zones.computedName', { number: zone.id.replace(/^zone-/, '') });
}

function download(name: string, text: string): void {
  downloadFile(new Blob([text], { type: 'application/geo+json' }), name);
}

function Results() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const result = useStore($zoneResult);
  const rows = useStore($zoneSiteRows);
  const noData = useStore($zoneNoDataCodes);
  const definition = useStore($activeZoneDefinition);
  const municipalities = useStore($municipalitiesByCode);
  const data = useStore($appData);
  if (result.status === 'off') return null;
  if (result.status === 'failed') {
    return (
      <p class="field-error" role="alert">
        {t('zones.failed')} {result.issues.map((issue) => issueText(issue, t)).join('; ')}
      </p>
    );
  }
  const analysis = result.status === 'ready' ? result.analysis : result.previous;
  const km2 = (squareMeters: number) => formatNumber(Math.round(squareMeters / 10_000) / 100);
  const drawnCount = analysis ? analysis.zoneSet.zones.filter((zone) => zone.properties.origin === 'getekend').length : 0;
  return (
    <div class="zone-results" aria-busy={result.status === 'pending' ? 'true' : undefined}>
      <p role="status" data-testid="zone-status">
        {result.status === 'pending' && t('zones.computing')}
        {result.status === 'ready' && analysis?.zoneSet.status === 'noCareLocations' && t('zones.noCareLocations')}
        {result.status === 'ready' && analysis?.zoneSet.status === 'noCareLocations' && drawnCount > 0 && ` ${t('zones.drawnOnly', { count: formatNumber(drawnCount) })}`}
        {result.status === 'ready' &&
          analysis?.zoneSet.status === 'ok' &&
          t('zones.summary', {
            count: formatNumber(analysis.zoneSet.zones.length),
            area: km2(analysis.zoneSet.zones.reduce((sum, zone) => sum + zone.properties.areaSquareMeters, 0)),
            name: definition.name,
          })}
        {result.status === 'ready' && analysis?.zoneSet.status === 'ok' && drawnCount > 0 && ` ${t('zones.summaryDrawn', { count: formatNumber(drawnCount) })}`}
      </p>
      {analysis && analysis.zoneSet.status === 'ok' && analysis.zoneSet.emptyCategories.length > 0 && (
        <p class="note">{t('zones.emptyCategories', { categories: analysis.zoneSet.emptyCategories.map((category) => t(`category.${category}`)).join(', ') })}</p>
      )}
      {noData.length > 0 && <p class="note" data-testid="zone-no-data">{t('zones.noDataMunicipalities', { count: noData.length, total: data.municipalities?.length ?? noData.length })}</p>}
      <p class="note">{t('zones.method', { tolerance: formatNumber(analysis?.zoneSet.toleranceMeters ?? 0.5) })}</p>
      {analysis && analysis.perMunicipality.length > 0 && (
        <table class="zone-table" data-testid="zone-municipality-table">
          <caption>{t('zones.perMunicipalityTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('zones.columnMunicipality')}</th>
              <th scope="col">{t('zones.columnCount')}</th>
              <th scope="col">{t('zones.columnArea')}</th>
            </tr>
          </thead>
          <tbody>
            {analysis.perMunicipality.map((item) => (
              <tr key={item.municipalityCode}>
                <th scope="row">{municipalities.get(item.municipalityCode)?.name ?? item.municipalityCode}</th>
                <td>{formatNumber(item.zoneCount)}</td>
                <td>{km2(item.areaSquareMeters)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > 0 && (
        <details class="zone-sites">
          <summary>{t('zones.sitesTitle')}</summary>
          <ul data-testid="zone-site-list">
            {rows.map((row) => (
              <li key={row.id} data-answer={row.answer}>
                <strong>{row.name}</strong>: {row.answer === 'inside' ? '✓ ' : row.answer === 'noData' ? '? ' : '✗ '}
                {row.answer === 'inside' && row.zone
                  ? t('zones.insideZone', { zone: zoneName(row.zone, t), origin: t(`zones.origin.${row.zone.origin}`) })
                  : t(`zones.${row.answer}`)}
                {row.answer !== 'inside' &&
                  row.missing.map((element) => (
                    <span key={element.category} class="zone-missing">
                      {'; '}
                      {element.nearestMeters === null
                        ? t('zones.missingNothingLoaded', { category: t(`category.${element.category}`) })
                        : t('zones.missing', { category: t(`category.${element.category}`), distance: formatNumber(Math.round(element.nearestMeters)), max: formatNumber(element.maxDistanceMeters) })}
                    </span>
                  ))}
              </li>
            ))}
          </ul>
        </details>
      )}
      {analysis && (analysis.zoneSet.status === 'ok' || drawnCount > 0) && (
        <button
          type="button"
          onClick={() => {
            const now = new Date().toISOString();
            download(`woonservicegebieden-${now.slice(0, 10)}.geojson`, JSON.stringify(zoneExportCollection(analysis, definition, $facilityDatasets.get(), now)));
          }}
        >
          {t('zones.export')}
        </button>
      )}
    </div>
  );
}

export function ZoneSection() {
  const t = useTranslate();
  const visible = useStore($zonesVisible);
  return (
    <section class="zone-section" aria-labelledby="zone-section-title">
      <h2 id="zone-section-title">{t('zones.sectionTitle')}</h2>
      <p class="note">{t('zones.intro')}</p>
      <label>
        <input type="checkbox" checked={visible} onChange={(event) => setZonesVisible(event.currentTarget.checked)} /> {t('zones.show')}
      </label>
      {visible && <DefinitionEditor />}
      {visible && <DrawnZones />}
      {visible && <Results />}
    </section>
  );
}
