// Legend over the map: thematic classes (with the no-data hatch), key-project symbols and sources.

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { $thematicLayer, $thematicMuted } from '../stores/thematicLayer';
import { KEY_PROJECT_ICON_SIZE, KEY_PROJECT_REFERENCE_HOMES, keyProjectSymbolScale } from '../domain/keyProjectSymbols';
import { NO_DATA_COLOUR } from '../analysis/classBreaks';
import { $showKeyProjects } from '../stores/mapLayers';
import { $facilityCountsByCategory, $facilityDatasets, $hiddenCategories, $partialCoverage } from '../stores/facilities';
import { $municipalitiesByCode } from '../stores/appData';
import { FACILITY_CATEGORIES } from '../domain/facility';
import { FacilitySymbolBadge } from './FacilityLayersPanel';
import { ReachabilityGridLegend, ReachabilityLabelLegend } from './ReachabilityGrid';
import { SourceReference } from './SourceReference';
import { SymbolShape } from './KeyProjectSymbol';
import { useFormatNumber, useTranslate } from './useTranslate';
import { thematicLegendTitle } from '../stores/legendContent';
import { $zoneNoDataCodes, $zonesVisible } from '../stores/serviceZones';
import { $presenting } from '../stores/presentation';
import { ZONE_STYLE } from '../domain/serviceZones';
import { $drawnZones } from '../stores/zoneDrawing';
import { $siteFinderAnswer } from '../stores/siteFinder';
import { SITE_FINDER_AREA, SITE_FINDER_LIST_POINT, SITE_FINDER_MARKER } from '../domain/siteFinderStyle';
import { $candidateList, $candidateSourceKind, $searchArea } from '../stores/siteFinderCandidates';

function HatchSwatch() {
  return (
    <svg width="22" height="16" aria-hidden="true" class="swatch">
      <rect width="22" height="16" fill={NO_DATA_COLOUR} stroke="#555" />
      <path d="M-2,18 L8,-2 M4,18 L14,-2 M10,18 L20,-2 M16,18 L26,-2" stroke="#7f7f7f" stroke-width="1" />
    </svg>
  );
}

/** Locatiezoeker: the numbered disc of a found site (the number is its rank, so not colour alone), the dashed search area and the open circles of the own list while in force. */
function SiteFinderLegend() {
  const t = useTranslate();
  const answer = useStore($siteFinderAnswer);
  const kind = useStore($candidateSourceKind);
  const area = useStore($searchArea);
  const list = useStore($candidateList);
  const sites = answer !== null && answer.sites.length > 0;
  const showArea = kind === 'searchArea' && area !== null;
  const showList = kind === 'list' && list !== null && list.candidates.length > 0;
  if (!sites && !showArea && !showList) return null;
  const { colour, ringColour, numberColour } = SITE_FINDER_MARKER;
  return (
    <div class="legend-block" data-testid="site-finder-legend">
      <h3>{t('siteFinder.title')}</h3>
      <ul class="legend-classes">
        {showArea && (
          <li>
            <svg width="22" height="16" aria-hidden="true" class="swatch">
              <rect x="1.5" y="1.5" width="19" height="13" fill={SITE_FINDER_AREA.fillColour} fill-opacity={SITE_FINDER_AREA.fillOpacity} stroke={SITE_FINDER_AREA.outlineColour} stroke-width="2.5" stroke-dasharray="5 3.75" />
            </svg>{' '}
            {t('siteFinder.legendArea')}
          </li>
        )}
        {showList && (
          <li>
            <svg width="22" height="22" aria-hidden="true" class="swatch-line">
              <circle cx="11" cy="11" r={SITE_FINDER_LIST_POINT.radius} fill={SITE_FINDER_LIST_POINT.fillColour} stroke={SITE_FINDER_LIST_POINT.ringColour} stroke-width={SITE_FINDER_LIST_POINT.ringWidth} />
            </svg>{' '}
            {t('siteFinder.legendListPoint')}
          </li>
        )}
        {sites && (
          <li>
            <svg width="22" height="22" aria-hidden="true" class="swatch-line">
              <circle cx="11" cy="11" r="9" fill={colour} stroke={ringColour} stroke-width="2" />
              <text x="11" y="11" text-anchor="middle" dominant-baseline="central" font-size="11" fill={numberColour}>
                1
              </text>
            </svg>{' '}
            {t('siteFinder.legendSite')}
          </li>
        )}
      </ul>
    </div>
  );
}

