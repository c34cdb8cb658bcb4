// Reachability norms: per housing type, which facility categories must lie within which straight-line
// distance, plus walking-speed presets, each value with its source or marked as our own policy choice.

import type { DataIssue } from './dataIssue';
import type { FacilityCategory } from './facility';
import { FACILITY_CATEGORIES } from './facility';
import type { HousingType } from './housing';
import { HOUSING_TYPES } from './housing';
import type { Source, SourceId } from './source';

/**
 * Web pages and studies the default values come from. None of the policy documents (the woonzorgvisies and the Woondeal) gives
 * metres: they only ask for homes "op korte afstand", so every metre value below is traceable to
 * one of these sources or flagged `isPolicyChoice`. `location` summarises (in our words) what the
 * source says that we use; the pages were read in November 2026.
 */
export const NORM_SOURCES: readonly Source[] = [
  {
    id: 'norm-invoorzorg-woonzorgzone',
    title: 'Wat is een woonzorgzone?',
    publisher: 'InVoorZorg! (invoorzorg.nl)',
    location:
      'centrum voor dienstverlening met minimaal een dokterspost en een prikpost binnen 400–500 m loopafstand; ov-halte op hoogstens 300 m; een dekkend netwerk van 24-uurszorg, zonder afstand',
    date: 'geraadpleegd november 2026',
    licence: 'webpagina, geciteerd',
    url: 'http://www.invoorzorg.nl/informatie-wat-is-een-woonzorgzone.html',
    en: {
      location: 'a service centre with at least a GP post and a blood-test post within 400–500 m walking distance; a public transport stop at most 300 m away; a covering network of 24-hour care, without a distance',
      date: 'accessed November 2026',
      licence: 'web page, quoted',
    },
  },
  {
    id: 'norm-allesoversport-vuistregels',
    title: 'Vijf vuistregels om openbare ruimte in te richten waarmee ouderen meer in beweging (kunnen) komen',
    publisher: 'allesoversport.nl',
    location:
      'basisvoorzieningen zoals een gezondheidscentrum of supermarkt binnen 500 m; ouderen lopen gemiddeld 10 minuten, ongeveer 500 m; een bank om de 100 à 125 m',
    date: 'geraadpleegd november 2026',
    licence: 'webpagina, geciteerd',
    url: 'https://auteurs.allesoversport.nl/artikel/openbare-ruimte-zo-inrichten-ouderen-meer-bewegen/',
    en: {
      location: 'basic facilities such as a health centre or supermarket within 500 m; older people walk 10 minutes on average, about 500 m; a bench every 100 to 125 m',
      date: 'accessed November 2026',
      licence: 'web page, quoted',
    },
  },
  {
    id: 'norm-rivm-2025-openbare-ruimte',
    title: 'Een gezonde inrichting van de openbare ruimte: vuistregels voor Bewegen, Groen en Ontmoeten',
    publisher: 'RIVM',
    location: 'niet-bindende vuistregels, o.a. een zitplek om de 125 m; geeft geen afstand voor zorg of winkels die deze kaart gebruikt',
    date: '2025',
    licence: 'openbaar rapport, geciteerd',
    en: {
      location: 'non-binding rules of thumb, among them a seat every 125 m; gives no distance for care or shops that this map uses',
      licence: 'public report, quoted',
    },
  },
  {
    id: 'norm-oso-wonen-woonservicezone',
    title: 'Woonservicezone',
    publisher: 'OSO Alphen aan den Rijn (oso-wonen.nl)',
    location:
      'een winkelcentrum als middelpunt met een straal van 800 m, voorzieningen binnen die cirkel, zorg aan huis tot en met niet-planbare 24-uurszorg',
    date: 'geraadpleegd november 2026',
    licence: 'webpagina, geciteerd',
    url: 'https://www.oso-wonen.nl/woonservicezone/',
    en: {
      location: 'a shopping centre at the centre with a radius of 800 m, facilities within that circle, care at home up to and including unplannable 24-hour care',
      date: 'accessed November 2026',
      licence: 'web page, quoted',
    },
  },
  {
    id: 'norm-hastig-bushalte',
    title: 'Toegankelijkheid en beschikbaarheid bus in beeld',
    publisher: 'hastig.nl',
    location: 'cirkels van 400 m lopen rond bushaltes; kleiner te maken voor wie minder goed ter been is',
    date: '2019-03-11',
    licence: 'webpagina, geciteerd',
    url: 'https://www.hastig.nl/2019/03/11/toegankelijkheid-en-beschikbaarheid-bus-in-beeld/',
    en: {
      location: 'circles of 400 m walking around bus stops; to be made smaller for people who walk less well',
      licence: 'web page, quoted',
    },
  },
  {
    id: 'speed-ucl-rskc',
    title: 'Most older pedestrians are unable to cross the road in time (UCL, Age and Ageing)',
    publisher: 'University College London, via Road Safety Knowledge Centre (RSKC)',
    location: 'gemiddelde loopsnelheid van 65-plussers (Health Survey for England): mannen 0,9 m/s, vrouwen 0,8 m/s',
    date: '2012-05',
    licence: 'onderzoek, geciteerd',
    url: 'https://roadsafetyknowledgecentre.org.uk/rskc-913',
    en: {
      location: 'average walking speed of people aged 65 and over (Health Survey for England): men 0.9 m/s, women 0.8 m/s',
      licence: 'research, quoted',
    },
  },
  {
    id: 'speed-bath-frail',
    title: 'Are pedestrian crossings in the UK fit for purpose? (Western e.a.)',
    publisher: 'University of Bath research portal',
    location: '65-plussers met risico op mobiliteitsbeperking gemiddeld 0,76 m/s; met SPPB-score 4–7 (kwetsbaar) 0,64 m/s',
    date: 'geraadpleegd november 2026',
    licence: 'onderzoek, geciteerd',
    url: 'https://researchportal.bath.ac.uk/en/publications/are-pedestrian-crossings-in-the-uk-fit-for-purpose-comparing-the-',
    en: {
      location: 'people aged 65 and over at risk of mobility limitation 0.76 m/s on average; with an SPPB score of 4–7 (frail) 0.64 m/s',
      date: 'accessed November 2026',
      licence: 'research, quoted',
    },
  },
  {
    id: 'speed-finnis-walton',
    title: 'Field observations of factors influencing walking speeds (Finnis & Walton, Opus Central Laboratories)',
    publisher: 'Finnis & Walton',
    location: 'gemiddelde loopsnelheid ongeveer 80 m/min (4,8 km/u); 65-plussers ongeveer 10 m/min langzamer',
    date: 'geraadpleegd november 2026',
    licence: 'onderzoek, geciteerd',
    en: {
      location: 'average walking speed about 80 m/min (4.8 km/h); people aged 65 and over about 10 m/min slower',
      date: 'accessed November 2026',
      licence: 'research, quoted',
    },
  },
  {
    id: 'norm-own-policy-choice',
    title: 'Eigen aanname in deze kaart (geen norm gevonden)',
    publisher: 'Woonzorgkaart Overijssel',
    location: 'waarde gekozen door de makers of de gebruiker; aanpasbaar',
    date: '2026',
    licence: 'n.v.t.',
    en: {
      title: 'Own assumption in this map (no norm found)',
      location: 'value chosen by the makers or the user; adjustable',
      licence: 'not applicable',
    },
  },
];

