// The export dialog: the current view as PNG (screen size, 2×, A4 at 300 dpi) or PDF (A4/A3
// landscape), and a PDF report per municipality. Progress and problems are said in the dialog.

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { pngSize, type PdfPaper, type PngFormat } from '../analysis/exportLayout';
import { $mapCamera, MapNotReadyError } from '../stores/mapSnapshot';
import { $municipalitiesByName } from '../stores/appData';
import { $selection } from '../stores/selection';
import { exportPdf, exportPng, saveFile, type ExportedFile } from './mapExport';
import { exportMunicipalityReport } from './municipalityReport';
import { useTranslate } from './useTranslate';
import { useModalDialog } from './useModalDialog';
import { errorReason } from '../domain/dataIssue';

type ExportChoice = { kind: 'png'; format: PngFormat } | { kind: 'pdf'; paper: PdfPaper };

const CHOICES: Array<{ id: string; choice: ExportChoice }> = [
  { id: 'png-screen', choice: { kind: 'png', format: 'screen' } },
  { id: 'png-double', choice: { kind: 'png', format: 'double' } },
  { id: 'png-a4', choice: { kind: 'png', format: 'a4Print' } },
  { id: 'pdf-a4', choice: { kind: 'pdf', paper: 'a4' } },
  { id: 'pdf-a3', choice: { kind: 'pdf', paper: 'a3' } },
];

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: ExportedFile } | { kind: 'failed'; reason: string };

export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslate();
  const camera = useStore($mapCamera);
  const municipalities = useStore($municipalitiesByName) ?? [];
  const selection = useStore($selection);
  const [choiceId, setChoiceId] = useState('png-screen');
  const [title, setTitle] = useState('');
  const [reportCode, setReportCode] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const dialog = useModalDialog(open, {
    onOpen: () => {
      setStatus({ kind: 'idle' });
      if (selection?.kind === 'municipality') setReportCode(selection.code);
    },
  });

  const selectedName = selection?.kind === 'municipality' ? municipalities.find((municipality) => municipality.code === selection.code)?.name ?? null : null;
  const run = async (work: () => Promise<ExportedFile>) => {
    setStatus({ kind: 'busy' });
    try {
      const file = await work();
      saveFile(file);
      setStatus({ kind: 'done', file });
    } catch (error) {
      setStatus({ kind: 'failed', reason: error instanceof MapNotReadyError ? t('export.mapNotReady') : errorReason(error) });
    }
  };
  const exportView = () => {
    const choice = CHOICES.find((entry) => entry.id === choiceId)!.choice;
    const pageTitle = title.trim() || t('app.title');
    void run(() => (choice.kind === 'png' ? exportPng(choice.format, pageTitle, selectedName) : exportPdf(choice.paper, pageTitle, selectedName)));
  };
  const exportReport = () => {
    const code = reportCode || municipalities[0]?.code;
    if (code) void run(() => exportMunicipalityReport(code));
  };
  const sizeText = (format: PngFormat) => {
    if (!camera) return '';
    const size = pngSize(format, camera);
    return t('export.pixels', { width: size.width, height: size.height });
  };
  const busy = status.kind === 'busy';
  return (
    <dialog ref={dialog} class="export-dialog" aria-labelledby="export-dialog-title" onClose={onClose}>
      <div class="dialog-header">
        <h2 id="export-dialog-title">{t('export.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
      <section aria-labelledby="export-view-title">
        <h3 id="export-view-title">{t('export.viewTitle')}</h3>
        <p class="note">{t('export.viewIntro')}</p>
        <div class="field">
          <label for="export-page-title">{t('export.pageTitle')}</label>
          <input id="export-page-title" type="text" value={title} placeholder={t('app.title')} maxLength={120} onInput={(event) => setTitle(event.currentTarget.value)} />
        </div>
        <fieldset>
          <legend>{t('export.format')}</legend>
          {CHOICES.map(({ id, choice }) => (
            <label key={id} class="radio">
              <input type="radio" name="export-format" value={id} checked={choiceId === id} onChange={() => setChoiceId(id)} />
              {choice.kind === 'png' ? `${t(`export.png.${choice.format}`)} (${sizeText(choice.format)})` : t(`export.pdf.${choice.paper}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" class="primary-button" disabled={busy} onClick={exportView}>
          {t('export.run')}
        </button>
      </section>
      <section aria-labelledby="export-report-title">
        <h3 id="export-report-title">{t('export.reportTitle')}</h3>
        <p class="note">{t('export.reportIntro')}</p>
        <div class="field">
          <label for="export-report-municipality">{t('export.reportMunicipality')}</label>
          <select id="export-report-municipality" value={reportCode || municipalities[0]?.code} onChange={(event) => setReportCode(event.currentTarget.value)}>
            {municipalities.map((municipality) => (
              <option key={municipality.code} value={municipality.code}>
                {municipality.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={busy || municipalities.length === 0} onClick={exportReport}>
          {t('export.reportRun')}
        </button>
      </section>
      <p class="export-status" role="status">
        {status.kind === 'busy' && t('export.busy')}
        {status.kind === 'done' && t('export.done', { file: status.file.fileName })}
      </p>
      {status.kind === 'failed' && (
        <p class="error" role="alert">
          {t('export.failed', { reason: status.reason })}
        </p>
      )}
    </dialog>
  );
}
