import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { AVAILABILITY, DEFAULT_AREAS, FIELDS, GENDERS, INTERESTS, MEETING_MODES, MENTOR_AGE_BANDS, rankMentors, suggestCohort, type MentorCandidate } from '../src/matching/domain/index.js';
import type { Preference, YoungPerson } from '../src/matching/domain/young-people/index.js';
import { median } from './support/percentiles.js';
import { seeded, type Random } from './support/seeded-random.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const RANK_TARGET_MS = 20;
const COHORT_TARGET_MS = 1000;

/** Ranking one young person against 2,000 mentors, and a cohort of 300 against 300, on synthetic data from a fixed seed. */
export async function benchMatching(): Promise<void> {
  const random = seeded(20260302);
  const mentors = Array.from({ length: 2000 }, (_, i) => syntheticMentor(`m-${i}`, random));
  const youngPeople = Array.from({ length: 300 }, (_, i) => syntheticYoungPerson(`yp-${i}`, random));
  const first = youngPeople[0] as YoungPerson;

  const rankTimes = timeRuns(21, () => rankMentors(first, mentors, NOW));
  const ranked = rankMentors(first, mentors, NOW);
  const suggested = ranked.ok ? ranked.value.suggestions.length : 0;
  report(`rank 1 young person against ${mentors.length} mentors (${suggested} eligible)`, median(rankTimes), RANK_TARGET_MS);

  const cohortMentors = mentors.slice(0, 300);
  const cohortTimes = timeRuns(5, () => suggestCohort(youngPeople, cohortMentors, NOW));
  const cohort = suggestCohort(youngPeople, cohortMentors, NOW);
  report(`suggest for ${youngPeople.length} young people against ${cohortMentors.length} mentors (${cohort.pairs.length} paired)`, median(cohortTimes), COHORT_TARGET_MS);
}

function timeRuns(runs: number, work: () => unknown): number[] {
  work(); // warm-up, not counted
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });
}

function report(what: string, ms: number, targetMs: number): void {
  const verdict = ms <= targetMs ? 'within target' : 'OVER TARGET';
  console.log(`matching: ${what}: median ${ms.toFixed(2)} ms (target < ${targetMs} ms, ${verdict})`);
}

function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

function some<T>(random: Random, values: readonly T[], chance: number, atLeastOne = false): T[] {
  const chosen = values.filter(() => random() < chance);
  return chosen.length === 0 && atLeastOne ? [pick(random, values)] : chosen;
}

function syntheticMentor(id: string, random: Random): MentorCandidate {
  const meetingModes = some(random, MEETING_MODES, 0.7, true);
  return {
    id,
    name: `Mentor ${id}`,
    stage: random() < 0.9 ? 'profileComplete' : 'trained',
    profile: {
      aboutMe: 'About me.',
      penPicture: { experience: 'Experience.', interests: some(random, INTERESTS, 0.2, true), expertise: some(random, FIELDS, 0.15) },
      needs: {
        gender: pick(random, GENDERS),
        ageBand: pick(random, MENTOR_AGE_BANDS),
        menteeAges: random() < 0.7 ? { min: 16, max: 25 } : { min: 18, max: 25 },
        availability: some(random, AVAILABILITY, 0.5, true),
        meetingModes,
        venues: ['cafe'],
        areas: meetingModes.includes('inPerson') ? some(random, DEFAULT_AREAS, 0.4, true) : [],
        travelMiles: 10,
      },
    },
    ...(random() < 0.7 ? { dbs: { checkedOn: '2025-01-10', certificateReference: '001234567890', updateService: random() < 0.5 } } : {}),
    activeMatches: random() < 0.1 ? 1 : 0,
    worksInChildrensServices: random() < 0.2,
    conflicts: random() < 0.05 ? [{ kind: 'area', area: pick(random, DEFAULT_AREAS) }] : [],
  };
}

function syntheticYoungPerson(id: string, random: Random): YoungPerson {
  const year = 2001 + Math.floor(random() * 9);
  const preference = <T extends string>(values: readonly T[]): Preference<T> => {
    const chosen = random() < 0.4 ? [pick(random, values)] : [];
    return { values: chosen, required: chosen.length > 0 && random() < 0.3 };
  };
  return {
    id,
    reference: `LC-${id}`,
    firstName: 'Sam',
    dateOfBirth: `${year}-0${1 + Math.floor(random() * 9)}-15`,
    gender: pick(random, GENDERS),
    homeArea: pick(random, DEFAULT_AREAS),
    interests: some(random, INTERESTS, 0.2),
    eetGoals: some(random, FIELDS, 0.1),
    availability: some(random, AVAILABILITY, 0.5, true),
    preferences: {
      mentorGender: preference(['female', 'male'] as const),
      mentorAgeBand: preference(MENTOR_AGE_BANDS),
      meetingMode: preference(MEETING_MODES),
      area: preference(DEFAULT_AREAS),
    },
    keyAdult: { role: 'personalAdviser', name: 'Key Adult', contact: '01709 123456' },
    status: 'waiting',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchMatching();
}
