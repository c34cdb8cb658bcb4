// The suitability map ("Geschiktheidskaart"): its controls in the layer panel and its legend block,
// with the figures of a clicked cell. Classes carry their number or band as text, not colour alone.

import { useStore } from '@nanostores/preact';
import { FACILITY_CATEGORIES, type FacilityCategory } from '../domain/facility';
import { HOUSING_TYPES, type HousingType } from '../domain/housing';
import { issueText } from './issueText';
import {
  $gridIncompleteCells,
  $gridIncompleteCodes,
  $gridLayer,
  $gridResult,
  $gridSettings,
  $selectedCellIncomplete,
  $selectedGridCell,
  clearSelectedGridCell,
  setGridSettings,
} from '../stores/suitabilityGrid';
import { $distanceMethod, $reachHousingType } from '../stores/norms';
import { $walkNetworks } from '../stores/walkNetworks';
import { $showProjectReachLabels } from '../stores/projectTable';
import { GRID_CELL_SIZES_METERS, gridCellMethod, gridMethodNote, NO_GRID_CLASS, type GridMode } from '../analysis/suitabilityGrid';
import { useFormatNumber, useTranslate } from './useTranslate';

const GRID_MODES: GridMode[] = ['off', 'housingType', 'category'];
const GRID_CATEGORIES = FACILITY_CATEGORIES.filter((category) => category !== 'overig');

