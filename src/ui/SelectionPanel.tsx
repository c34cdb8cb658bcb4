// The right-hand panel: details of the selected municipality, region, key project, facility, reachability
// analysis, draft site or scenario comparison, or a short introduction.

import { useStore } from '@nanostores/preact';
import { $selection } from '../stores/selection';
import { FacilityPanel } from './FacilityPanel';
import { KeyProjectPanel } from './KeyProjectPanel';
import { MunicipalityPanel } from './MunicipalityPanel';
import { ReachabilityPanel } from './ReachabilityPanel';
import { RegionPanel } from './RegionPanel';
import { ScenarioComparisonPanel } from './ScenarioComparisonPanel';
import { SitePanel } from './SitePanel';
import { useTranslate } from './useTranslate';

export function SelectionPanel() {
  const t = useTranslate();
  const selection = useStore($selection);
  if (selection?.kind === 'municipality') return <MunicipalityPanel code={selection.code} />;
  if (selection?.kind === 'area') return <RegionPanel area={selection.area} />;
  if (selection?.kind === 'keyProject') return <KeyProjectPanel id={selection.id} />;
  if (selection?.kind === 'facility') return <FacilityPanel facilityKey={selection.key} />;
  if (selection?.kind === 'reachability') return <ReachabilityPanel />;
  if (selection?.kind === 'site') return <SitePanel id={selection.id} />;
  if (selection?.kind === 'scenarioComparison') return <ScenarioComparisonPanel />;
  return (
    <article class="panel">
      <h2>{t('intro.title')}</h2>
      <p>{t('intro.text')}</p>
    </article>
  );
}
