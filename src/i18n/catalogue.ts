// The one message catalogue: every UI string in Dutch (default) and English.
// Keys are grouped by feature with a dotted prefix. Placeholders are written {name}.

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const nl = {
  'app.title': 'Woonzorgkaart Overijssel',
  'app.languageSwitch': 'English',
  'app.languageSwitchLabel': 'Switch to English',

  // --- data validation (src/data) ---
  'data.fileMissing': 'Bestand {file} ontbreekt of kon niet worden geladen ({reason}).',
  'data.notJson': 'Bestand {file} is geen geldige JSON: {reason}.',
  'data.wrongShape': 'Bestand {file} heeft niet de verwachte vorm: {reason}.',
  'data.coordinateOutOfRange': 'Coördinaat {lon}, {lat} ligt buiten Overijssel.',
  'data.missingField': 'Veld "{field}" ontbreekt of is leeg.',
  'data.invalidNumber': 'Veld "{field}" heeft geen geldig getal: "{value}".',
  'data.invalidGeometry': 'Geometrie ontbreekt of is ongeldig ({reason}).',
  'data.unknownMunicipality': 'Onbekende gemeente "{value}".',
  'data.recordLabel': 'record {record}',

  // --- embedded datasets: validation, woondeal inconsistencies, key project placement (src/data, geo/) ---
  'data.forbiddenKey': 'Verboden sleutel "{key}" in de gegevens; dit record is overgeslagen.',
  'data.invalidFeature': 'Dit is geen geldig GeoJSON-feature.',
  'data.invalidRecord': 'Dit record is geen object met velden.',
  'data.invalidValue': 'Veld "{field}" heeft een ongeldige waarde: "{value}".',
  'data.duplicateRecord': '"{value}" komt meer dan één keer voor; alleen de eerste is gebruikt.',
  'data.regionCountMismatch': 'Regio {region} telt {count} gemeenten, verwacht {expected}.',
  'data.ageGroupsDoNotNest': 'Leeftijdsgroepen van postcode {postcode} kloppen niet (85+ ≤ 75+ ≤ 65+ ≤ alle inwoners).',
  'data.placeMunicipalityMissing': 'Gemeente {value} heeft geen grens; het project kan niet op de kaart.',
  'data.placeHintNotFound': 'Plaats "{place}" is niet gevonden in de gemeente; het project staat op gemeenteniveau.',
  'data.placeHintAmbiguous': 'Plaats "{place}" komt {count} keer voor in de gemeente; het project staat op gemeenteniveau.',
  'data.municipalityWithoutRegion': 'Gemeente {value} hoort bij geen regio in de regio-indeling.',
  'data.inhabitantsMissing': 'Geen inwonertal bekend voor {value}.',
  'data.dependencyMissing': 'Niet beschikbaar omdat {file} niet geladen kon worden.',
  'inconsistency.rowsDoNotAddUp': 'De rijen tellen op tot {computed}, de bron vermeldt {printed}.',
  'inconsistency.otherFigureElsewhere': 'De bron vermeldt hier {printed}, elders {alternative}; het gedrukte totaal past bij {computed}.',
  'inconsistency.footnoteDiffers': 'De bron vermeldt {printed}; een voetnoot noemt {alternative}.',
  'inconsistency.projectMissingFromList': 'De projecten in deze lijst tellen op tot {computed}, het vermelde totaal is {printed}: een project ontbreekt in de lijst.',
  'inconsistency.label': 'Tegenstrijdigheid in de bron',
  'inconsistency.keptPrinted': 'Het gedrukte getal is aangehouden.',
  'housing.municipalTargetsAbsent': 'De verdeling per gemeente staat niet in de bron (onbekend, niet nul).',
  'keyProject.precision.district': 'Locatie op wijkniveau (bij benadering)',
  'keyProject.precision.town': 'Locatie op kernniveau (bij benadering)',
  'keyProject.precision.municipality': 'Alleen de gemeente is bekend',
  'keyProject.placedAt.place': 'Geplaatst op {place} ({type}, TOP10NL 2025)',
  'keyProject.placedAt.municipalityInterior': 'Geplaatst op een punt binnen de gemeente {municipality}',
  'keyProject.status.bestaand': 'Bestaand sleutelproject (Woondeal 2022)',
  'keyProject.status.nieuw': 'Nieuw sleutelproject (actualisatie 2025)',
  'keyProject.outlookOnly': 'Alleen in de doorkijk na 2030; telt niet als sleutelproject',
  'keyProject.homesUnknown': '-',
} as const;

