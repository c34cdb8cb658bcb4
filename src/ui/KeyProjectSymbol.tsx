// The key-project map symbol as inline SVG (same shapes as on the map), with a text alternative.

import type { KeyProject } from '../domain/keyProject';
import { KEY_PROJECT_COLOURS, KEY_PROJECT_OUTLOOK_COLOUR } from '../domain/keyProjectSymbols';
import { useTranslate } from './useTranslate';

export type KeyProjectSymbolKind = 'bestaand' | 'nieuw' | 'outlookOnly';

export function symbolKind(project: Pick<KeyProject, 'status' | 'countsAsKeyProject'>): KeyProjectSymbolKind {
  return project.countsAsKeyProject ? project.status : 'outlookOnly';
}

export function SymbolShape({ kind, size = 16 }: { kind: KeyProjectSymbolKind; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" class="symbol">
      {kind === 'bestaand' && <circle cx="12" cy="12" r="9" fill={KEY_PROJECT_COLOURS.bestaand} stroke="#fff" stroke-width="2" />}
      {kind === 'nieuw' && <polygon points="12,2 22,12 12,22 2,12" fill={KEY_PROJECT_COLOURS.nieuw} stroke="#fff" stroke-width="2" />}
      {kind === 'outlookOnly' && <circle cx="12" cy="12" r="8" fill="none" stroke={KEY_PROJECT_OUTLOOK_COLOUR} stroke-width="2.5" stroke-dasharray="4 3" />}
    </svg>
  );
}

export function KeyProjectSymbol({ project }: { project: Pick<KeyProject, 'status' | 'countsAsKeyProject'> }) {
  const t = useTranslate();
  const kind = symbolKind(project);
  const label = kind === 'bestaand' ? t('legend.existing') : kind === 'nieuw' ? t('legend.new') : t('legend.outlookOnly');
  return (
    <span class="symbol-with-label" title={label}>
      <SymbolShape kind={kind} />
      <span class="visually-hidden">{label}</span>
    </span>
  );
}