export const POLICY_CHOICE_SOURCE: SourceId = 'norm-own-policy-choice';

/** One requirement: the nearest facility of `category` lies within `maxDistanceMeters` (straight line). */
export interface CategoryNorm {
  category: FacilityCategory;
  maxDistanceMeters: number;
  source: SourceId;
  /** true when the value is our (or the user's) assumption rather than a figure from the source. */
  isPolicyChoice: boolean;
}

export const NORM_PROFILE_IDS = ['woonzorgzone', 'ruim', 'custom'] as const;
export type NormProfileId = (typeof NORM_PROFILE_IDS)[number];

/** Which facility categories matter per housing type, and how far they may be. */
export interface NormProfile {
  id: NormProfileId;
  /** Catalogue key for the profile's name, e.g. 'norms.profile.woonzorgzone'. */
  labelKey: string;
  norms: Record<HousingType, CategoryNorm[]>;
}

/** Largest distance a norm or a search may use: beyond this the value is not a walking distance. */
export const MAX_NORM_DISTANCE_METERS = 50_000;

// Slowest and fastest speeds we accept: below 0.1 m/s nobody is walking; above 3 m/s (10.8 km/h) it
// is running or cycling, which the walking-minute conversion is not meant for.
export const MIN_WALKING_SPEED_METERS_PER_SECOND = 0.1;
export const MAX_WALKING_SPEED_METERS_PER_SECOND = 3;

