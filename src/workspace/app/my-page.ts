import { nextStep } from '../../journey/domain/index.js';
import { mySessions } from '../../sessions/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { WorkspaceDeps } from './workspace-deps.js';

export interface MyPage {
  readonly name: string;
  readonly stage?: string;
  readonly nextStep: string;
  readonly sessions: readonly { readonly title: string; readonly startsAt: string; readonly timeZone: string; readonly status: string; readonly position?: number }[];
  readonly minutesByMonth: Readonly<Record<string, number>>;
}

/** The signed-in person's own page: only their own records, read by their own id. */
export async function myPage(deps: WorkspaceDeps, actor: PersonRef): Promise<MyPage> {
  const [mentor, sessions, matches] = await Promise.all([
    deps.sessions.mentors.get(actor.id),
    mySessions(deps.sessions, actor),
    deps.relationship.matches.forMentor(actor.id),
  ]);
  const minutesByMonth: Record<string, number> = {};
  for (const match of matches) {
    const relationship = await deps.relationship.relationships.get(match.id);
    for (const [month, minutes] of Object.entries(relationship?.value.minutesByMonth ?? {})) minutesByMonth[month] = (minutesByMonth[month] ?? 0) + minutes;
  }
  return {
    name: mentor?.value.name ?? actor.name,
    ...(mentor ? { stage: mentor.value.stage } : {}),
    nextStep: nextStep(mentor?.value),
    sessions: sessions.map((booking) => ({
      title: booking.session.title,
      startsAt: booking.session.startsAt,
      timeZone: booking.session.timeZone,
      status: booking.status,
      ...(booking.status === 'waiting' ? { position: booking.position } : {}),
    })),
    minutesByMonth,
  };
}
