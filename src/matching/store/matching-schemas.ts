import { z } from 'zod';
import type { Match, MentorProfile, Proposal, DbsRecord } from '../domain/index.js';
import {
  AVAILABILITY,
  FIELDS,
  GENDERS,
  INTERESTS,
  MATCH_END_REASONS,
  MEETING_MODES,
  MENTOR_AGE_BANDS,
  VENUES,
} from '../domain/index.js';
import type { YoungPerson } from '../domain/young-people/index.js';
import { KEY_ADULT_ROLES, YOUNG_PERSON_STATUSES } from '../domain/young-people/index.js';
import type { MentorMatchingRecord } from '../app/matching-ports.js';

/** Checks stored JSON on the way in (`toDomain`): a row written by an older or broken version fails loudly, not later. */
const person = z.object({ id: z.string(), name: z.string() });

export const profileSchema: z.ZodType<MentorProfile> = z.object({
  aboutMe: z.string(),
  penPicture: z.object({ experience: z.string(), interests: z.array(z.enum(INTERESTS)), expertise: z.array(z.enum(FIELDS)) }),
  needs: z.object({
    gender: z.enum(GENDERS),
    ageBand: z.enum(MENTOR_AGE_BANDS),
    menteeAges: z.object({ min: z.number().int(), max: z.number().int() }),
    availability: z.array(z.enum(AVAILABILITY)),
    meetingModes: z.array(z.enum(MEETING_MODES)),
    venues: z.array(z.enum(VENUES)),
    areas: z.array(z.string()),
    travelMiles: z.number().int(),
  }),
});

export const dbsSchema: z.ZodType<DbsRecord> = z.object({
  checkedOn: z.string(),
  certificateReference: z.string(),
  updateService: z.boolean(),
  recordedBy: person.optional(),
  recordedAt: z.string().optional(),
});

export const matchingRecordSchema: z.ZodType<MentorMatchingRecord> = z.object({
  mentorId: z.string(),
  profile: profileSchema.optional(),
  profileUpdatedAt: z.string().optional(),
  dbs: dbsSchema.optional(),
  activeMatches: z.array(z.object({ matchId: z.string(), youngPersonId: z.string() })),
  conflicts: z.array(
    z.union([z.object({ kind: z.literal('youngPerson'), youngPersonId: z.string() }), z.object({ kind: z.literal('area'), area: z.string() })]),
  ),
  askedForProfileAt: z.string().optional(),
});

const preference = <T extends string>(values: z.ZodType<T>) => z.object({ values: z.array(values), required: z.boolean() });

export const youngPersonSchema: z.ZodType<YoungPerson> = z.object({
  id: z.string(),
  status: z.enum(YOUNG_PERSON_STATUSES),
  reference: z.string(),
  firstName: z.string(),
  dateOfBirth: z.string(),
  gender: z.enum(GENDERS),
  homeArea: z.string(),
  interests: z.array(z.enum(INTERESTS)),
  eetGoals: z.array(z.enum(FIELDS)),
  eetNote: z.string().optional(),
  availability: z.array(z.enum(AVAILABILITY)),
  preferences: z.object({
    mentorGender: preference(z.enum(GENDERS)),
    mentorAgeBand: preference(z.enum(MENTOR_AGE_BANDS)),
    meetingMode: preference(z.enum(MEETING_MODES)),
    area: preference(z.string()),
  }),
  keyAdult: z.object({ role: z.enum(KEY_ADULT_ROLES), name: z.string(), contact: z.string() }),
  returnedToListAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const proposalSchema: z.ZodType<Proposal> = z.object({
  id: z.string(),
  youngPersonId: z.string(),
  mentorIds: z.array(z.string()),
  proposedBy: person,
  proposedAt: z.string(),
  status: z.enum(['withYoungPerson', 'withMentor', 'noneSuits', 'accepted', 'declinedByMentor']),
  chosenMentorId: z.string().optional(),
  choiceRecordedBy: person.optional(),
  choiceRecordedAt: z.string().optional(),
  mentorRespondedAt: z.string().optional(),
});

export const matchSchema: z.ZodType<Match> = z.object({
  id: z.string(),
  mentorId: z.string(),
  youngPersonId: z.string(),
  startedOn: z.string(),
  status: z.enum(['active', 'ended']),
  endedOn: z.string().optional(),
  endReason: z.enum(MATCH_END_REASONS).optional(),
  pausedSince: z.string().optional(),
  pauses: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
});