export function ReachabilityGridControls() {
  const t = useTranslate();
  const settings = useStore($gridSettings);
  return (
    <fieldset class="reach-grid-controls">
      <legend>{t('reachUi.grid.title')}</legend>
      {GRID_MODES.map((mode) => (
        <label class="option" key={mode}>
          <input type="radio" name="reach-grid-mode" value={mode} checked={settings.mode === mode} onChange={() => setGridSettings({ mode })} />
          {t(`reachUi.grid.mode.${mode}`)}
        </label>
      ))}
      {settings.mode === 'housingType' && (
        <div class="theme-options">
          <label for="reach-grid-housing-type">{t('reachUi.grid.housingType')}</label>
          <select id="reach-grid-housing-type" value={settings.housingType} onChange={(event) => setGridSettings({ housingType: event.currentTarget.value as HousingType })}>
            {HOUSING_TYPES.map((type) => (
              <option value={type} key={type}>
                {t(`housing.${type}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {settings.mode === 'category' && (
        <div class="theme-options">
          <label for="reach-grid-category">{t('reachUi.grid.category')}</label>
          <select id="reach-grid-category" value={settings.category} onChange={(event) => setGridSettings({ category: event.currentTarget.value as FacilityCategory })}>
            {GRID_CATEGORIES.map((category) => (
              <option value={category} key={category}>
                {t(`category.${category}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {settings.mode !== 'off' && (
        <div class="theme-options">
          <label for="reach-grid-cell-size">{t('reachUi.grid.cellSize')}</label>
          <select
            id="reach-grid-cell-size"
            value={String(settings.cellSizeMeters)}
            onChange={(event) => setGridSettings({ cellSizeMeters: Number(event.currentTarget.value) as (typeof GRID_CELL_SIZES_METERS)[number] })}
          >
            {GRID_CELL_SIZES_METERS.map((meters) => (
              <option value={String(meters)} key={meters}>
                {t('reachUi.grid.cellSizeOption', { meters })}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}

/** The figures of the clicked grid cell as one sentence, or null when no cell is chosen. */
function useGridCellText(): string | null {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const layer = useStore($gridLayer);
  const selected = useStore($selectedGridCell);
  const cellIncomplete = useStore($selectedCellIncomplete);
  if (!layer || !selected) return null;
  const categoryName = (category: FacilityCategory) => t(`category.${category}`);
  const incompleteText = cellIncomplete.length > 0 ? ` (${t('reachUi.grid.cellIncomplete', { categories: cellIncomplete.map(categoryName).join(', ') })})` : '';
  const klass = layer.classIndex[selected.position]!;
  const value = layer.score.values[selected.position]!;
  if (!layer.hasData) return t('reachUi.verdict.noData');
  const method = gridCellMethod(layer.score, selected.position);
  if (method === 'farFromStreet') return t('reachUi.grid.cellFarFromStreet', { meters: layer.score.street!.maxSnapMeters });
  if (method === 'notConnected' && layer.score.target.kind === 'distance') return t('reachUi.grid.cellNotConnected', { category: categoryName(layer.score.target.category) });
  if (layer.score.target.kind === 'normsMet') {
    const housingType = t(`housing.${layer.score.target.housingType}`);
    return t('reachUi.grid.cellNormsMet', { met: value, required: layer.score.requiredCount, housingType, method: t(`reachUi.grid.cellMethod.${method === 'notConnected' ? 'overStraat' : method}`) }) + incompleteText;
  }
  const distance = { meters: formatNumber(Math.round(value)), category: categoryName(layer.score.target.category) };
  if (klass === NO_GRID_CLASS) return t('reachUi.verdict.noData');
  const incomplete = cellIncomplete.length > 0;
  if (method === 'overStraat') return t(incomplete ? 'reachUi.grid.cellDistanceStreetIncomplete' : 'reachUi.grid.cellDistanceStreet', distance);
  if (method === 'outsideNetwork') return t(incomplete ? 'reachUi.grid.cellDistanceOutsideNetworkIncomplete' : 'reachUi.grid.cellDistanceOutsideNetwork', distance);
  return t(incomplete ? 'reachUi.grid.cellDistanceIncomplete' : 'reachUi.grid.cellDistance', distance);
}

/** How the selected cell was measured (for tests and assistive tech: the text says it too). */
function useGridCellMethod(): string | null {
  const layer = useStore($gridLayer);
  const selected = useStore($selectedGridCell);
  return layer && selected ? gridCellMethod(layer.score, selected.position) : null;
}

/** The clicked cell's figures in a card on the map, where the planner clicked (closable; Escape closes it too). */
export function GridCellCard() {
  const t = useTranslate();
  const settings = useStore($gridSettings);
  const cellText = useGridCellText();
  const cellMethod = useGridCellMethod();
  if (settings.mode === 'off' || cellText === null) return null;
  return (
    <section
      class="grid-cell-card"
      aria-labelledby="grid-cell-card-title"
      data-testid="grid-cell-card"
      data-cell-method={cellMethod ?? undefined}
      onKeyDown={(event) => event.key === 'Escape' && clearSelectedGridCell()}
    >
      <div class="legend-header">
        <h2 id="grid-cell-card-title">
          {t('reachUi.grid.cellTitle')} ({t('reachUi.grid.cellSizeOption', { meters: settings.cellSizeMeters })})
        </h2>
        <button type="button" class="legend-toggle" onClick={clearSelectedGridCell}>
          {t('reachUi.grid.cellClose')}
        </button>
      </div>
      <p role="status">{cellText}</p>
    </section>
  );
}

export function ReachabilityGridLegend() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const settings = useStore($gridSettings);
  const result = useStore($gridResult);
  const layer = useStore($gridLayer);
  const incompleteCodes = useStore($gridIncompleteCodes);
  const incompleteCells = useStore($gridIncompleteCells);
  const anyHatched = incompleteCodes !== null || (incompleteCells?.includes(1) ?? false);
  const cellText = useGridCellText();
  const chosenMethod = useStore($distanceMethod);
  const walkNetworks = useStore($walkNetworks);
  if (settings.mode === 'off') return null;
  const categoryName = (category: FacilityCategory) => t(`category.${category}`);
  const note = layer ? gridMethodNote(layer.score, chosenMethod, walkNetworks.length > 0) : null;
  const title =
    settings.mode === 'housingType'
      ? t('reachUi.grid.legendNormsMet', { housingType: t(`housing.${settings.housingType}`), size: settings.cellSizeMeters })
      : t(note?.kind === 'street' ? 'reachUi.grid.legendDistanceStreet' : 'reachUi.grid.legendDistance', { category: categoryName(settings.category), size: settings.cellSizeMeters });
  const noData = layer?.score.noDataCategories ?? [];
  const areaName = (areaKey: string) => walkNetworks.find((entry) => entry.areaKey === areaKey)?.areaName ?? areaKey;
  return (
    <div class="legend-block" data-testid="reach-grid-legend" data-method={layer?.score.method}>
      <h3>{title}</h3>
      {note?.kind === 'street' ? (
        <>
          <p class="legend-note" data-testid="reach-grid-method">
            {t(note.elsewhereStraight ? 'reachUi.grid.methodStreet' : 'reachUi.grid.methodStreetOnly', { areas: note.areaKeys.map(areaName).join(', ') })}
          </p>
          {note.farFromStreetCells > 0 && (
            <p class="legend-note">{t('reachUi.grid.farFromStreet', { count: formatNumber(note.farFromStreetCells), meters: note.maxSnapMeters })}</p>
          )}
          {note.notConnectedCells > 0 && settings.mode === 'category' && (
            <p class="legend-note">{t('reachUi.grid.notConnected', { count: formatNumber(note.notConnectedCells), category: categoryName(settings.category) })}</p>
          )}
        </>
      ) : (
        <p class="legend-note" data-testid="reach-grid-method">
          {t(note?.kind === 'noNetwork' ? 'reachUi.grid.methodNoNetwork' : 'reach.method.hemelsbreed')}
        </p>
      )}
      <div role="status" aria-live="polite">
        {result.status === 'pending' && <p class="legend-note">{t('reachUi.grid.pending')}</p>}
        {result.status === 'failed' && (
          <p class="warning">{result.issues.map((issue) => issueText(issue, t)).join(' ')}</p>
        )}
      </div>
      {layer && !layer.hasData ? (
        <p class="warning" data-testid="reach-grid-no-data">
          {layer.score.target.kind === 'distance'
            ? t('reachUi.grid.noDataDistance', { category: categoryName(layer.score.target.category) })
            : t('reachUi.grid.noDataAll', { categories: noData.map(categoryName).join(', ') })}
        </p>
      ) : (
        layer && (
          <ul class="legend-classes">
            {layer.classes.map((klass, index) => (
              <li key={index}>
                <span class="swatch" style={{ background: klass.colour }} aria-hidden="true" />
                {klass.kind === 'normsMet'
                  ? t('reachUi.grid.classNormsMet', { met: klass.metCount, required: klass.requiredCount })
                  : klass.toMeters === null
                    ? t('reachUi.grid.classBandLast', { from: formatNumber(klass.fromMeters) })
                    : t('reachUi.grid.classBand', { from: formatNumber(klass.fromMeters), to: formatNumber(klass.toMeters) })}
              </li>
            ))}
          </ul>
        )
      )}
      {layer && layer.hasData && layer.score.target.kind === 'normsMet' && noData.length > 0 && (
        <p class="warning" data-testid="reach-grid-no-data">
          {t('reachUi.grid.noDataNorms', { categories: noData.map(categoryName).join(', ') })}
        </p>
      )}
      {layer && anyHatched && (
        <p class="legend-coverage" data-testid="reach-grid-outside-coverage">
          <svg width="22" height="16" aria-hidden="true" class="swatch">
            <rect width="22" height="16" fill="#d9d9d9" stroke="#555" />
            <path d="M-2,18 L8,-2 M4,18 L14,-2 M10,18 L20,-2 M16,18 L26,-2" stroke="#7f7f7f" stroke-width="1" />
          </svg>
          {t('reachUi.grid.outsideCoverage')}
        </p>
      )}
      <p class="legend-note" aria-live="polite" data-testid="reach-grid-cell">
        {cellText ? (
          <>
            <strong>{t('reachUi.grid.cellTitle')}:</strong> {cellText}
          </>
        ) : (
          t('reachUi.grid.cellHint')
        )}
      </p>
    </div>
  );
}

/** Explains the "met/required" labels next to the key-project symbols, when they are shown. */
export function ReachabilityLabelLegend() {
  const t = useTranslate();
  const show = useStore($showProjectReachLabels);
  const housingType = useStore($reachHousingType);
  if (!show) return null;
  return (
    <div class="legend-block" data-testid="reach-label-legend">
      <h3>{t('reachUi.labelsLegendTitle')}</h3>
      <p class="legend-note">{t('reachUi.labelsLegend', { housingType: t(`housing.${housingType}`) })}</p>
    </div>
  );
}