/** Woonservicegebieden: the outlined zone, a drawn zone's dashed outline and the hatched "geen gegevens" (not colour alone: outline, dashes and hatch). */
function ZoneLegend() {
  const t = useTranslate();
  const visible = useStore($zonesVisible);
  const noData = useStore($zoneNoDataCodes);
  const drawn = useStore($drawnZones);
  if (!visible) return null;
  return (
    <div class="legend-block" data-testid="zone-legend">
      <h3>{t('zones.legendTitle')}</h3>
      <ul class="legend-classes">
        <li>
          <svg width="22" height="16" aria-hidden="true" class="swatch">
            <rect x="1" y="1" width="20" height="14" fill={ZONE_STYLE.fillColour} fill-opacity={ZONE_STYLE.fillOpacity} stroke={ZONE_STYLE.outlineColour} stroke-width="2.5" />
          </svg>{' '}
          {t('zones.legendZone')}
        </li>
        {drawn.length > 0 && (
          <li data-testid="zone-legend-drawn">
            <svg width="22" height="16" aria-hidden="true" class="swatch">
              <rect x="1.5" y="1.5" width="19" height="13" fill={ZONE_STYLE.fillColour} fill-opacity={ZONE_STYLE.fillOpacity} stroke={ZONE_STYLE.drawnOutlineColour} stroke-width="3" stroke-dasharray="6 3.6" />
            </svg>{' '}
            {t('zones.legendDrawn')}
          </li>
        )}
        {noData.length > 0 && (
          <li>
            <HatchSwatch /> {t('zones.legendNoData')}
          </li>
        )}
      </ul>
    </div>
  );
}

/** Small screens start with the legend folded away, so the map stays visible. */
export const LEGEND_COLLAPSED_MEDIA = '(max-width: 700px), (max-height: 500px)';

function startsOpen(): boolean {
  return !(globalThis.matchMedia?.(LEGEND_COLLAPSED_MEDIA).matches ?? false);
}

