// Presentation mode on a projector: the Presenteren button (header) asks for the browser's full screen
// (or fills the window when that is refused, and says so); the app hides its forms and shows the map
// with large type, the caption "2 / 5 · caption", the legend, a short source line, a walking-distance
// slider and the key-project counts it changes. Arrow keys, PageUp/PageDown (a presenter's clicker),
// Home and End step through the draft's named views; Esc leaves. Focus stays inside the presentation
// and goes back to the button on leaving.

import { useStore } from '@nanostores/preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { HOUSING_TYPES } from '../domain/housing';
import { $mapAttributions, overlayLaidOut } from '../stores/mapSnapshot';
import { $normProfile } from '../stores/norms';
import { $showBuiltUpAreas, $showKeyProjects, $thematic } from '../stores/mapLayers';
import { $facilityDatasets } from '../stores/facilities';
import { mapSourcePublishers } from '../stores/legendContent';
import {
  $presentation,
  $presentationCounts,
  $presentationViews,
  leavePresentation,
  PRESENTATION_NORM_RANGE,
  setPresentationNorm,
  setPresentationScreen,
  startingNormMeters,
  startPresentation,
  stepAction,
  stepPresentation,
} from '../stores/presentation';
import { useFormatNumber, useTranslate } from './useTranslate';

const OVERLAY_ID = 'presentation-screen';
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Where focus may be while presenting: the map and everything drawn over it. */
function presentationRoot(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.map-container');
}

function focusOverlay(): void {
  document.getElementById(`${OVERLAY_ID}-caption`)?.focus();
}

