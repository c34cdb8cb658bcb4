// Sidebar section "Kaartbeelden voor de presentatie": saves the current map view with a caption as a
// named view of the open draft scenario ("Bewaar dit beeld"), lists the views in presentation order
// (show, earlier, later, delete). The Presenteren button itself is in the header (PresentationMode.tsx).

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { MAX_PRESENTATION_CAPTION_LENGTH } from '../domain/scenario';
import { $activeScenario } from '../stores/scenarios';
import { $presentationViews, moveView, removeView, saveCurrentView, showView } from '../stores/presentation';
import { useTranslate } from './useTranslate';

export function PresentationSection() {
  const t = useTranslate();
  const scenario = useStore($activeScenario);
  const views = useStore($presentationViews);
  const [caption, setCaption] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const save = (event: Event) => {
    event.preventDefault();
    const result = saveCurrentView(caption);
    if (result.ok) {
      setCaption('');
      setMessage({ text: t('presentation.saved', { caption: result.view.caption || t('presentation.untitled') }), error: false });
    } else {
      setMessage({
        text:
          result.reason === 'captionTooLong'
            ? t('presentation.captionTooLong', { max: MAX_PRESENTATION_CAPTION_LENGTH })
            : result.reason === 'noScenario'
              ? t('presentation.needScenario')
              : t('presentation.mapNotReady'),
        error: true,
      });
    }
  };

  return (
    <section class="presentation-section" aria-labelledby="presentation-title" data-testid="presentation-section">
      <h2 id="presentation-title">{t('presentation.sectionTitle')}</h2>
      {scenario === null ? (
        <p class="note">{t('presentation.needScenario')}</p>
      ) : (
        <>
          <form class="presentation-save" onSubmit={save}>
            <label for="presentation-caption">{t('presentation.captionLabel')}</label>
            <input
              id="presentation-caption"
              type="text"
              value={caption}
              maxLength={MAX_PRESENTATION_CAPTION_LENGTH}
              onInput={(event) => setCaption((event.target as HTMLInputElement).value)}
            />
            <button type="submit">{t('presentation.saveView')}</button>
          </form>
          <p class={message?.error ? 'field-error' : 'note'} role="status" data-testid="presentation-save-status">
            {message?.text ?? ''}
          </p>
          {views.length === 0 ? (
            <p class="note">{t('presentation.noViews')}</p>
          ) : (
            <ol class="presentation-views" aria-label={t('presentation.viewsLabel', { name: scenario.name })} data-testid="presentation-views">
              {views.map((view, index) => {
                const label = view.caption || t('presentation.untitled');
                return (
                  <li key={view.id}>
                    <span class="presentation-view-caption">{label}</span>
                    <span class="presentation-view-actions">
                      <button type="button" aria-label={t('presentation.showLabel', { caption: label })} onClick={() => showView(view)}>
                        {t('presentation.show')}
                      </button>
                      <button type="button" aria-label={t('presentation.moveUpLabel', { caption: label })} disabled={index === 0} onClick={() => moveView(view.id, -1)}>
                        {t('presentation.moveUp')}
                      </button>
                      <button
                        type="button"
                        aria-label={t('presentation.moveDownLabel', { caption: label })}
                        disabled={index === views.length - 1}
                        onClick={() => moveView(view.id, 1)}
                      >
                        {t('presentation.moveDown')}
                      </button>
                      <button type="button" aria-label={t('presentation.removeLabel', { caption: label })} onClick={() => removeView(view.id)}>
                        {t('presentation.remove')}
                      </button>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
