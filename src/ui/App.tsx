// The application shell: header, search and layers on the left, map in the middle, details on the right.

import { useStore } from '@nanostores/preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { $language, setLanguage } from '../stores/language';
import { $loadStatus } from '../stores/appData';
import { $mapStartFailure } from '../stores/mapStart';
import { $selection } from '../stores/selection';
import { showWholeProvince } from '../stores/mapView';
import { DataProblems } from './DataProblems';
import { FacilityLayersPanel } from './FacilityLayersPanel';
import { ImportDialog } from './ImportDialog';
import { StorageProblem } from './StorageProblem';
import { AppUpdateOffer } from './AppUpdateOffer';
import { KeyProjectFinder } from './KeyProjectFinder';
import { LayerControls } from './LayerControls';
import { Legend } from './Legend';
import { MapDrawingStatus } from './MapDrawingStatus';
import { MunicipalityFinder } from './MunicipalityFinder';
import { ReachabilitySection } from './ReachabilitySection';
import { GridCellCard } from './ReachabilityGrid';
import { ScenarioSection } from './ScenarioSection';
import { SiteFinderPanel } from './SiteFinderPanel';
import { ZoneCoveragePanel } from './ZoneCoveragePanel';
import { ZoneSection } from './ZoneSection';
import { BorderMoveDialog } from './BorderMoveDialog';
import { PolygonDrawingBar } from './PolygonDrawingBar';
import { ReachabilityTableDialog } from './ReachabilityTableDialog';
import { SelectionPanel } from './SelectionPanel';
import { SourcesDialog } from './SourcesDialog';
import { ExportDialog } from './ExportDialog';
import { PresentationOverlay, PresentButton } from './PresentationMode';
import { PresentationSection } from './PresentationSection';
import { $presenting } from '../stores/presentation';
import { useTranslate } from './useTranslate';
import { focusKeyProjectList, focusMap, returnFocusFromDetails } from './detailsFocus';

export function App() {
  const t = useTranslate();
  const language = useStore($language);
  const presenting = useStore($presenting);
  const loadStatus = useStore($loadStatus);
  const mapStartFailure = useStore($mapStartFailure);
  const [sourcesOpen, setSourcesOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  // On narrow screens the sidebar and the details are sheets under the map, one at a time.
  const [sheet, setSheet] = useState<'panels' | 'details'>('panels');
  const selection = useStore($selection);
  useLayoutEffect(() => setSheet(selection ? 'details' : 'panels'), [selection]);
  return (
    <div class={presenting ? 'app presenting' : 'app'} lang={language}>
      <nav class="skip-links" aria-label={t('app.skipLinksLabel')}>
        <a
          href="#map"
          onClick={(event) => {
            event.preventDefault();
            focusMap();
          }}
        >
          {t('app.skipToMap')}
        </a>
        <a
          href="#key-project-list"
          onClick={(event) => {
            event.preventDefault();
            focusKeyProjectList();
          }}
        >
          {t('app.skipToKeyProjects')}
        </a>
      </nav>
      <header class="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p class="subtitle">{t('app.subtitle')}</p>
        </div>
        <nav class="header-actions">
          <button type="button" onClick={() => setSourcesOpen(true)}>
            {t('app.sourcesButton')}
          </button>
          <button type="button" onClick={() => setExportOpen(true)}>
            {t('export.openButton')}
          </button>
          <PresentButton />
          <button
            type="button"
            lang={language === 'nl' ? 'en' : 'nl'}
            aria-label={t('app.languageSwitchLabel')}
            onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}
          >
            {t('app.languageSwitch')}
          </button>
        </nav>
      </header>
      <DataProblems />
      <StorageProblem />
      <AppUpdateOffer />
      <div class="app-body" data-sheet={sheet}>
        <nav class="sheet-tabs" aria-label={t('app.sheetsLabel')}>
          <button type="button" aria-pressed={sheet === 'panels'} onClick={() => setSheet('panels')}>
            {t('app.sheetPanels')}
          </button>
          <button type="button" aria-pressed={sheet === 'details'} onClick={() => setSheet('details')}>
            {t('app.sheetDetails')}
          </button>
        </nav>
        <aside class="sidebar" aria-label={t('app.sidebarLabel')}>
          <MunicipalityFinder />
          <KeyProjectFinder />
          <ScenarioSection />
          <PresentationSection />
          <ReachabilitySection />
          <ZoneSection />
          <ZoneCoveragePanel />
          <SiteFinderPanel />
          <LayerControls />
          <FacilityLayersPanel />
        </aside>
        <main class="map-container" aria-label={t('map.regionLabel')}>
          <div id="map" class="map" />
          {loadStatus === 'loading' && mapStartFailure === null && (
            <p class="loading" role="status">
              {t('app.loading')}
            </p>
          )}
          {mapStartFailure !== null && (
            <p class="map-start-failure" role="alert">
              {mapStartFailure.kind === 'code' ? t('map.startFailed.code') : t('map.startFailed.map', { reason: mapStartFailure.reason })}
            </p>
          )}
          <button type="button" class="whole-province" onClick={showWholeProvince}>
            {t('map.wholeProvince')}
          </button>
          <GridCellCard />
          <MapDrawingStatus />
          <Legend />
          <PolygonDrawingBar />
          <PresentationOverlay />
        </main>
        <aside id="details" class="details" aria-label={t('app.detailsLabel')} onKeyDown={returnFocusFromDetails}>
          <SelectionPanel />
        </aside>
      </div>
      <SourcesDialog open={sourcesOpen} onClose={() => setSourcesOpen(false)} />
      <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} />
      <ImportDialog />
      <ReachabilityTableDialog />
      <BorderMoveDialog />
    </div>
  );
}