export type MessageKey = keyof typeof nl;

const en: Record<MessageKey, string> = {
  'app.title': 'Care Housing Map Overijssel',
  'app.languageSwitch': 'Nederlands',
  'app.languageSwitchLabel': 'Schakel naar Nederlands',

  'data.fileMissing': 'File {file} is missing or could not be loaded ({reason}).',
  'data.notJson': 'File {file} is not valid JSON: {reason}.',
  'data.wrongShape': 'File {file} does not have the expected shape: {reason}.',
  'data.coordinateOutOfRange': 'Coordinate {lon}, {lat} lies outside Overijssel.',
  'data.missingField': 'Field "{field}" is missing or empty.',
  'data.invalidNumber': 'Field "{field}" is not a valid number: "{value}".',
  'data.invalidGeometry': 'Geometry is missing or invalid ({reason}).',
  'data.unknownMunicipality': 'Unknown municipality "{value}".',
  'data.recordLabel': 'record {record}',

  'data.forbiddenKey': 'Forbidden key "{key}" in the data; this record was skipped.',
  'data.invalidFeature': 'This is not a valid GeoJSON feature.',
  'data.invalidRecord': 'This record is not an object with fields.',
  'data.invalidValue': 'Field "{field}" has an invalid value: "{value}".',
  'data.duplicateRecord': '"{value}" occurs more than once; only the first was used.',
  'data.regionCountMismatch': 'Region {region} has {count} municipalities, expected {expected}.',
  'data.ageGroupsDoNotNest': 'Age groups of postcode {postcode} do not nest (85+ ≤ 75+ ≤ 65+ ≤ all inhabitants).',
  'data.placeMunicipalityMissing': 'Municipality {value} has no boundary; the project cannot be mapped.',
  'data.placeHintNotFound': 'Place "{place}" was not found in the municipality; the project is shown at municipality level.',
  'data.placeHintAmbiguous': 'Place "{place}" occurs {count} times in the municipality; the project is shown at municipality level.',
  'data.municipalityWithoutRegion': 'Municipality {value} belongs to no region in the region assignment.',
  'data.inhabitantsMissing': 'No number of inhabitants known for {value}.',
  'data.dependencyMissing': 'Not available because {file} could not be loaded.',
  'inconsistency.rowsDoNotAddUp': 'The rows add up to {computed}; the source states {printed}.',
  'inconsistency.otherFigureElsewhere': 'The source states {printed} here and {alternative} elsewhere; the printed total fits {computed}.',
  'inconsistency.footnoteDiffers': 'The source states {printed}; a footnote gives {alternative}.',
  'inconsistency.projectMissingFromList': 'The projects in this list add up to {computed}, the stated total is {printed}: a project is missing from the list.',
  'inconsistency.label': 'Contradiction in the source',
  'inconsistency.keptPrinted': 'The printed figure has been kept.',
  'housing.municipalTargetsAbsent': 'The split per municipality is not in the source (unknown, not zero).',
  'keyProject.precision.district': 'Location at district level (approximate)',
  'keyProject.precision.town': 'Location at town level (approximate)',
  'keyProject.precision.municipality': 'Only the municipality is known',
  'keyProject.placedAt.place': 'Placed at {place} ({type}, TOP10NL 2025)',
  'keyProject.placedAt.municipalityInterior': 'Placed at a point inside the municipality of {municipality}',
  'keyProject.status.bestaand': 'Existing key project (Woondeal 2022)',
  'keyProject.status.nieuw': 'New key project (2025 update)',
  'keyProject.outlookOnly': 'Only in the outlook after 2030; not counted as a key project',
  'keyProject.homesUnknown': '-',
};

export const catalogue: Record<Language, Record<MessageKey, string>> = { nl, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(nl, key);
}

/** Fills {placeholders}; unknown placeholders stay visible so a missing value is noticed. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  return formatMessage(catalogue[language][key], params);
}
