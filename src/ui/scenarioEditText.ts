// A scenario edit as a readable sentence in the user's language, rendered from the edit record alone
// (plus names looked up for ids): "Zwolle Spoorzone verplaatst naar …", "Locatie toegevoegd: …",
// "De Linde: Zorggeschikt 40 → 60".

import type { Language } from '../i18n/catalogue';
import type { ScenarioEdit, SiteFields, SiteOutline } from '../domain/scenario';
import { outlineAreaHectares } from '../analysis/polygonOutline';
import { SITE_HOME_TYPES } from '../domain/scenario';
import type { Translate } from '../stores/language';

export interface EditTextContext {
  t: Translate;
  language: Language;
  formatNumber: (value: number) => string;
  keyProjectName: (id: string) => string;
  municipalityName: (code: string) => string;
}

/** Latitude and longitude as the reader writes decimals, 5 decimals (about 1 m). */
export function formatLatLon([lon, lat]: readonly [number, number], language: Language): { lat: string; lon: string } {
  const format = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return { lat: format.format(lat), lon: format.format(lon) };
}

function placeText(location: readonly [number, number], municipalityCode: string | null, context: EditTextContext): string {
  const { lat, lon } = formatLatLon(location, context.language);
  return municipalityCode
    ? context.t('scenarioEdit.placeIn', { lat, lon, municipality: context.municipalityName(municipalityCode) })
    : context.t('scenarioEdit.place', { lat, lon });
}

function fieldChanges(before: Partial<SiteFields>, after: Partial<SiteFields>, context: EditTextContext): string[] {
  const { t, formatNumber } = context;
  const changes: string[] = [];
  if ('name' in after) changes.push(t('scenarioEdit.renamed', { before: before.name ?? '', after: after.name ?? '' }));
  if (after.homes && before.homes) {
    for (const type of SITE_HOME_TYPES) {
      if (before.homes[type] !== after.homes[type]) {
        changes.push(t('scenarioEdit.change', { field: t(`siteHomes.${type}`), before: formatNumber(before.homes[type]), after: formatNumber(after.homes[type]) }));
      }
    }
  }
  if (after.tenure && before.tenure) changes.push(t('scenarioEdit.change', { field: t('siteForm.tenure'), before: t(`tenure.${before.tenure}`), after: t(`tenure.${after.tenure}`) }));
  if (after.phase && before.phase) changes.push(t('scenarioEdit.change', { field: t('siteForm.phase'), before: t(`phase.${before.phase}`), after: t(`phase.${after.phase}`) }));
  if ('year' in after) {
    const year = (value: number | null | undefined) => (value === null || value === undefined ? t('value.none') : String(value));
    changes.push(t('scenarioEdit.change', { field: t('siteForm.yearShort'), before: year(before.year), after: year(after.year) }));
  }
  if ('keyProjectId' in after) {
    const name = (id: string | null | undefined) => (id ? context.keyProjectName(id) : t('value.none'));
    changes.push(t('scenarioEdit.change', { field: t('siteForm.keyProject'), before: name(before.keyProjectId), after: name(after.keyProjectId) }));
  }
  if ('notes' in after) changes.push(t('scenarioEdit.notesChanged'));
  if ('outline' in after) changes.push(t('scenarioEdit.outlineChanged'));
  return changes;
}

/** Hectares as the reader writes decimals: one decimal, two below 1 ha. */
export function formatHectares(hectares: number, language: Language): string {
  const digits = hectares < 1 ? 2 : 1;
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(hectares);
}

/** "Omtrek getekend: De Linde (1,2 ha)", "Omtrek gewijzigd: …", "Omtrek verwijderd: …". */
function outlineText(name: string, before: SiteOutline | null, after: SiteOutline | null, context: EditTextContext): string {
  if (after === null) return context.t('scenarioEdit.outlineRemoved', { name });
  const area = formatHectares(outlineAreaHectares(after), context.language);
  return context.t(before === null ? 'scenarioEdit.outlineDrawn' : 'scenarioEdit.outlineEdited', { name, area });
}

function describeOne(edit: ScenarioEdit, siteName: (id: string) => string, context: EditTextContext): string {
  const { t } = context;
  switch (edit.kind) {
    case 'addSite':
      return t('scenarioEdit.addSite', { name: edit.site.name });
    case 'removeSite':
      return t('scenarioEdit.removeSite', { name: edit.site.name });
    case 'moveKeyProject': {
      const name = context.keyProjectName(edit.keyProjectId);
      return edit.to === null ? t('scenarioEdit.keyProjectReset', { name }) : t('scenarioEdit.moved', { name, place: placeText(edit.to.location, null, context) });
    }
    case 'drawnZone': {
      if (edit.after === null) return t('scenarioEdit.zoneRemoved', { name: edit.before?.name ?? edit.zoneId });
      const area = formatHectares(outlineAreaHectares(edit.after.outline), context.language);
      return t(edit.before === null ? 'scenarioEdit.zoneDrawn' : 'scenarioEdit.zoneEdited', { name: edit.after.name, area });
    }
    case 'updateSite': {
      const name = siteName(edit.siteId);
      if (Object.keys(edit.after).length === 1 && 'outline' in edit.after) return outlineText(name, edit.before.outline ?? null, edit.after.outline ?? null, context);
      const parts: string[] = [];
      if (edit.after.location) {
        const crossed = edit.after.municipalityCode !== undefined && edit.after.municipalityCode !== edit.before.municipalityCode;
        parts.push(t('scenarioEdit.moved', { name, place: placeText(edit.after.location, crossed ? edit.after.municipalityCode! : null, context) }));
      }
      const changes = fieldChanges(edit.before, edit.after, context);
      if (changes.length > 0) parts.push(t('scenarioEdit.changed', { name, changes: changes.join('; ') }));
      return parts.length > 0 ? parts.join('; ') : t('scenarioEdit.changed', { name, changes: t('scenarioEdit.nothing') });
    }
  }
}

/**
 * One sentence per edit, oldest first. Site names are followed through the list, so an update is
 * described with the name the site had when it was made.
 */
export function describeEdits(edits: readonly ScenarioEdit[], context: EditTextContext): string[] {
  const names = new Map<string, string>();
  return edits.map((edit) => {
    const text = describeOne(edit, (id) => names.get(id) ?? id, context);
    if (edit.kind === 'addSite' || edit.kind === 'removeSite') names.set(edit.site.id, edit.site.name);
    else if (edit.kind === 'updateSite' && edit.after.name !== undefined) names.set(edit.siteId, edit.after.name);
    return text;
  });
}