function norm(category: FacilityCategory, maxDistanceMeters: number, source: SourceId, isPolicyChoice = false): CategoryNorm {
  return { category, maxDistanceMeters, source, isPolicyChoice };
}

/**
 * Housing-type ladder: every type needs everyday amenities (RIGO 2014 names supermarket, GP and
 * pharmacy as the most visited; public transport from the woonzorgzone concept); clustered homes add
 * a meeting place (afsprakenkader: a meeting room in or near the complex); care-suited homes add
 * 24-hour care. Which categories belong to which type is our reading of the afsprakenkader.
 */
function ladder(amenities: CategoryNorm[], meetingPlace: CategoryNorm, care24h: CategoryNorm): Record<HousingType, CategoryNorm[]> {
  return {
    nultreden: [...amenities],
    geclusterd: [...amenities, meetingPlace],
    zorggeschikt: [...amenities, meetingPlace, care24h],
  };
}

const INVOORZORG = 'norm-invoorzorg-woonzorgzone';
const ALLESOVERSPORT = 'norm-allesoversport-vuistregels';
const OSO = 'norm-oso-wonen-woonservicezone';
const HASTIG = 'norm-hastig-bushalte';

/**
 * Woonzorgzone: GP within 500 m (service centre with a doctor's post at 400–500 m), supermarket and
 * pharmacy within 500 m (basic amenities such as a health centre or supermarket), public transport
 * within 300 m. The sources name no meeting-place distance; using the 500 m basic-amenity rule for
 * it is our choice.
 */
export const WOONZORGZONE_PROFILE: NormProfile = {
  id: 'woonzorgzone',
  labelKey: 'norms.profile.woonzorgzone',
  norms: ladder(
    [
      norm('supermarkt', 500, ALLESOVERSPORT),
      norm('huisarts', 500, INVOORZORG),
      norm('apotheek', 500, ALLESOVERSPORT),
      norm('ovHalte', 300, INVOORZORG),
    ],
    norm('ontmoetingsplek', 500, ALLESOVERSPORT, true),
    // invoorzorg.nl asks for a full-coverage network of 24-hour care but gives no metres; 500 m
    // matches the zone's service-centre distance and is our choice.
    norm('zorg24uur', 500, INVOORZORG, true),
  ),
};

/** Wider zone: amenities within 800 m (woonservicezone example), public transport within 400 m. */
export const RUIM_PROFILE: NormProfile = {
  id: 'ruim',
  labelKey: 'norms.profile.ruim',
  norms: ladder(
    [norm('supermarkt', 800, OSO), norm('huisarts', 800, OSO), norm('apotheek', 800, OSO), norm('ovHalte', 400, HASTIG)],
    norm('ontmoetingsplek', 800, OSO),
    // oso-wonen.nl counts (unplanned) 24-hour care at home as part of the 800 m zone, but that is
    // care delivered at home, not a distance to a care location: applying 800 m here is our choice.
    norm('zorg24uur', 800, OSO, true),
  ),
};

function cloneNorms(norms: Record<HousingType, CategoryNorm[]>): Record<HousingType, CategoryNorm[]> {
  return {
    nultreden: norms.nultreden.map((item) => ({ ...item })),
    geclusterd: norms.geclusterd.map((item) => ({ ...item })),
    zorggeschikt: norms.zorggeschikt.map((item) => ({ ...item })),
  };
}