/** Key-project symbols at reference sizes, drawn at the size the map draws them. */
function SizeReference() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  return (
    <div class="legend-sizes" data-testid="legend-sizes">
      <p class="legend-note">{t('legend.sizeTitle')}</p>
      <ul class="legend-size-list">
        {KEY_PROJECT_REFERENCE_HOMES.map((homes) => {
          // The map's circle is (icon size − 6) px across at scale 1; SymbolShape's circle spans 18 of its 24 units.
          const size = Math.round(((KEY_PROJECT_ICON_SIZE - 6) * keyProjectSymbolScale(homes) * 24) / 18);
          return (
            <li key={homes}>
              <SymbolShape kind="bestaand" size={size} />
              {t('legend.sizeHomes', { homes: formatNumber(homes) })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function Legend() {
  const t = useTranslate();
  const [chosenOpen, setOpen] = useState(startsOpen);
  // Presenting, the legend is always shown (issue 10.5).
  const presenting = useStore($presenting);
  const open = chosenOpen || presenting;
  const muted = useStore($thematicMuted);
  const formatNumber = useFormatNumber();
  const { legend } = useStore($thematicLayer);
  const showKeyProjects = useStore($showKeyProjects);
  const breaks = legend.breaks;
  const facilityCounts = useStore($facilityCountsByCategory);
  const hiddenCategories = useStore($hiddenCategories);
  const visibleDatasets = useStore($facilityDatasets).filter((dataset) => !dataset.hidden);
  const shownCategories = FACILITY_CATEGORIES.filter((category) => facilityCounts[category] > 0 && !hiddenCategories.has(category));
  const hasTrainStations = shownCategories.includes('ovHalte');
  const partialCoverage = useStore($partialCoverage);
  const municipalitiesByCode = useStore($municipalitiesByCode);
  return (
    <section class={open ? 'legend' : 'legend collapsed'} aria-labelledby="legend-title" data-testid="legend" data-map-overlay>
      <div class="legend-header">
        <h2 id="legend-title">{t('legend.title')}</h2>
        {!presenting && (
          <button type="button" class="legend-toggle" aria-expanded={open} aria-controls="legend-body" onClick={() => setOpen(!open)}>
            {open ? t('legend.hide') : t('legend.show')}
          </button>
        )}
      </div>
      <div id="legend-body" class="legend-body" hidden={!open}>
      <ReachabilityGridLegend />
      <ReachabilityLabelLegend />
      <ZoneLegend />
      <SiteFinderLegend />
      {legend.settings.layer !== 'none' && (
        <div class="legend-block">
          <h3>{thematicLegendTitle(legend, t)}</h3>
          {muted && (
            <p class="legend-muted" data-testid="legend-thematic-muted">
              {t('legend.thematicMuted')}
            </p>
          )}
          <ul class={muted ? 'legend-classes muted' : 'legend-classes'}>
            {breaks?.upperBounds.map((upper, index) => {
              const lower = index === 0 ? breaks.minimum : breaks.upperBounds[index - 1]!;
              return (
                <li key={index}>
                  <span class="swatch" style={{ background: breaks.colours[index] }} aria-hidden="true" />
                  {t('legend.range', { from: formatNumber(lower), to: formatNumber(upper) })}
                </li>
              );
            })}
            {legend.noDataCount > 0 && (
              <li>
                <HatchSwatch />
                {legend.settings.layer === 'targets'
                  ? t('legend.noDataTwente', { count: legend.noDataCount })
                  : t('legend.noData', { count: legend.noDataCount })}
              </li>
            )}
          </ul>
          <p class="legend-note">{t('legend.classesNote')}</p>
          <SourceReference ids={legend.sourceIds} />
        </div>
      )}
      {showKeyProjects && (
        <div class="legend-block">
          <h3>{t('legend.keyProjects')}</h3>
          <ul class="legend-classes">
            <li>
              <SymbolShape kind="bestaand" /> {t('legend.existing')}
            </li>
            <li>
              <SymbolShape kind="nieuw" /> {t('legend.new')}
            </li>
            <li>
              <SymbolShape kind="outlookOnly" /> {t('legend.outlookOnly')}
            </li>
          </ul>
          <SizeReference />
          <p class="legend-note">{t('legend.approximate')}</p>
        </div>
      )}
      {shownCategories.length > 0 && (
        <div class="legend-block" data-testid="facility-legend">
          <h3>{t('facilities.title')}</h3>
          <ul class="legend-classes">
            {shownCategories.map((category) => (
              <li key={category}>
                <FacilitySymbolBadge symbolKey={category} /> {t(`category.${category}`)}
              </li>
            ))}
            {hasTrainStations && (
              <li>
                <FacilitySymbolBadge symbolKey="trainStation" /> {t('category.trainStation')}
              </li>
            )}
          </ul>
          <p class="legend-note">{t('legend.clusters')}</p>
          {partialCoverage.codes.length > 0 && (
            <p class="legend-coverage" data-testid="legend-coverage">
              <svg width="22" height="16" aria-hidden="true" class="swatch-line">
                <line x1="1" y1="8" x2="21" y2="8" stroke="#b35806" stroke-width="4" stroke-dasharray="6 4" />
              </svg>
              {t('legend.coverage', {
                areas: partialCoverage.codes.map((code) => municipalitiesByCode.get(code)?.name ?? code).join(', '),
                categories: partialCoverage.categories.map((category) => t(`reachUi.short.${category}`)).join(', '),
              })}
            </p>
          )}
          <ul class="legend-attribution">
            {visibleDatasets.map((dataset) => (
              <li key={dataset.id}>
                {dataset.kind === 'osm' ? t('osm.attribution') : dataset.source}
              </li>
            ))}
          </ul>
        </div>
      )}
      </div>
    </section>
  );
}
