// The map legend as data, in the current language: the thematic title, the sections an exported map
// page prints, and its source lines (what the map on screen shows, from the same stores as the legend).

import { DATASET_SOURCE_IDS } from '../data/loadDatasets';
import { FACILITY_CATEGORIES } from '../domain/facility';
import { FACILITY_SYMBOLS } from '../domain/facilitySymbols';
import { KEY_PROJECT_COLOURS, KEY_PROJECT_OUTLOOK_COLOUR, KEY_PROJECT_SHAPES } from '../domain/keyProjectSymbols';
import { sourceLines, type LegendEntry, type LegendSection } from '../analysis/exportContent';
import { $appData, $sourcesById } from './appData';
import { $facilityCountsByCategory, $facilityDatasets, $hiddenCategories } from './facilities';
import { $translate, $formatNumber, type Translate } from './language';
import { $showBuiltUpAreas, $showKeyProjects } from './mapLayers';
import { $thematicLayer, type ThematicLegend } from './thematicLayer';

/** The thematic layer's legend title ('Totaal, Basisscenario (Rijk)'). */
export function thematicLegendTitle(legend: ThematicLegend, t: Translate): string {
  const { settings } = legend;
  if (settings.layer === 'targets') {
    const params = { type: t(`housing.${settings.housingType}`), targetScenario: t(`targetScenario.${settings.targetScenario}`) };
    return settings.targetMeasure === 'absolute' ? t('legend.targets', params) : t('legend.targetsPer1000', params);
  }
  const age = t(settings.ageGroup === '65plus' ? 'municipality.age65' : settings.ageGroup === '75plus' ? 'municipality.age75' : 'municipality.age85');
  return settings.olderPeopleMeasure === 'count' ? t('legend.olderPeopleCount', { age }) : t('legend.olderPeopleShare', { age });
}

/** What the thematic layer shows, in a few words (null when it is off). */
export function thematicTitle(): string | null {
  const { legend } = $thematicLayer.get();
  return legend.settings.layer === 'none' ? null : thematicLegendTitle(legend, $translate.get());
}

/** The legend sections of the map as it is shown now. */
export function legendSections(): LegendSection[] {
  const t = $translate.get();
  const formatNumber = $formatNumber.get();
  const sections: LegendSection[] = [];
  const { legend } = $thematicLayer.get();
  if (legend.settings.layer !== 'none' && legend.breaks) {
    const breaks = legend.breaks;
    const entries: LegendEntry[] = breaks.upperBounds.map((upper, index) => ({
      label: t('legend.range', { from: formatNumber(index === 0 ? breaks.minimum : breaks.upperBounds[index - 1]!), to: formatNumber(upper) }),
      swatch: { kind: 'fill' as const, colour: breaks.colours[index]! },
    }));
    if (legend.noDataCount > 0) {
      entries.push({
        label: legend.settings.layer === 'targets' ? t('legend.noDataTwente', { count: legend.noDataCount }) : t('legend.noData', { count: legend.noDataCount }),
        swatch: { kind: 'hatch' },
      });
    }
    sections.push({ title: thematicLegendTitle(legend, t), entries, note: t('legend.classesNote') });
  }
  if ($showKeyProjects.get()) {
    sections.push({
      title: t('legend.keyProjects'),
      entries: [
        { label: t('legend.existing'), swatch: { kind: 'shape', shape: KEY_PROJECT_SHAPES.bestaand, colour: KEY_PROJECT_COLOURS.bestaand } },
        { label: t('legend.new'), swatch: { kind: 'shape', shape: KEY_PROJECT_SHAPES.nieuw, colour: KEY_PROJECT_COLOURS.nieuw } },
        { label: t('legend.outlookOnly'), swatch: { kind: 'shape', shape: KEY_PROJECT_SHAPES.outlookOnly, colour: KEY_PROJECT_OUTLOOK_COLOUR } },
      ],
      note: t('export.approximate'),
    });
  }
  const counts = $facilityCountsByCategory.get();
  const hidden = $hiddenCategories.get();
  const shown = FACILITY_CATEGORIES.filter((category) => counts[category] > 0 && !hidden.has(category));
  if (shown.length > 0) {
    const entries: LegendEntry[] = shown.map((category) => ({ label: t(`category.${category}`), swatch: { kind: 'letter' as const, ...FACILITY_SYMBOLS[category] } }));
    if (shown.includes('ovHalte')) entries.push({ label: t('category.trainStation'), swatch: { kind: 'letter', ...FACILITY_SYMBOLS.trainStation } });
    sections.push({ title: t('facilities.title'), entries });
  }
  return sections;
}

/** Sources of the facility datasets in use: register ids (the embedded stations) and lines (downloads, imports). */
export function facilitySources(): { ids: string[]; lines: string[] } {
  const t = $translate.get();
  const counts = $facilityCountsByCategory.get();
  const ids: string[] = [];
  const lines: string[] = [];
  if (!FACILITY_CATEGORIES.some((category) => counts[category] > 0)) return { ids, lines };
  for (const dataset of $facilityDatasets.get()) {
    if (dataset.hidden) continue;
    if (dataset.kind === 'embedded') ids.push(DATASET_SOURCE_IDS.trainStations);
    else if (dataset.kind === 'osm') lines.push(t('export.osmSource', { date: dataset.retrievedAt.slice(0, 10) }));
    else lines.push(`${dataset.source}: ${dataset.name}, ${dataset.retrievedAt.slice(0, 10)}, ${dataset.licence}`);
  }
  return { ids, lines };
}

/** One line per source of what the map shows, by publisher, title, date and licence; `extra` lines (map attributions) last. */
export function mapSourceLines(extra: readonly string[] = []): string[] {
  const facilities = facilitySources();
  return sourceLines([...mapSourceIds(), ...facilities.ids], $sourcesById.get(), [...facilities.lines, ...extra]);
}

/** Register ids of the sources of the map's own layers (boundaries, places, built-up areas, theme, key projects). */
function mapSourceIds(): string[] {
  const data = $appData.get();
  const ids: string[] = [DATASET_SOURCE_IDS.municipalityBoundaries, DATASET_SOURCE_IDS.provinceBoundary, DATASET_SOURCE_IDS.places];
  if ($showBuiltUpAreas.get()) ids.push(DATASET_SOURCE_IDS.builtUpAreas);
  ids.push(...$thematicLayer.get().legend.sourceIds);
  if ($showKeyProjects.get()) ids.push(...new Set((data.keyProjects ?? []).map((project) => project.source)));
  return ids;
}

/**
 * The short form of mapSourceLines for a projector: who published what the map shows, with the
 * OpenStreetMap licence when its data is shown ('CBS · Kadaster · … · © OpenStreetMap-bijdragers (ODbL)').
 */
export function mapSourcePublishers(extra: readonly string[] = []): string[] {
  const t = $translate.get();
  const sourcesById = $sourcesById.get();
  const facilities = facilitySources();
  const publishers = [...mapSourceIds(), ...facilities.ids].map((id) => sourcesById.get(id)?.publisher).filter((publisher): publisher is string => publisher !== undefined);
  const counts = $facilityCountsByCategory.get();
  if (FACILITY_CATEGORIES.some((category) => counts[category] > 0)) {
    for (const dataset of $facilityDatasets.get()) {
      if (dataset.hidden || dataset.kind === 'embedded') continue;
      publishers.push(dataset.kind === 'osm' ? `${t('osm.attribution')} (ODbL)` : dataset.source);
    }
  }
  return [...new Set([...publishers, ...extra])];
}
