// The register of every source the app shows figures from, in a modal dialog.

import { useStore } from '@nanostores/preact';
import { $sourcesById } from '../stores/appData';
import { $facilityDatasets } from '../stores/facilities';
import { citationTitle, SourceDetails } from './SourceReference';
import { useDatasetName, useFormatDate, useTranslate } from './useTranslate';
import { useModalDialog } from './useModalDialog';

/** The dialog; the register inside is only built while it is open. */
export function SourcesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useModalDialog(open);
  return (
    <dialog ref={dialog} class="sources-dialog" aria-labelledby="sources-dialog-title" onClose={onClose}>
      {open && <SourcesRegister onClose={onClose} />}
    </dialog>
  );
}

function SourcesRegister({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  const datasetName = useDatasetName();
  const formatDate = useFormatDate();
  const sources = [...useStore($sourcesById).values()];
  // Facility data fetched or imported in this browser; the embedded stations are in the register above.
  const facilityDatasets = useStore($facilityDatasets).filter((dataset) => dataset.kind !== 'embedded');
  return (
    <>
      <div class="dialog-header">
        <h2 id="sources-dialog-title">{t('sources.dialogTitle')}</h2>
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
      <p>{t('sources.intro')}</p>
      <ul class="sources-list">
        {sources.map((source) => (
          <li key={source.id}>
            <h3>{citationTitle(source)}</h3>
            <SourceDetails id={source.id} />
          </li>
        ))}
      </ul>
      {facilityDatasets.length > 0 && (
        <section aria-labelledby="sources-facilities-title">
          <h3 id="sources-facilities-title">{t('sources.facilityDatasetsTitle')}</h3>
          <ul class="sources-list" data-testid="sources-facility-datasets">
            {facilityDatasets.map((dataset) => (
              <li key={dataset.id}>
                <h4>{datasetName(dataset)}</h4>
                <dl class="source-details">
                  <dt>{t('source.publisher')}</dt>
                  <dd>{dataset.kind === 'osm' ? t('osm.attribution') : dataset.source}</dd>
                  <dt>{t('source.date')}</dt>
                  <dd>{formatDate(dataset.retrievedAt)}</dd>
                  <dt>{t('source.licence')}</dt>
                  <dd>{dataset.kind === 'osm' ? t('osm.licence') : dataset.licence || t('sources.noLicenceGiven')}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
