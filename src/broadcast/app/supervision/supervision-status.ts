import type { MentorStore } from '../../../journey/index.js';
import { nextSupervision, type SupervisionSetting } from '../../domain/supervision/index.js';

export interface SupervisionAnswers {
  answers(sessionId: string): Promise<Map<string, 'attend' | 'decline'>>;
}

/** For `my status`: a matched mentor's next group supervision, with their answer if they gave one. */
export async function nextSupervisionFor(
  deps: { setting: SupervisionSetting; mentors: MentorStore; answers: SupervisionAnswers; now: () => Date },
  mentorId: string,
): Promise<{ sessionId: string; startsAt: string; endsAt: string; timeZone: string; answer?: 'attend' | 'decline' } | undefined> {
  const stage = (await deps.mentors.get(mentorId))?.value.stage;
  if (stage !== 'matched' && stage !== 'active') return undefined;
  const next = nextSupervision(deps.setting, deps.now());
  const answer = (await deps.answers.answers(next.id)).get(mentorId.toLowerCase());
  return { sessionId: next.id, startsAt: next.start.toISOString(), endsAt: next.end.toISOString(), timeZone: next.timeZone, ...(answer ? { answer } : {}) };
}
