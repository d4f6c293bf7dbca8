import { parseMentorProfile, type MentorProfile } from '../domain/index.js';
import type { Mentor } from '../../journey/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { advanceMentorIfAllowed } from '../../journey/index.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { profileInput } from './form-input.js';
import type { MatchingDeps } from './matching-deps.js';
import { emptyMatchingRecord, type MentorMatchingRecord } from './matching-ports.js';

/** Who may write a pen picture: a mentor from training onwards. */
const MAY_WRITE: ReadonlyArray<Mentor['stage']> = ['trained', 'profileComplete', 'matched', 'active', 'ended'];

export interface MyProfile {
  readonly mentor: Mentor | undefined;
  readonly record: MentorMatchingRecord | undefined;
  readonly mayWrite: boolean;
}

export async function myProfile(deps: MatchingDeps, actor: PersonRef): Promise<MyProfile> {
  const [mentor, record] = await Promise.all([deps.journey.mentors.get(actor.id), deps.records.get(actor.id)]);
  return { mentor: mentor?.value, record: record?.value, mayWrite: !!mentor && MAY_WRITE.includes(mentor.value.stage) };
}

/**
 * Saves the mentor's own profile; the first complete one moves a trained mentor to "profile complete". The profile row
 * is written first: if the stage change then fails, saving again finishes it.
 */
export async function saveProfile(deps: MatchingDeps, actor: PersonRef, input: unknown): Promise<Result<{ mentor: Mentor; profile: MentorProfile }>> {
  const parsed = parseMentorProfile(profileInput(input), { areas: deps.areas });
  // Refused with every problem by its field, for the form to mark.
  if (!parsed.ok) return parsed;
  const profile = parsed.value;
  const saved = await retryOnConflict(async (): Promise<Result<Mentor>> => {
    const mentor = await deps.journey.mentors.get(actor.id);
    if (!mentor || !MAY_WRITE.includes(mentor.value.stage)) {
      return fail('NOT_TRAINED', 'You can write your pen picture once the coordinator has recorded your training.');
    }
    const current = await deps.records.get(actor.id);
    const now = deps.journey.clock.now();
    const record: MentorMatchingRecord = { ...(current?.value ?? emptyMatchingRecord(actor.id)), profile, profileUpdatedAt: now.toISOString() };
    await deps.records.save({
      value: record,
      ...(current ? { etag: current.etag } : {}),
      audit: [{ at: now.toISOString(), actor, action: current?.value.profile ? 'editProfile' : 'writeProfile', subjectId: actor.id }],
      effects: [],
    });
    return ok(mentor.value);
  });
  if (!saved.ok) return saved;
  // The mentor was read above, so there is a record.
  const mentor = (await advanceMentorIfAllowed(deps.journey, actor, 'completeProfile'))!;
  return ok({ mentor, profile });
}
