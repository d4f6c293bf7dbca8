/** The known values that profiles, young people's records and matching share. Anything else is refused where it is parsed. */
export const GENDERS = ['female', 'male', 'nonBinary', 'preferNotToSay'] as const;
export type Gender = (typeof GENDERS)[number];

/** A mentor's own age, as a young person may state a preference about it. */
export const MENTOR_AGE_BANDS = ['under30', '30to39', '40to49', '50to59', '60plus'] as const;
export type MentorAgeBand = (typeof MENTOR_AGE_BANDS)[number];

export const INTERESTS = [
  'sport',
  'football',
  'fitness',
  'music',
  'art',
  'drama',
  'film',
  'gaming',
  'reading',
  'writing',
  'cooking',
  'outdoors',
  'animals',
  'travel',
  'fashion',
  'technology',
  'cars',
  'volunteering',
] as const;
export type Interest = (typeof INTERESTS)[number];

/** Fields of work or study: a mentor's areas of expertise and a young person's EET goals use the same list. */
export const FIELDS = [
  'business',
  'finance',
  'itAndDigital',
  'construction',
  'engineering',
  'healthAndCare',
  'education',
  'law',
  'publicService',
  'hospitality',
  'retail',
  'creative',
  'environment',
  'transport',
  'sportAndLeisure',
] as const;
export type Field = (typeof FIELDS)[number];

export const AVAILABILITY = ['weekdayDaytime', 'weekdayEvening', 'weekendDaytime', 'weekendEvening'] as const;
export type Availability = (typeof AVAILABILITY)[number];

export const MEETING_MODES = ['inPerson', 'online'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const VENUES = ['cafe', 'library', 'councilOffice', 'youthCentre', 'college', 'outdoors'] as const;
export type Venue = (typeof VENUES)[number];

/** Areas of the borough; a council passes its own list where records are parsed. */
export const DEFAULT_AREAS = ['central', 'north', 'south', 'east', 'west'] as const;

export const SCHEME_MIN_AGE = 16;
export const SCHEME_MAX_AGE = 25;

const WORDS: Record<string, string> = {
  female: 'female',
  male: 'male',
  nonBinary: 'non-binary',
  preferNotToSay: 'prefers not to say',
  under30: 'under 30',
  '30to39': '30 to 39',
  '40to49': '40 to 49',
  '50to59': '50 to 59',
  '60plus': '60 or over',
  itAndDigital: 'IT and digital',
  healthAndCare: 'health and care',
  publicService: 'public service',
  sportAndLeisure: 'sport and leisure',
  weekdayDaytime: 'weekday daytime',
  weekdayEvening: 'weekday evening',
  weekendDaytime: 'weekend daytime',
  weekendEvening: 'weekend evening',
  inPerson: 'in person',
  online: 'online',
  councilOffice: 'council office',
  youthCentre: 'youth centre',
};

/** The words a person reads for a known value. */
export function describeValue(value: string): string {
  return WORDS[value] ?? value;
}

export function describeList(values: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  const words = values.map(describeValue);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
