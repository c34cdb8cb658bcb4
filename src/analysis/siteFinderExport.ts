// Locatiezoeker exports (issue 13): the found sites as CSV for Dutch Excel (reachabilityCsv's format:
// ';', decimal comma, UTF-8 BOM, CRLF, formula-safe cells) with the figures per municipality and what
// they rest on under them, and as GeoJSON points with the settings, method and data sources. Words
// come from the caller (the message catalogue); the rows and numbers from here.

import { csvDocument, decimalComma } from './reachabilityCsv';
import type { AreaServedFigures } from './siteFinderFigures';
import type { FoundSite, SiteFinderAnswer, SiteFinderSettings } from './siteFinderProtocol';

/** Where a found site lies, as the panel names it. */
export interface FoundSitePlace {
  kern: string;
  municipality: string;
  /** A candidate from the planner's own list: its name there, or its row or feature. */
  name?: string;
}

export interface SiteFinderCsvLabels {
  rank: string;
  /** Header of the listed candidate's name (a column only when a site has one). */
  candidate: string;
  kern: string;
  municipality: string;
  latitude: string;
  longitude: string;
  /** Header with {band}. */
  added: string;
  /** Header with {category}, {max}. */
  nearest: string;
  noneLoaded: string;
  municipalitiesTitle: string;
  people: string;
  servedBefore: string;
  servedAfter: string;
  shareBefore: string;
  shareAfter: string;
  percentileBefore: string;
  percentileAfter: string;
  noSite: string;
  categories: Record<string, string>;
  band: string;
}

const people = (value: number) => decimalComma(Math.round(value), 0);
const share = (part: number, whole: number) => (whole > 0 ? decimalComma((100 * part) / whole, 1) : '');
const meters = (value: number, noSite: string) => (Number.isFinite(value) ? decimalComma(Math.round(value), 0) : Number.isNaN(value) ? '' : noSite);
const fill = (template: string, values: Record<string, string>) => Object.entries(values).reduce((text, [name, value]) => text.split(`{${name}}`).join(value), template);

/** Site rows, then the municipalities (before/after), then `about` (settings, method, sources) as label/value lines. */
export function siteFinderCsv(
  answer: Pick<SiteFinderAnswer, 'sites' | 'municipalities' | 'province'>,
  placeOf: (site: FoundSite) => FoundSitePlace,
  municipalityName: (area: AreaServedFigures) => string,
  labels: SiteFinderCsvLabels,
  about: readonly (readonly string[])[],
): string {
  const norms = answer.sites[0]?.nearest ?? [];
  const named = answer.sites.some((site) => placeOf(site).name !== undefined);
  const lines: string[][] = [
    [
      labels.rank,
      ...(named ? [labels.candidate] : []),
      labels.kern,
      labels.municipality,
      labels.latitude,
      labels.longitude,
      fill(labels.added, { band: labels.band }),
      ...norms.map((norm) => fill(labels.nearest, { category: labels.categories[norm.category] ?? norm.category, max: String(norm.maxDistanceMeters) })),
    ],
  ];
  for (const site of answer.sites) {
    const place = placeOf(site);
    lines.push([
      String(site.rank),
      ...(named ? [place.name ?? ''] : []),
      place.kern,
      place.municipality,
      decimalComma(site.location[1], 6),
      decimalComma(site.location[0], 6),
      people(site.addedDemand),
      ...site.nearest.map((norm) => (norm.distanceMeters === null ? labels.noneLoaded : decimalComma(Math.round(norm.distanceMeters), 0))),
    ]);
  }
  lines.push([]);
  lines.push([labels.municipalitiesTitle]);
  lines.push([labels.municipality, fill(labels.people, { band: labels.band }), labels.servedBefore, labels.servedAfter, labels.shareBefore, labels.shareAfter, labels.percentileBefore, labels.percentileAfter]);
  for (const area of [...answer.municipalities, answer.province]) {
    lines.push([
      municipalityName(area),
      people(area.people),
      people(area.servedBefore),
      people(area.servedAfter),
      share(area.servedBefore, area.people),
      share(area.servedAfter, area.people),
      meters(area.percentileBefore, labels.noSite),
      meters(area.percentileAfter, labels.noSite),
    ]);
  }
  lines.push([]);
  for (const line of about) lines.push([...line]);
  return csvDocument(lines);
}

export interface SiteFinderGeoJsonMeta {
  createdAt: string;
  settings: SiteFinderSettings;
  method: string;
  supply: { sites: number; care: number };
  candidates: unknown;
  comparison: string;
  datasets: readonly { name: string; source: string; licence: string; retrievedAt: string }[];
  sources: readonly string[];
  note: string;
}

/** The found sites as GeoJSON points (rank, place, people added, nearest facility per norm), with everything they rest on. */
export function siteFinderGeoJson(answer: Pick<SiteFinderAnswer, 'sites' | 'method' | 'municipalities' | 'province' | 'addedDemand' | 'servedBefore' | 'totalDemand'>, placeOf: (site: FoundSite) => FoundSitePlace, meta: SiteFinderGeoJsonMeta): Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    name: 'locatiezoeker',
    ...meta,
    solver: answer.method,
    totals: { olderPeople: answer.totalDemand, servedBefore: answer.servedBefore, added: answer.addedDemand },
    perMunicipality: [...answer.municipalities, answer.province].map((area) => ({
      ...area,
      percentileBefore: Number.isFinite(area.percentileBefore) ? area.percentileBefore : null,
      percentileAfter: Number.isFinite(area.percentileAfter) ? area.percentileAfter : null,
    })),
    features: answer.sites.map((site) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [site.location[0], site.location[1]] },
      properties: {
        rank: site.rank,
        cell: site.id,
        ...placeOf(site),
        addedOlderPeople: site.addedDemand,
        nearest: site.nearest,
      },
    })),
  };
}
