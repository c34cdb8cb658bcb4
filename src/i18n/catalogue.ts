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

  // --- reachability: norms and circles of reachability (src/domain/norms.ts, src/analysis) ---
  'norms.distanceNotFinite': 'Afstand bij {record} is geen getal: "{value}".',
  'norms.distanceNotPositive': 'Afstand bij {record} moet groter dan 0 m zijn, niet {value}.',
  'norms.distanceTooLarge': 'Afstand bij {record} is {value} m; de grens is {max} m.',
  'norms.speedOutOfRange': 'Loopsnelheid {value} m/s is onwaarschijnlijk; kies tussen {minKilometersPerHour} en {maxKilometersPerHour} km/u.',
  'norms.unknownCategory': 'Onbekende voorzieningscategorie "{value}" bij {record}.',
  'norms.duplicateCategory': 'Categorie "{value}" staat twee keer bij {record}.',
  'norms.unknownSource': 'Onbekende bron "{value}" bij {record}.',
  'norms.profile.woonzorgzone': 'Woonzorgzone (400–500 m, ov 300 m)',
  'norms.profile.ruim': 'Ruim (800 m, ov 400 m)',
  'norms.profile.custom': 'Eigen normen',
  'norms.policyChoice': 'Eigen aanname, geen norm uit de bron',
  'norms.speed.ouderKwetsbaar': 'Kwetsbare oudere (2,3 km/u)',
  'norms.speed.ouder': 'Oudere (2,9 km/u)',
  'norms.speed.ouderVuistregel': 'Oudere, vuistregel (3,0 km/u)',
  'norms.speed.volwassene': 'Volwassene (4,8 km/u)',
  'norms.speed.custom': 'Eigen snelheid',
  'reach.method.hemelsbreed': 'hemelsbreed (rechte lijn, geen looproute)',
  'reach.verdict.met': 'voldoet',
  'reach.verdict.notMet': 'voldoet niet',
  'reach.verdict.noData': 'geen gegevens',
  'reach.outsideProvince': 'Dit punt ligt buiten Overijssel; voorzieningen over de grens zijn niet geladen.',
  'reach.noDataCategory': 'Geen {category} geladen: afstand onbekend, niet "ver weg".',
  'reach.csv.siteId': 'Id',
  'reach.csv.siteName': 'Locatie',
  'reach.csv.outsideProvince': 'Buiten Overijssel',
  'reach.csv.yes': 'ja',
  'reach.csv.no': 'nee',
  'reach.csv.distanceColumn': '{category} hemelsbreed (m)',
  'reach.csv.walkingMinutesColumn': '{category} looptijd (min)',
  'reach.csv.verdictColumn': 'Norm {housingType}',
  'reach.noFacilities': 'Er zijn nog geen voorzieningen geladen voor de bereikbaarheidsberekening.',
  'reach.noGrid': 'Er is nog geen raster over de provincie gemaakt.',
  'reach.unknownFacility': 'Voorziening "{value}" is niet bekend in de bereikbaarheidsberekening.',
  'reach.workerError': 'De bereikbaarheidsberekening is mislukt ({reason}).',
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

  'norms.distanceNotFinite': 'Distance for {record} is not a number: "{value}".',
  'norms.distanceNotPositive': 'Distance for {record} must be more than 0 m, not {value}.',
  'norms.distanceTooLarge': 'Distance for {record} is {value} m; the limit is {max} m.',
  'norms.speedOutOfRange': 'Walking speed {value} m/s is implausible; choose between {minKilometersPerHour} and {maxKilometersPerHour} km/h.',
  'norms.unknownCategory': 'Unknown facility category "{value}" for {record}.',
  'norms.duplicateCategory': 'Category "{value}" appears twice for {record}.',
  'norms.unknownSource': 'Unknown source "{value}" for {record}.',
  'norms.profile.woonzorgzone': 'Care zone (400–500 m, public transport 300 m)',
  'norms.profile.ruim': 'Wide (800 m, public transport 400 m)',
  'norms.profile.custom': 'Own norms',
  'norms.policyChoice': 'Our assumption, not a norm from the source',
  'norms.speed.ouderKwetsbaar': 'Frail older person (2.3 km/h)',
  'norms.speed.ouder': 'Older person (2.9 km/h)',
  'norms.speed.ouderVuistregel': 'Older person, rule of thumb (3.0 km/h)',
  'norms.speed.volwassene': 'Adult (4.8 km/h)',
  'norms.speed.custom': 'Own speed',
  'reach.method.hemelsbreed': 'straight line (as the crow flies, not a walking route)',
  'reach.verdict.met': 'meets',
  'reach.verdict.notMet': 'does not meet',
  'reach.verdict.noData': 'no data',
  'reach.outsideProvince': 'This point lies outside Overijssel; facilities across the border are not loaded.',
  'reach.noDataCategory': 'No {category} loaded: distance unknown, not "far away".',
  'reach.csv.siteId': 'Id',
  'reach.csv.siteName': 'Location',
  'reach.csv.outsideProvince': 'Outside Overijssel',
  'reach.csv.yes': 'yes',
  'reach.csv.no': 'no',
  'reach.csv.distanceColumn': '{category} straight line (m)',
  'reach.csv.walkingMinutesColumn': '{category} walking time (min)',
  'reach.csv.verdictColumn': 'Norm {housingType}',
  'reach.noFacilities': 'No facilities have been loaded for the reachability calculation yet.',
  'reach.noGrid': 'No grid over the province has been made yet.',
  'reach.unknownFacility': 'Facility "{value}" is not known to the reachability calculation.',
  'reach.workerError': 'The reachability calculation failed ({reason}).',
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