/** A user-editable copy of a named profile; values keep their source until the user changes them. */
export function createCustomProfile(base: NormProfile = WOONZORGZONE_PROFILE): NormProfile {
  return { id: 'custom', labelKey: 'norms.profile.custom', norms: cloneNorms(base.norms) };
}

export const NAMED_NORM_PROFILES: Record<Exclude<NormProfileId, 'custom'>, NormProfile> = {
  woonzorgzone: WOONZORGZONE_PROFILE,
  ruim: RUIM_PROFILE,
};

/**
 * Sets (or adds) one norm in a copy of the profile. The result is the 'custom' profile and the
 * changed value is marked as the user's policy choice, because it no longer comes from the source.
 */
export function withCategoryNorm(
  profile: NormProfile,
  housingType: HousingType,
  category: FacilityCategory,
  maxDistanceMeters: number,
): NormProfile {
  const custom = createCustomProfile(profile);
  const list = custom.norms[housingType];
  const changed = norm(category, maxDistanceMeters, POLICY_CHOICE_SOURCE, true);
  const position = list.findIndex((item) => item.category === category);
  if (position >= 0) list[position] = changed;
  else list.push(changed);
  return custom;
}

/** Removes a category from one housing type's requirements (copy, 'custom'). */
export function withoutCategoryNorm(profile: NormProfile, housingType: HousingType, category: FacilityCategory): NormProfile {
  const custom = createCustomProfile(profile);
  custom.norms[housingType] = custom.norms[housingType].filter((item) => item.category !== category);
  return custom;
}

// --- walking speed ---

export const WALKING_SPEED_PRESET_IDS = ['ouderKwetsbaar', 'ouder', 'ouderVuistregel', 'volwassene'] as const;
export type WalkingSpeedPresetId = (typeof WALKING_SPEED_PRESET_IDS)[number];

export interface WalkingSpeed {
  /** A preset id, or 'custom' when the user typed a value. */
  id: WalkingSpeedPresetId | 'custom';
  metersPerSecond: number;
  source: SourceId;
  isPolicyChoice: boolean;
}

const KILOMETERS_PER_HOUR_TO_METERS_PER_SECOND = 1000 / 3600;

export const WALKING_SPEED_PRESETS: Record<WalkingSpeedPresetId, WalkingSpeed> = {
  ouderKwetsbaar: { id: 'ouderKwetsbaar', metersPerSecond: 0.64, source: 'speed-bath-frail', isPolicyChoice: false },
  ouder: { id: 'ouder', metersPerSecond: 0.8, source: 'speed-ucl-rskc', isPolicyChoice: false },
  ouderVuistregel: {
    id: 'ouderVuistregel',
    metersPerSecond: 3.0 * KILOMETERS_PER_HOUR_TO_METERS_PER_SECOND,
    source: ALLESOVERSPORT,
    isPolicyChoice: false,
  },
  volwassene: {
    id: 'volwassene',
    metersPerSecond: 4.8 * KILOMETERS_PER_HOUR_TO_METERS_PER_SECOND,
    source: 'speed-finnis-walton',
    isPolicyChoice: false,
  },
};

/** The default: measured speed of women over 65, the slower of the two measured groups. */
export const DEFAULT_WALKING_SPEED: WalkingSpeed = WALKING_SPEED_PRESETS.ouder;

export function customWalkingSpeed(kilometersPerHour: number): WalkingSpeed {
  return {
    id: 'custom',
    metersPerSecond: kilometersPerHour * KILOMETERS_PER_HOUR_TO_METERS_PER_SECOND,
    source: POLICY_CHOICE_SOURCE,
    isPolicyChoice: true,
  };
}

export function metersPerSecondToKilometersPerHour(metersPerSecond: number): number {
  return metersPerSecond / KILOMETERS_PER_HOUR_TO_METERS_PER_SECOND;
}

