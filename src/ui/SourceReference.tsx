// A figure's source, collapsed to one line and expandable (native <details>, keyboard operable).

import { useStore } from '@nanostores/preact';
import { $sourcesById } from '../stores/appData';
import type { Source, SourceId } from '../domain/source';
import { useTranslate } from './useTranslate';

/** Title plus the short pointer into the document: 'Actualisatie Woondeal …, Tabel 1, p. 6'. */
export function citationTitle(source: Pick<Source, 'title' | 'part'>): string {
  return source.part ? `${source.title}, ${source.part}` : source.title;
}

export function SourceReference({ ids }: { ids: SourceId[] }) {
  const t = useTranslate();
  const sourcesById = useStore($sourcesById);
  return (
    <div class="source-references">
      {[...new Set(ids)].map((id) => {
        const source = sourcesById.get(id);
        if (!source) return <p class="source-missing" key={id}>{t('source.unknown', { id })}</p>;
        return (
          <details class="source-reference" key={id}>
            <summary>
              {t('source.label')}: {citationTitle(source)}
            </summary>
            <SourceDetails id={id} />
          </details>
        );
      })}
    </div>
  );
}

export function SourceDetails({ id }: { id: SourceId }) {
  const t = useTranslate();
  const source = useStore($sourcesById).get(id);
  if (!source) return null;
  return (
    <dl class="source-details">
      <dt>{t('source.publisher')}</dt>
      <dd>{source.publisher}</dd>
      <dt>{t('source.location')}</dt>
      <dd>{source.location}</dd>
      <dt>{t('source.date')}</dt>
      <dd>{source.date}</dd>
      <dt>{t('source.licence')}</dt>
      <dd>{source.licence}</dd>
      {source.derivation && (
        <>
          <dt>{t('source.derivation')}</dt>
          <dd>{source.derivation}</dd>
        </>
      )}
      {source.url && (
        <>
          <dt>{t('source.url')}</dt>
          <dd>
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {source.url}
            </a>
          </dd>
        </>
      )}
    </dl>
  );
}