function leave(): void {
  leavePresentation();
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

/** The header button. Asks for full screen within the click (browsers allow it only then). */
export function PresentButton() {
  const t = useTranslate();
  const active = useStore($presentation).active;
  const button = useRef<HTMLButtonElement>(null);
  const wasActive = useRef(false);
  useEffect(() => {
    // Back from the presentation: focus returns to the button that started it.
    if (wasActive.current && !active) button.current?.focus();
    wasActive.current = active;
  }, [active]);
  const start = () => {
    const request = document.fullscreenEnabled ? document.documentElement.requestFullscreen?.() : undefined;
    startPresentation(request ? 'fullscreen' : 'window');
    request?.catch(() => setPresentationScreen('window'));
  };
  return (
    <button type="button" ref={button} id="presentation-start" onClick={start}>
      {t('presentation.open')}
    </button>
  );
}

function NormSlider() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const { normMeters } = useStore($presentation);
  const profile = useStore($normProfile);
  const counts = useStore($presentationCounts);
  const [startMeters] = useState(() => startingNormMeters(profile));
  const meters = normMeters ?? startMeters;
  const [awaiting, setAwaiting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const lines = counts === null ? null : HOUSING_TYPES.map((type) => t('presentation.countLine', { type: t(`housing.${type}`), met: formatNumber(counts.byType[type].met), total: formatNumber(counts.total) }));
  // A moved slider is announced once the worker has answered for the new distance.
  useEffect(() => {
    if (!awaiting || lines === null) return;
    setAwaiting(false);
    setAnnouncement(t('presentation.announce', { metres: formatNumber(meters), counts: lines.join('; ') }));
  }, [counts]);
  return (
    <div class="presentation-norm">
      <label for={`${OVERLAY_ID}-norm`}>
        {t('presentation.normLabel')}: <strong>{t('presentation.normValue', { metres: formatNumber(meters) })}</strong>
      </label>
      <input
        id={`${OVERLAY_ID}-norm`}
        type="range"
        min={PRESENTATION_NORM_RANGE.min}
        max={PRESENTATION_NORM_RANGE.max}
        step={PRESENTATION_NORM_RANGE.step}
        value={meters}
        aria-valuetext={t('presentation.normValue', { metres: formatNumber(meters) })}
        aria-describedby={`${OVERLAY_ID}-norm-note`}
        onInput={(event) => {
          if (setPresentationNorm(Number((event.target as HTMLInputElement).value))) setAwaiting(true);
        }}
      />
      <p id={`${OVERLAY_ID}-norm-note`} class="presentation-note">
        {normMeters === null ? t('presentation.normUnchanged') : t('presentation.normChanged', { metres: formatNumber(normMeters) })}
      </p>
      <h2 class="presentation-counts-title">{t('presentation.countsTitle')}</h2>
      {lines === null ? (
        <p>{t('presentation.countsPending')}</p>
      ) : (
        <ul class="presentation-counts" data-testid="presentation-counts" aria-busy={awaiting ? 'true' : undefined}>
          {lines.map((line, index) => (
            <li key={HOUSING_TYPES[index]}>{line}</li>
          ))}
        </ul>
      )}
      <p class="visually-hidden" role="status" data-testid="presentation-announcement">
        {announcement}
      </p>
    </div>
  );
}

function SourceLine() {
  const t = useTranslate();
  // The line follows what the map shows.
  useStore($thematic);
  useStore($showKeyProjects);
  useStore($showBuiltUpAreas);
  useStore($facilityDatasets);
  const attributions = useStore($mapAttributions);
  return (
    <p class="presentation-sources" data-testid="presentation-sources" data-map-overlay>
      {t('presentation.sources', { sources: mapSourcePublishers(attributions).join(' · ') })}
    </p>
  );
}

/** The presentation's own controls over the map; rendered only while presenting. */
export function PresentationOverlay() {
  const t = useTranslate();
  const state = useStore($presentation);
  const views = useStore($presentationViews);

  // Drawn for this step (caption, full screen or window): the map may fit the step's view around it now.
  useLayoutEffect(() => {
    if (state.active) overlayLaidOut();
  }, [state.active, state.index, state.screen]);

  useEffect(() => {
    if (!state.active) return;
    focusOverlay();
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const root = presentationRoot();
      if (event.key === 'Tab' && root) {
        // Tab cycles through the presentation's controls and the map, never out of them.
        const focusables = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);
        const first = focusables[0];
        const last = focusables[focusables.length - 1];
        const current = document.activeElement;
        const outside = !(current instanceof Node) || !root.contains(current);
        if (first && last && (outside || (event.shiftKey ? current === first : current === last))) {
          event.preventDefault();
          (event.shiftKey ? last : first).focus();
        }
        return;
      }
      const target = event.target instanceof Element ? event.target : null;
      const inFormControl = target?.closest('input, select, textarea') != null;
      const action = stepAction(event.key, inFormControl);
      if (action === null) return;
      // Before the map's own keyboard handler (which pans with the arrow keys).
      event.preventDefault();
      event.stopPropagation();
      if (action === 'leave') leave();
      else stepPresentation(action);
    };
    // Focus that falls out of the presentation (a removed element, a click on plain text) comes back.
    const onFocusOut = () => {
      setTimeout(() => {
        if (!$presentation.get().active) return;
        const active = document.activeElement;
        const root = presentationRoot();
        if (active === null || active === document.body || (root && !root.contains(active))) focusOverlay();
      }, 0);
    };
    // Leaving the browser's full screen (its own Esc) leaves the presentation.
    const onFullscreenChange = () => {
      if (document.fullscreenElement === null && $presentation.get().screen === 'fullscreen') leave();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('fullscreenchange', onFullscreenChange);
    };
  }, [state.active]);

  if (!state.active) return null;
  const view = views[state.index];
  const caption = view ? view.caption || t('presentation.untitled') : t('presentation.currentView');
  const count = Math.max(views.length, 1);
  return (
    <section id={OVERLAY_ID} class="presentation" aria-label={t('presentation.regionLabel')} data-testid="presentation">
      <div class="presentation-top" data-map-overlay>
        <h2 id={`${OVERLAY_ID}-caption`} class="presentation-caption" tabIndex={-1} aria-live="polite" data-testid="presentation-caption">
          {t('presentation.position', { index: Math.min(state.index + 1, count), count, caption })}
        </h2>
        <div class="presentation-buttons">
          <button type="button" onClick={() => stepPresentation('previous')}>
            {t('presentation.previous')}
          </button>
          <button type="button" onClick={() => stepPresentation('next')}>
            {t('presentation.next')}
          </button>
          <button type="button" onClick={leave}>
            {t('presentation.leave')}
          </button>
        </div>
      </div>
      <SourceLine />
      {state.screen === 'window' && (
        <p class="presentation-window" role="status" data-testid="presentation-window-mode" data-map-overlay>
          {t('presentation.windowMode')}
        </p>
      )}
      <BottomPanel />
    </section>
  );
}

/** The norm slider with its counts and the keys, bottom-left; folds to one button so the map behind it shows. */
function BottomPanel() {
  const t = useTranslate();
  const [open, setOpen] = useState(true);
  // folded or unfolded, the view in force is fitted into the space the panel leaves (mounting is reported by the overlay)
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (mounted.current) overlayLaidOut();
    mounted.current = true;
  }, [open]);
  return (
    <div class={open ? 'presentation-bottom' : 'presentation-bottom folded'} data-map-overlay>
      <button type="button" class="presentation-fold" aria-expanded={open} aria-controls={`${OVERLAY_ID}-bottom-body`} onClick={() => setOpen(!open)}>
        {open ? t('presentation.fold') : t('presentation.unfold')}
      </button>
      <div id={`${OVERLAY_ID}-bottom-body`} hidden={!open}>
        <NormSlider />
        <p class="presentation-keys">{t('presentation.keys')}</p>
      </div>
    </div>
  );
}