/** Walking time for a straight-line distance; real routes are longer, so this is a lower bound. */
export function metersToWalkingMinutes(distanceMeters: number, speed: WalkingSpeed): number {
  return distanceMeters / speed.metersPerSecond / 60;
}

export function walkingMinutesToMeters(minutes: number, speed: WalkingSpeed): number {
  return minutes * 60 * speed.metersPerSecond;
}

// --- validation ---

const NORMS_FILE = 'norms';

/** Problems with one distance value, or an empty list; `record` says where the value sits. */
export function validateDistanceMeters(value: number, record: string): DataIssue[] {
  const params = { value: String(value), max: MAX_NORM_DISTANCE_METERS };
  if (!Number.isFinite(value)) return [{ code: 'norms.distanceNotFinite', file: NORMS_FILE, record, params }];
  if (value <= 0) return [{ code: 'norms.distanceNotPositive', file: NORMS_FILE, record, params }];
  if (value > MAX_NORM_DISTANCE_METERS) return [{ code: 'norms.distanceTooLarge', file: NORMS_FILE, record, params }];
  return [];
}

export function validateWalkingSpeed(speed: WalkingSpeed): DataIssue[] {
  const value = speed.metersPerSecond;
  if (Number.isFinite(value) && value >= MIN_WALKING_SPEED_METERS_PER_SECOND && value <= MAX_WALKING_SPEED_METERS_PER_SECOND) return [];
  return [
    {
      code: 'norms.speedOutOfRange',
      file: NORMS_FILE,
      record: speed.id,
      params: {
        value: String(value),
        minKilometersPerHour: metersPerSecondToKilometersPerHour(MIN_WALKING_SPEED_METERS_PER_SECOND),
        maxKilometersPerHour: metersPerSecondToKilometersPerHour(MAX_WALKING_SPEED_METERS_PER_SECOND),
      },
    },
  ];
}

const KNOWN_SOURCE_IDS = new Set(NORM_SOURCES.map((source) => source.id));

/** Every problem in a profile: bad distances, unknown categories, duplicates, unknown sources. */
export function validateNormProfile(profile: NormProfile): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const housingType of HOUSING_TYPES) {
    const seen = new Set<string>();
    for (const item of profile.norms[housingType] ?? []) {
      const record = `${housingType}/${item.category}`;
      if (!(FACILITY_CATEGORIES as readonly string[]).includes(item.category)) {
        issues.push({ code: 'norms.unknownCategory', file: NORMS_FILE, record, params: { value: item.category } });
      }
      if (seen.has(item.category)) issues.push({ code: 'norms.duplicateCategory', file: NORMS_FILE, record, params: { value: item.category } });
      seen.add(item.category);
      if (!KNOWN_SOURCE_IDS.has(item.source)) issues.push({ code: 'norms.unknownSource', file: NORMS_FILE, record, params: { value: item.source } });
      issues.push(...validateDistanceMeters(item.maxDistanceMeters, record));
    }
  }
  return issues;
}

/** The categories any housing type of the profile asks for, in FACILITY_CATEGORIES order. */
export function categoriesInProfile(profile: NormProfile): FacilityCategory[] {
  const used = new Set<FacilityCategory>();
  for (const housingType of HOUSING_TYPES) for (const item of profile.norms[housingType]) used.add(item.category);
  return FACILITY_CATEGORIES.filter((category) => used.has(category));
}

/** Thrown when an analysis is asked to run with invalid norms; carries every issue for the UI. */
export class InvalidNormsError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    super(issues.map((issue) => `${issue.code} (${issue.record ?? ''})`).join(', '));
    this.name = 'InvalidNormsError';
    this.issues = issues;
  }
}

/** Validates profile and speed together and throws InvalidNormsError when anything is wrong. */
export function assertValidNorms(profile: NormProfile, speed: WalkingSpeed): void {
  const issues = [...validateNormProfile(profile), ...validateWalkingSpeed(speed)];
  if (issues.length > 0) throw new InvalidNormsError(issues);
}
