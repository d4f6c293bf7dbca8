import { ageOn, type Preference, type YoungPerson } from './young-people/young-person.js';
import type { MentorCandidate, MatchingPolicy } from './candidate.js';
import { READY_STAGES } from './candidate.js';
import { dbsStatus } from './dbs.js';
import type { MentorProfile } from './mentor-profile.js';
import { describeList } from './vocabulary.js';

export type ExclusionCode =
  | 'PROFILE_NOT_COMPLETE'
  | 'NO_ENHANCED_DBS'
  | 'AT_MATCH_LIMIT'
  | 'PREFERENCE_NOT_MET'
  | 'CONFLICT_OF_INTEREST'
  | 'OUTSIDE_MENTEE_AGES';

export interface Exclusion {
  readonly code: ExclusionCode;
  readonly message: string;
}

/** Every hard constraint the pair breaks, in a fixed order; none means the mentor may be suggested. */
export function hardConstraintViolations(
  mentor: MentorCandidate,
  youngPerson: YoungPerson,
  policy: MatchingPolicy,
  now: Date,
): Exclusion[] {
  const age = ageOn(youngPerson.dateOfBirth, now);
  const found: Exclusion[] = [];
  if (!READY_STAGES.includes(mentor.stage) || !mentor.profile) {
    found.push({ code: 'PROFILE_NOT_COMPLETE', message: `${mentor.name} has not completed their profile yet.` });
  }
  const dbs = dbsStatus(mentor.dbs, policy.dbsRenewAfterMonths, now);
  if (age < 18 && dbs !== 'cleared') {
    const why = dbs === 'expired' ? 'their enhanced DBS check needs renewing' : 'they have no enhanced DBS check recorded';
    found.push({ code: 'NO_ENHANCED_DBS', message: `This young person is under 18 and ${why}.` });
  }
  if (mentor.activeMatches >= policy.maxActiveMatches) {
    found.push({ code: 'AT_MATCH_LIMIT', message: `${mentor.name} already mentors ${mentor.activeMatches} young ${mentor.activeMatches === 1 ? 'person' : 'people'}, the most allowed.` });
  }
  if (mentor.profile) found.push(...profileViolations(mentor.profile, youngPerson, age));
  if (hasConflict(mentor, youngPerson)) {
    found.push({ code: 'CONFLICT_OF_INTEREST', message: `${mentor.name} has declared a conflict of interest with this young person or their area.` });
  }
  return found;
}

function profileViolations(profile: MentorProfile, youngPerson: YoungPerson, age: number): Exclusion[] {
  const found: Exclusion[] = [];
  const { min, max } = profile.needs.menteeAges;
  if (age < min || age > max) {
    found.push({ code: 'OUTSIDE_MENTEE_AGES', message: `The mentor would mentor ages ${min} to ${max}; this young person is ${age}.` });
  }
  for (const unmet of unmetRequirements(profile, youngPerson)) {
    found.push({ code: 'PREFERENCE_NOT_MET', message: `This young person needs ${unmet}.` });
  }
  return found;
}

/** What the young person made a must and this profile does not meet, in words. */
export function unmetRequirements(profile: MentorProfile, youngPerson: YoungPerson): string[] {
  return preferenceChecks(profile, youngPerson)
    .filter((check) => check.preference.required && !check.met)
    .map((check) => describeWanted(check));
}

export type PreferenceKind = keyof YoungPerson['preferences'];

export interface PreferenceCheck {
  readonly kind: PreferenceKind;
  readonly preference: Preference<string>;
  readonly met: boolean;
}

/** Each stated preference (one with values) and whether the profile meets it. */
export function preferenceChecks(profile: MentorProfile, youngPerson: YoungPerson): PreferenceCheck[] {
  const { mentorGender, mentorAgeBand, meetingMode, area } = youngPerson.preferences;
  const needs = profile.needs;
  const inPerson = needs.meetingModes.includes('inPerson');
  const checks: PreferenceCheck[] = [
    { kind: 'mentorGender', preference: mentorGender, met: mentorGender.values.includes(needs.gender) },
    { kind: 'mentorAgeBand', preference: mentorAgeBand, met: mentorAgeBand.values.includes(needs.ageBand) },
    { kind: 'meetingMode', preference: meetingMode, met: meetingMode.values.some((mode) => needs.meetingModes.includes(mode)) },
    { kind: 'area', preference: area, met: inPerson && area.values.some((value) => needs.areas.includes(value)) },
  ];
  return checks.filter((check) => check.preference.values.length > 0);
}

/** Built only when shown: ranking 2,000 mentors should not write 8,000 sentences nobody reads. */
export function describeWanted(check: PreferenceCheck): string {
  const values = describeList(check.preference.values, 'or');
  switch (check.kind) {
    case 'mentorGender':
      return `a ${values} mentor`;
    case 'mentorAgeBand':
      return `a mentor aged ${values}`;
    case 'meetingMode':
      return `to meet ${values}`;
    case 'area':
      return `to meet in ${values}`;
  }
}

function hasConflict(mentor: MentorCandidate, youngPerson: YoungPerson): boolean {
  const areas = new Set([youngPerson.homeArea, ...youngPerson.preferences.area.values]);
  return mentor.conflicts.some((conflict) =>
    conflict.kind === 'youngPerson' ? conflict.youngPersonId === youngPerson.id : areas.has(conflict.area),
  );
}
