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

  // --- facilities: import, OpenStreetMap, geocoding, storage (src/data/import, src/data/osm, src/data/geocode, src/storage) ---
  'import.fileEmpty': 'Het bestand {file} is leeg.',
  'import.fileBinary': 'Het bestand {file} is geen tekstbestand (bijvoorbeeld een Excel- of zip-bestand). Sla het op als CSV (UTF-8) of GeoJSON.',
  'import.fileHtml': 'Het bestand {file} is een webpagina, geen gegevensbestand. Mogelijk is een foutpagina gedownload.',
  'import.jsonNotGeoJson': 'Het bestand {file} is JSON maar geen GeoJSON (FeatureCollection of Feature verwacht).',
  'import.csvNoColumns': 'In {file} zijn geen kolommen gevonden. Gebruik puntkomma of komma als scheidingsteken.',
  'import.columnMappingIncomplete': 'Geef aan welke kolommen gebruikt moeten worden: {fields}.',
  'import.csvRowMalformed': 'Deze regel kon niet worden gelezen (aanhalingstekens niet gesloten).',
  'import.coordinateNotNumber': 'Kolom "{field}" bevat geen getal: "{value}".',
  'import.coordinateNotFinite': 'De coördinaten zijn geen geldige getallen.',
  'import.coordinatesSwapped': 'Breedte- en lengtegraad lijken verwisseld ({first}, {second}).',
  'import.unknownCategory': 'Onbekende categorie "{value}".',
  'import.unsupportedGeometry': 'Geometrietype {type} wordt niet ondersteund; gebruik punten of vlakken.',
  'import.notAFeature': 'Dit element is geen GeoJSON-Feature.',
  'import.unsafeKeysRemoved': '{count} onveilige eigenschapsnamen (zoals __proto__) zijn genegeerd.',
  'import.coordinateSystemUnknown': 'Niet te bepalen of de coördinaten in graden (WGS84) of in RD (meters) staan. Kies het coördinatenstelsel.',
  'import.coordinateSystem.wgs84': 'Lengtegraad, breedtegraad (WGS84)',
  'import.coordinateSystem.wgs84-swapped': 'Breedtegraad, lengtegraad (WGS84, omgedraaid)',
  'import.coordinateSystem.rd': 'RD x, y (meters)',
  'import.coordinateSystem.rd-swapped': 'RD y, x (meters, omgedraaid)',
  'import.coordinateNamesConflict': 'De kolomnamen passen niet bij de waarden: controleer het coördinatenstelsel.',
  'import.decodedAsWindows1252': 'Het bestand is niet in UTF-8 opgeslagen en is gelezen als Windows-tekst (Excel). Controleer letters met accenten.',
  'import.needsGeocoding': 'Deze rij heeft geen coördinaten. Sta adressen opzoeken bij PDOK toe om de plek te bepalen.',
  'import.cancelled': 'Het importeren is afgebroken.',
  'import.workerFailed': 'Het importeren is mislukt door een interne fout ({reason}).',
  'osm.attribution': '© OpenStreetMap-bijdragers',
  'osm.licence': 'Open Database License (ODbL)',
  'osm.offline': 'Geen internetverbinding: OpenStreetMap-gegevens kunnen nu niet worden opgehaald.',
  'osm.network': 'De OpenStreetMap-server is niet bereikbaar ({reason}).',
  'osm.timeout': 'De OpenStreetMap-server antwoordde niet binnen {seconds} seconden.',
  'osm.cancelled': 'Het ophalen van OpenStreetMap-gegevens is afgebroken.',
  'osm.rateLimited': 'De OpenStreetMap-server is druk (te veel verzoeken). Probeer het over een paar minuten opnieuw.',
  'osm.gatewayTimeout': 'De OpenStreetMap-server is overbelast (time-out). Probeer het later opnieuw of kies een kleiner gebied.',
  'osm.httpError': 'De OpenStreetMap-server gaf een fout (HTTP {status}).',
  'osm.malformedResponse': 'Het antwoord van de OpenStreetMap-server is onleesbaar ({reason}).',
  'osm.queryFailed': 'De OpenStreetMap-server kon de zoekvraag niet uitvoeren ({reason}).',
  'geocode.notFound': 'Adres niet gevonden.',
  'geocode.incompleteAddress': 'Adres is onvolledig: geef postcode en huisnummer, of straat, huisnummer en plaats.',
  'geocode.failed': 'Adres opzoeken bij PDOK is mislukt ({reason}).',
  'storage.quotaExceeded': 'Er is geen opslagruimte meer in deze browser. Verwijder oude gegevenssets en probeer het opnieuw.',
  'storage.blocked': 'De opslag wordt bijgewerkt, maar een ander tabblad met deze app houdt dat tegen. Sluit de andere tabbladen.',
  'storage.versionChange': 'Een nieuwere versie van de app is in een ander tabblad geopend. Laad deze pagina opnieuw.',
  'storage.unavailable': 'Opslag in de browser is niet beschikbaar (bijvoorbeeld in een privévenster). Uw wijzigingen worden niet bewaard.',
  'storage.notFound': 'Gegevensset niet gevonden.',
  'storage.alreadyExists': 'Er bestaat al een gegevensset met deze sleutel.',
  'storage.failed': 'Opslaan in de browser is mislukt ({reason}). Er is niets gewijzigd.',
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

  'import.fileEmpty': 'The file {file} is empty.',
  'import.fileBinary': 'The file {file} is not a text file (an Excel or zip file, for example). Save it as CSV (UTF-8) or GeoJSON.',
  'import.fileHtml': 'The file {file} is a web page, not a data file. An error page may have been downloaded.',
  'import.jsonNotGeoJson': 'The file {file} is JSON but not GeoJSON (expected a FeatureCollection or Feature).',
  'import.csvNoColumns': 'No columns were found in {file}. Use a semicolon or comma as separator.',
  'import.columnMappingIncomplete': 'Choose which columns to use: {fields}.',
  'import.csvRowMalformed': 'This row could not be read (unclosed quotes).',
  'import.coordinateNotNumber': 'Column "{field}" does not hold a number: "{value}".',
  'import.coordinateNotFinite': 'The coordinates are not valid numbers.',
  'import.coordinatesSwapped': 'Latitude and longitude appear to be swapped ({first}, {second}).',
  'import.unknownCategory': 'Unknown category "{value}".',
  'import.unsupportedGeometry': 'Geometry type {type} is not supported; use points or polygons.',
  'import.notAFeature': 'This element is not a GeoJSON Feature.',
  'import.unsafeKeysRemoved': '{count} unsafe property names (such as __proto__) were ignored.',
  'import.coordinateSystemUnknown': 'Cannot tell whether the coordinates are degrees (WGS84) or RD (metres). Choose the coordinate system.',
  'import.coordinateSystem.wgs84': 'Longitude, latitude (WGS84)',
  'import.coordinateSystem.wgs84-swapped': 'Latitude, longitude (WGS84, swapped)',
  'import.coordinateSystem.rd': 'RD x, y (metres)',
  'import.coordinateSystem.rd-swapped': 'RD y, x (metres, swapped)',
  'import.coordinateNamesConflict': 'The column names do not match the values: check the coordinate system.',
  'import.decodedAsWindows1252': 'The file was not saved as UTF-8 and was read as Windows text (Excel). Check accented letters.',
  'import.needsGeocoding': 'This row has no coordinates. Allow looking up addresses at PDOK to place it.',
  'import.cancelled': 'The import was cancelled.',
  'import.workerFailed': 'The import failed because of an internal error ({reason}).',
  'osm.attribution': '© OpenStreetMap contributors',
  'osm.licence': 'Open Database License (ODbL)',
  'osm.offline': 'No internet connection: OpenStreetMap data cannot be fetched now.',
  'osm.network': 'The OpenStreetMap server cannot be reached ({reason}).',
  'osm.timeout': 'The OpenStreetMap server did not answer within {seconds} seconds.',
  'osm.cancelled': 'Fetching OpenStreetMap data was cancelled.',
  'osm.rateLimited': 'The OpenStreetMap server is busy (too many requests). Try again in a few minutes.',
  'osm.gatewayTimeout': 'The OpenStreetMap server is overloaded (time-out). Try again later or choose a smaller area.',
  'osm.httpError': 'The OpenStreetMap server returned an error (HTTP {status}).',
  'osm.malformedResponse': 'The OpenStreetMap server sent an unreadable answer ({reason}).',
  'osm.queryFailed': 'The OpenStreetMap server could not run the query ({reason}).',
  'geocode.notFound': 'Address not found.',
  'geocode.incompleteAddress': 'Address is incomplete: give postcode and house number, or street, house number and town.',
  'geocode.failed': 'Looking up the address at PDOK failed ({reason}).',
  'storage.quotaExceeded': 'This browser has no storage space left. Delete old datasets and try again.',
  'storage.blocked': 'Storage is being upgraded, but another tab with this app is holding it up. Close the other tabs.',
  'storage.versionChange': 'A newer version of the app was opened in another tab. Reload this page.',
  'storage.unavailable': 'Browser storage is not available (in a private window, for example). Your changes will not be kept.',
  'storage.notFound': 'Dataset not found.',
  'storage.alreadyExists': 'A dataset with this key already exists.',
  'storage.failed': 'Saving in the browser failed ({reason}). Nothing was changed.',
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
