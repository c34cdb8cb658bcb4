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
