// Case- and accent-insensitive substring match for the search boxes.

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('nl');
}

export function matchesQuery(query: string, ...texts: string[]): boolean {
  const needle = fold(query.trim());
  return needle === '' || texts.some((text) => fold(text).includes(needle));
}
