// Small import files the browser tests share (test data, marked as such by its names).

/** Five rows: three valid facilities, one outside Overijssel, one unknown category. */
export const TEST_CSV = [
  'naam;categorie;lat;lon',
  'Testlocatie Zwolle;huisarts;52,509705;6,091546',
  'Testlocatie Enschede;apotheek;52,214997;6,885504',
  'Testlocatie Deventer;huisarts;52,257576;6,168881',
  'Testpunt buiten Overijssel;huisarts;52,09;5,12',
  'Testlocatie onbekende soort;bakkerij;52,509705;6,091546',
].join('\r\n');
